// In-kernel self-tests: checks that need the real hardware (or QEMU) — page
// tables the MMU walks, faults the CPU raises — and so cannot run as host
// unit tests. `test=<suite>` on the command line runs one suite at boot;
// tests/kernel asserts on the "selftest: N passed, M failed" line.
//
//   KERNEL_TEST(mm, lazy_zero_fill) {
//       auto value = ...;
//       CHECK_EQ(value, 0u);
//   }
//
// A failed CHECK prints the expression and location and marks the test
// failed; the test goes on, so one run reports every broken expectation.
// REQUIRE stops the test at the first failure (for preconditions later
// checks depend on).
#pragma once

#include <stdint.h>

namespace kernel::selftest {

class Context {
public:
    // Records a failure if `condition` is false; returns `condition`.
    bool check(bool condition, const char* expression, const char* file, int line);
    bool check_equal(uint64_t actual, uint64_t expected, const char* actual_text,
                     const char* expected_text, const char* file, int line);
    bool failed() const { return failures_ != 0; }

private:
    int failures_ = 0;
};

struct TestCase {
    const char* suite;
    const char* name;
    void (*body)(Context&);
    TestCase* next = nullptr;
};

// Adds a test to the registry (sorted by suite, then name). Used by
// KERNEL_TEST through a static object, so tests register before kernel::main.
struct Registration {
    explicit Registration(TestCase& test);
};

struct Summary {
    int passed = 0;
    int failed = 0;
};

// Runs every test of `suite` ("all": every test), printing one line per test
// and the summary line.
Summary run(const char* suite);

}  // namespace kernel::selftest

#define KERNEL_TEST(suite, name)                                                                   \
    static void selftest_##suite##_##name(::kernel::selftest::Context& context);                   \
    static ::kernel::selftest::TestCase selftest_case_##suite##_##name{#suite, #name,              \
                                                                       selftest_##suite##_##name}; \
    static ::kernel::selftest::Registration selftest_registration_##suite##_##name{                \
        selftest_case_##suite##_##name};                                                           \
    static void selftest_##suite##_##name([[maybe_unused]] ::kernel::selftest::Context& context)

#define CHECK(condition) context.check(static_cast<bool>(condition), #condition, __FILE__, __LINE__)
#define CHECK_EQ(actual, expected)                                                               \
    context.check_equal(static_cast<uint64_t>(actual), static_cast<uint64_t>(expected), #actual, \
                        #expected, __FILE__, __LINE__)
#define REQUIRE(condition) \
    if (!CHECK(condition)) return
#define REQUIRE_EQ(actual, expected) \
    if (!CHECK_EQ(actual, expected)) return
