// utest: the user-mode test program the in-QEMU tests boot as init
// (`init=utest init_arg=<case>`). Each case prints "utest <case>: passed"
// or "... FAILED"; "all" runs every case but the rate limit (which needs a
// kernel booted with a low limit); "exit" just exits with status 7 (the
// stress case spawns it).
#include <stdio.h>
#include <string.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"

namespace {

struct Case {
    const char* name;
    void (*run)();
    bool in_all;
};

constexpr Case kCases[] = {
    {"threads", utest::run_threads, true},
    {"preemption", utest::run_preemption, true},
    {"affinity", utest::run_affinity, true},
    {"sleep", utest::run_sleep, true},
    {"faults", utest::run_faults, true},
    {"bad_arguments", utest::run_bad_arguments, true},
    {"stress", utest::run_stress, true},
    {"rate_limit", utest::run_rate_limit, false},
    {"introspection", utest::run_introspection, true},
};

void run(const Case& test) {
    int failures_before = utest::failures;
    test.run();
    int failed = utest::failures - failures_before;
    if (failed == 0) {
        printf("utest %s: passed\n", test.name);
    } else {
        printf("utest %s: FAILED (%d checks)\n", test.name, failed);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const char* which = argc > 1 ? argv[1] : "all";
    if (strcmp(which, "exit") == 0) return 7;
    bool found = false;
    for (const Case& test : kCases) {
        if (strcmp(which, test.name) == 0 || (strcmp(which, "all") == 0 && test.in_all)) {
            run(test);
            found = true;
        }
    }
    if (!found) {
        printf("utest: no case \"%s\"; FAILED\n", which);
        return 1;
    }
    printf("utest: done, %d failed checks\n", utest::failures);
    return utest::failures == 0 ? 0 : 1;
}
