// hal/thread_context.h's ThreadContext on aarch64 (included by
// hal/thread_context.h; include that instead). The offsets are shared with
// context_switch.S through hal/aarch64/context_layout.h, whose
// static_asserts (in thread_context.cc) keep the two in step.
#pragma once

#include <stdint.h>

namespace hal::context {

// What a thread that is not running keeps of the CPU. AAPCS64 lets a call
// clobber everything except x19-x29, sp and the low halves of v8-v15, so
// switch_to (a call) saves only those general registers; kernel code never
// touches FP/SIMD (-mgeneral-regs-only), so only user threads have FP/SIMD
// state, and for them all of it is saved: a thread may be switched out in
// the middle of an interrupt from user code.
struct alignas(16) ThreadContext {
    uint64_t x19_to_x28[10] = {};
    uint64_t frame_pointer = 0;  // x29
    uint64_t link_register = 0;  // x30: where switch_to returns to
    // 0 while the thread is parked (hal/park.h): context_switch.S's park
    // stores it with the thread pointer next to it in one stp.
    uint64_t stack_pointer = 0;
    uint64_t tpidr_el0 = 0;  // the user thread pointer
    // The top of the thread's kernel stack (16-byte aligned). Traps from EL0
    // land here: SP_EL1 equals it whenever the thread runs in EL0. Right
    // after tpidr_el0: a parked resumption loads the two with one ldp.
    uint64_t kernel_stack_top = 0;
    uint32_t user_state = 0;  // non-zero: enable_user_state() ran
    // Whether the thread was resolving a page fault when it was switched
    // out: page_fault.cc's per-CPU flag travels with the thread. A switch
    // into the thread clears it again, so it is false while the thread runs
    // (and stays false when it parks, which saves nothing of it).
    bool resolving_fault = false;
    uint64_t fpcr = 0;
    uint64_t fpsr = 0;
    // q0-q31, each as two 64-bit halves (low first).
    uint64_t fp_registers[64] = {};
};

}  // namespace hal::context
