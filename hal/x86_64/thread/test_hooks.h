// Stand-ins for the generic kernel's side of hal/user_mode.h, for the HAL's
// own user-mode self-test (selftest/user_mode_selftest.cc), which runs user
// code on threads the scheduler does not know. While `system_call` is set,
// system calls and unresolved user faults go to these functions instead of
// kernel::handle_syscall and kernel::handle_user_fault, and the scheduler's
// hooks (kernel::handle_return_to_user, kernel::handle_interrupt_return) are
// not called: they would act on the scheduler's idea of the running thread.
// Never set outside that test.
#pragma once

#include <stdint.h>

#include "hal/user_mode.h"

namespace hal::x86_64::test_hooks {

struct Hooks {
    int64_t (*system_call)(const hal::syscall::Arguments& arguments) = nullptr;
    // Must not return (as kernel::handle_user_fault).
    void (*user_fault)(const hal::user::Fault& fault) = nullptr;
    // Called for every interrupt taken in user mode, after its handler.
    void (*user_interrupt)() = nullptr;
};

extern Hooks hooks;

// Sets `hooks` and makes this CPU's system calls skip the fast path
// (kernel::try_fast_syscall, which would take the hooked threads for the
// scheduler's): the hooked threads run on this CPU only. remove() undoes
// both. Interrupts masked.
void install(const Hooks& hooks);
void remove();

inline bool active() {
    return hooks.system_call != nullptr;
}

}  // namespace hal::x86_64::test_hooks
