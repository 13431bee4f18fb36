// ThreadContext on riscv64 (hal/thread_context.h includes this; include that
// instead). The implementation is in hal/riscv64/context/ (switch.S,
// thread_context.cc); context/context_layout.h has the offsets the assembly
// uses and checks them against this struct.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::context {

// What a thread that is not running keeps. The kernel's tp (the CPU index)
// is not here: it belongs to the CPU, so a thread that moves to another CPU
// resumes with that CPU's. The user's tp lives in the user register frame at
// the top of the kernel stack, like every other user register.
struct ThreadContext {
    // The callee-saved registers of the psABI, saved by switch_to().
    uint64_t ra = 0;
    uint64_t sp = 0;
    uint64_t s[12] = {};  // s0..s11
    // Its user register frame, right below the top of its kernel stack:
    // traps from U-mode put the user registers there (trap_entry.S finds it
    // in the CPU's trap area, where switch_to() installs it), and a parked
    // thread resumes on the stack right below it. 0 for a CPU's boot thread.
    uint64_t user_frame = 0;
    // Non-zero once enable_user_state() ran: the thread has FP state, which
    // its first FP instruction after a switch loads (the trap in
    // user_trap.cc) and a switch out saves if sstatus.FS says Dirty
    // (context/switch.S). The kernel is built rv64imac and never touches it.
    uint64_t user_state = 0;
    uint64_t f[32] = {};  // f0..f31, as raw 64-bit patterns
    uint64_t fcsr = 0;
};

}  // namespace hal::context
