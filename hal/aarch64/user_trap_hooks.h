// A seam for the HAL's own self-test of user mode (selftest/user_mode_selftest.cc):
// while set, system calls and user faults go to these functions instead of
// the kernel's, so the test gets control back from a thread that is not the
// scheduler's. Null outside that test.
#pragma once

#include <stdint.h>

#include "hal/aarch64/exception_frame.h"
#include "hal/user_mode.h"

namespace hal::aarch64 {

struct UserTrapHooks {
    // Instead of kernel::handle_syscall; `frame` is the caller's (read only).
    int64_t (*syscall)(const hal::syscall::Arguments& arguments, const ExceptionFrame& frame);
    // Instead of kernel::handle_user_fault; must not return.
    void (*user_fault)(const hal::user::Fault& fault, const ExceptionFrame& frame);
    // After an IRQ from EL0 was handled.
    void (*interrupt_from_user)(const ExceptionFrame& frame);
    // Instead of kernel::handle_return_to_user (the scheduler's, which knows
    // nothing of the test's threads).
    void (*return_to_user)();
};

// Set only through set_user_trap_hooks().
extern UserTrapHooks* user_trap_hooks;

// Sets `user_trap_hooks` (null: removes them) and points this CPU's
// VBAR_EL1 at the vector table whose svc skips the IPC fast path while they
// are set (vectors.S's exception_vectors_hooked: kernel::try_fast_syscall
// would take the hooked threads for the scheduler's), back at
// exception_vectors when they go. So the hooked threads must run on this
// CPU only, between the two calls. Interrupts masked.
void set_user_trap_hooks(UserTrapHooks* hooks);

// kernel::handle_return_to_user(), or the hook's stand-in (user_traps.cc).
void return_to_user();

}  // namespace hal::aarch64
