#include "kernel/selftest/selftest.h"

#include "kernel/debug/print.h"
#include "kernel/selftest/registry.h"

namespace kernel::selftest {
namespace {

TestCase* registry = nullptr;

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
    insert_sorted(registry, test);
}

Summary run(const char* suite) {
    Summary summary;
    for (TestCase* test = registry; test != nullptr; test = test->next) {
        if (!in_suite(*test, suite)) continue;
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
