// Assertions for the in-QEMU user-mode test programs: a failed CHECK prints
// "FAILED: <expression> (<file>:<line>)" (the boot tests reject any FAILED
// line) and counts; each case ends with "utest <case>: passed" or
// "utest <case>: FAILED (<n> checks)".
#pragma once

#include <stdint.h>
#include <stdio.h>

namespace utest {

inline int failures = 0;

inline bool check(bool condition, const char* expression, const char* file, int line) {
    if (!condition) {
        ++failures;
        printf("FAILED: %s (%s:%d)\n", expression, file, line);
    }
    return condition;
}

inline bool check_equal(int64_t actual, int64_t expected, const char* actual_text,
                        const char* expected_text, const char* file, int line) {
    if (actual != expected) {
        ++failures;
        printf("FAILED: %s == %s: got %lld, expected %lld (%s:%d)\n", actual_text, expected_text,
               static_cast<long long>(actual), static_cast<long long>(expected), file, line);
    }
    return actual == expected;
}

}  // namespace utest

#define CHECK(condition) ::utest::check((condition), #condition, __FILE__, __LINE__)
#define CHECK_EQ(actual, expected)                                                              \
    ::utest::check_equal(static_cast<int64_t>(actual), static_cast<int64_t>(expected), #actual, \
                         #expected, __FILE__, __LINE__)
