// Traps from U-mode (user_trap.cc): system calls, interrupts and exceptions.
// None of them panics the kernel: what the page-fault path cannot resolve is
// handed to kernel::handle_user_fault().
#pragma once

#include <stdint.h>

#include "hal/riscv64/trap_frame.h"
#include "hal/user_mode.h"

namespace hal::riscv64 {

// Handles a trap whose frame says it came from U-mode, other than a system
// call (trap_entry.S sends those to user_trap.cc's riscv64_serve_system_call);
// returns when the frame may be resumed (after kernel::handle_return_to_user()).
void handle_user_trap(TrapFrame& frame);

// A test seam for the HAL's own user-mode self-test (selftest/), which must
// run before (and independently of) the kernel's system calls and
// scheduler: while `user_trap_hooks` is set, the non-null members replace
// the kernel hooks of hal/user_mode.h. Set only while no other CPU runs user
// code.
struct UserTrapHooks {
    int64_t (*syscall)(const hal::syscall::Arguments& arguments) = nullptr;
    void (*user_fault)(const hal::user::Fault& fault) = nullptr;  // must not return
    void (*return_to_user)() = nullptr;
    void (*interrupt_return)() = nullptr;
};
extern constinit UserTrapHooks* user_trap_hooks;  // set only through:

// Sets (or, with nullptr, clears) user_trap_hooks, and has this CPU's
// ecalls with the IPC fast path's numbers skip kernel::try_fast_syscall
// while they are set (the trap area's fast_syscall, trap_frame.h): those
// reach the hooks' syscall like every other. Interrupts masked, on the CPU
// that then runs the user code (no other CPU may run user code meanwhile).
void set_user_trap_hooks(UserTrapHooks* hooks);

// kernel::handle_interrupt_return(), or the hook replacing it.
void interrupt_return();

}  // namespace hal::riscv64
