// ipctest: the capability and IPC test suite, in the spirit of sel4test,
// booted as init (`init=ipctest init_arg=<case>[,<case>...]`, "all" for
// every case). Each case prints one summary line with its figures and then
// "ipctest <case>: passed" or "ipctest <case>: FAILED (<n> checks)"; every
// failed check prints a FAILED line. The cases spawn bin/ipctest itself as
// "child:<role>" for the other side of cross-process tests.
//
// The user-space interrupt case lives in tests/user/memtest (helper "mem").
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cairn/ipc.h"
#include "cairn/thread.h"
#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace {

struct Case {
    const char* name;
    void (*run)();
};

constexpr Case kCases[] = {
    {"caps", ipctest::run_caps},       {"ipc", ipctest::run_ipc},
    {"peer", ipctest::run_peer},       {"notify", ipctest::run_notify},
    {"memory", ipctest::run_memory},   {"objects", ipctest::run_objects},
    {"ool", ipctest::run_out_of_line}, {"parked", ipctest::run_parked},
};

constexpr ipctest::ChildRole kRoles[] = {
    {"grant_probe", ipctest::child_grant_probe},
    {"sparse_slots", ipctest::child_sparse_slots},
    {"echo_server", ipctest::child_echo_server},
    {"die_in_call", ipctest::child_die_in_call},
    {"exit_while_calling", ipctest::child_exit_while_calling},
    {"shared_memory", ipctest::child_shared_memory},
    {"zero_copy", ipctest::child_zero_copy},
    {"objects_target", ipctest::child_objects_target},
    {"objects_sleeper", ipctest::child_objects_sleeper},
    {"objects_busy", ipctest::child_objects_busy},
    {"objects_leaver", ipctest::child_objects_leaver},
    {"objects_self_kill", ipctest::child_objects_self_kill},
    {"ool_sender", ipctest::child_ool_sender},
    {"parked_server", ipctest::child_parked_server},
    {"parked_client", ipctest::child_parked_client},
};

void run(const Case& test) {
    int failures_before = utest::failures;
    test.run();
    int failed = utest::failures - failures_before;
    if (failed == 0) {
        printf("ipctest %s: passed\n", test.name);
    } else {
        printf("ipctest %s: FAILED (%d checks)\n", test.name, failed);
    }
}

// Runs the cases named in a comma-separated list; false if a name is unknown.
bool run_list(const char* list) {
    bool all = strcmp(list, "all") == 0;
    for (const Case& test : kCases) {
        size_t length = strlen(test.name);
        for (const char* at = list; !all && at != nullptr;) {
            if (strncmp(at, test.name, length) == 0 && (at[length] == ',' || at[length] == 0)) {
                run(test);
                break;
            }
            at = strchr(at, ',');
            if (at != nullptr) ++at;
        }
        if (all) run(test);
    }
    // Unknown names: every word must be a case.
    for (const char* at = list; !all && at != nullptr;) {
        bool known = false;
        for (const Case& test : kCases) {
            size_t length = strlen(test.name);
            known = known ||
                    (strncmp(at, test.name, length) == 0 && (at[length] == ',' || at[length] == 0));
        }
        if (!known) return false;
        at = strchr(at, ',');
        if (at != nullptr) ++at;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const char* which = argc > 1 ? argv[1] : "all";
    if (strncmp(which, "child:", 6) == 0) {
        for (const ipctest::ChildRole& role : kRoles)
            if (strcmp(which + 6, role.name) == 0) return role.run();
        printf("ipctest: no child role \"%s\"; FAILED\n", which + 6);
        return 99;
    }
    // The quota checks compare the memory quota, which also pays for this
    // process's own pages (abi/cairn/capability.h): touch now what the
    // cases would otherwise fault in for the first time (the runtime's
    // first thread, the heap blocks of the out-of-line buffers).
    {
        cairn::Thread first;
        if (first.start([] { return int64_t{0}; })) (void)first.join();
        void* blocks[] = {malloc(cairn::kMaxOutOfLineBytes + 1), malloc(cairn::kMaxOutOfLineBytes)};
        memset(blocks[0], 1, cairn::kMaxOutOfLineBytes + 1);
        memset(blocks[1], 1, cairn::kMaxOutOfLineBytes);
        free(blocks[1]);
        free(blocks[0]);
    }
    if (!run_list(which)) {
        printf("ipctest: unknown case in \"%s\"; FAILED\n", which);
        return 1;
    }
    printf("ipctest: done, %d failed checks\n", utest::failures);
    return utest::failures == 0 ? 0 : 1;
}
