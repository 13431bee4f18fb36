#include "kernel/selftest/selftest.h"

#include "kernel/debug/print.h"
#include "kernel/lib/string.h"

namespace kernel::selftest {
namespace {

TestCase* registry = nullptr;

int compare(const TestCase& a, const TestCase& b) {
    int by_suite = os::string_compare(a.suite, b.suite);
    return by_suite != 0 ? by_suite : os::string_compare(a.name, b.name);
}

}  // namespace

bool Context::check(bool condition, const char* expression, const char* file, int line) {
    if (!condition) {
        ++failures_;
        print("    FAILED %s:%d: CHECK(%s)\n", file, line, expression);
    }
    return condition;
}

bool Context::check_equal(uint64_t actual, uint64_t expected, const char* actual_text,
                          const char* expected_text, const char* file, int line) {
    if (actual != expected) {
        ++failures_;
        print("    FAILED %s:%d: %s == %s: got 0x%llx, expected 0x%llx\n", file, line, actual_text,
              expected_text, static_cast<unsigned long long>(actual),
              static_cast<unsigned long long>(expected));
    }
    return actual == expected;
}

Registration::Registration(TestCase& test) {
    TestCase** link = &registry;
    while (*link != nullptr && compare(**link, test) < 0) link = &(*link)->next;
    test.next = *link;
    *link = &test;
}

Summary run(const char* suite) {
    bool everything = os::string_compare(suite, "all") == 0;
    Summary summary;
    for (TestCase* test = registry; test != nullptr; test = test->next) {
        if (!everything && os::string_compare(test->suite, suite) != 0) continue;
        print("selftest: %s.%s\n", test->suite, test->name);
        Context context;
        test->body(context);
        if (context.failed()) {
            ++summary.failed;
            print("selftest: %s.%s FAILED\n", test->suite, test->name);
        } else {
            ++summary.passed;
        }
    }
    print("selftest: %d passed, %d failed\n", summary.passed, summary.failed);
    return summary;
}

}  // namespace kernel::selftest
