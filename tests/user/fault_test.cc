// A user fault ends the faulting thread and nothing else: the process, its
// other threads and the kernel go on, and join reports the thread killed.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

void write_null(void*) {
    *reinterpret_cast<volatile uint64_t*>(uintptr_t{8}) = 1;  // page 0 is never mapped
}

void read_kernel(void*) {
    // The top of the address space belongs to the kernel on every
    // architecture.
    volatile uint64_t value = *reinterpret_cast<volatile uint64_t*>(~uint64_t{0} - 4095);
    (void)value;
}

void execute_data(void*) {
    static uint64_t not_code[4] = {};
    reinterpret_cast<void (*)()>(not_code)();
}

void trap(void*) {
    __builtin_trap();
}

void fine(void* argument) {
    *static_cast<int*>(argument) = 42;
}

}  // namespace

void run_faults() {
    void (*const faulting[])(void*) = {write_null, read_kernel, execute_data, trap};
    for (auto function : faulting) {
        Thread thread;
        CHECK(start_thread(&thread, function, nullptr));
        CHECK_EQ(join(&thread), cairn::kThreadKilledStatus);
    }
    int answer = 0;
    Thread survivor;
    CHECK(start_thread(&survivor, fine, &answer));
    CHECK_EQ(join(&survivor), 0);
    CHECK_EQ(answer, 42);
    printf("faults: 4 faulting threads killed, the process goes on\n");
}

}  // namespace utest
