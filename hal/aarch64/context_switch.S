// The thread switch and the first entry into user mode
// (hal/thread_context.h; the C++ half is thread_context.cc).
//
// Only these routines touch FP/SIMD registers: kernel code is built with
// -mgeneral-regs-only, so the FP/SIMD state in the CPU always belongs to
// the user thread that ran last, and a switch moves it only for user threads.

#include "hal/aarch64/context_layout.h"
#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/system_registers.h"

    // The kernel's compiler flags leave FP/SIMD out of the target; these
    // routines are the exception.
    .arch_extension fp
    .arch_extension simd

    .text

// hal::context::park_and_resume(ThreadContext&, ThreadContext&, long, uint32_t*).
#define PARK_AND_RESUME _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj

// TPIDR_EL0 of a thread with user state and, if they are live (it used
// them since it was switched in: CPACR_EL1.FPEN untrapped, see below), its
// FP/SIMD registers and FPCR/FPSR, saved into the context in \reg (x9-x11
// scratch).
.macro SAVE_USER_STATE reg
    ldr     w9, [\reg, #CONTEXT_USER_STATE]
    cbz     w9, 1f
    SAVE_USER_REGISTERS \reg
1:
.endm

// The same for a context known to have user state.
.macro SAVE_USER_REGISTERS reg
    mrs     x9, tpidr_el0
    str     x9, [\reg, #CONTEXT_TPIDR_EL0]
    mrs     x9, cpacr_el1
    tbz     x9, #CPACR_EL1_FPEN_SHIFT, 2f
    SAVE_FP_REGISTERS \reg
2:
.endm

// FP/SIMD registers, FPCR and FPSR into the context in \reg (x9-x11 scratch).
.macro SAVE_FP_REGISTERS reg
    mrs     x9, fpcr
    mrs     x11, fpsr
    stp     x9, x11, [\reg, #CONTEXT_FPCR]
    add     x10, \reg, #CONTEXT_FP_REGISTERS
    stp     q0, q1, [x10, #0]
    stp     q2, q3, [x10, #32]
    stp     q4, q5, [x10, #64]
    stp     q6, q7, [x10, #96]
    stp     q8, q9, [x10, #128]
    stp     q10, q11, [x10, #160]
    stp     q12, q13, [x10, #192]
    stp     q14, q15, [x10, #224]
    stp     q16, q17, [x10, #256]
    stp     q18, q19, [x10, #288]
    stp     q20, q21, [x10, #320]
    stp     q22, q23, [x10, #352]
    stp     q24, q25, [x10, #384]
    stp     q26, q27, [x10, #416]
    stp     q28, q29, [x10, #448]
    stp     q30, q31, [x10, #480]
.endm

// The per-CPU "resolving a page fault" flag (page_fault.cc) is the running
// thread's: it goes out with the thread switched off (into \reg's context).
.macro SAVE_FAULT_FLAG reg
    mrs     x9, tpidr_el1
    adrp    x10, aarch64_resolving_fault
    add     x10, x10, :lo12:aarch64_resolving_fault
    ldrb    w11, [x10, w9, uxtw]
    strb    w11, [\reg, #CONTEXT_RESOLVING_FAULT]
.endm

// hal/park.h's park() of the user thread whose context is in \reg, in a
// system call from EL0 with its frame at its kernel stack top, once its
// user state is saved: its saved stack pointer becomes 0 (no thread runs
// with sp 0), which tells aarch64_load_context that the next switch_to()
// into it goes to aarch64_parked_start right under its frame (its x19-x30
// are left stale: nothing there uses them, and aarch64_parked_start
// clears fp).
//
// Its page fault flag (page_fault.cc) needs no store: the context's is
// false while the thread runs (the load clears it) and the CPU's is false
// too, since a thread parks only from its system call's own code, never
// while kernel::handle_page_fault runs on its stack (the flag is set only
// around that call). The same holds for every parked thread the CPU
// resumes, so the parked resumptions below leave the flag alone.
.macro PARK_CONTEXT reg
    str     xzr, [\reg, #CONTEXT_SP]
.endm

// Makes the context in \reg, a parked thread's, this CPU's running thread
// and moves onto its stack right under its frame: what a switch loads of
// it besides the callee-saved registers it does not need (x9-x10 scratch;
// FP/SIMD trapping is the caller's).
.macro RESUME_PARKED_CONTEXT reg
    .if     CONTEXT_KERNEL_STACK_TOP != CONTEXT_TPIDR_EL0 + 8
    .error  "RESUME_PARKED_CONTEXT loads the thread pointer and the stack top as a pair"
    .endif
    ldp     x10, x9, [\reg, #CONTEXT_TPIDR_EL0]
    sub     sp, x9, #EXCEPTION_FRAME_SIZE
    msr     tpidr_el0, x10
    mrs     x9, tpidr_el1
    adrp    x10, aarch64_current_contexts
    add     x10, x10, :lo12:aarch64_current_contexts
    str     \reg, [x10, w9, uxtw #3]
.endm

// aarch64_switch_context(x0 = from, x1 = to): hal::context::switch_to.
// IRQs are masked (the caller's contract), so nothing runs between the save
// and the load on this CPU.
    .global aarch64_switch_context
    .type   aarch64_switch_context, %function
    .balign 16
aarch64_switch_context:
    stp     x19, x20, [x0, #(CONTEXT_X19 + 0 * 8)]
    stp     x21, x22, [x0, #(CONTEXT_X19 + 2 * 8)]
    stp     x23, x24, [x0, #(CONTEXT_X19 + 4 * 8)]
    stp     x25, x26, [x0, #(CONTEXT_X19 + 6 * 8)]
    stp     x27, x28, [x0, #(CONTEXT_X19 + 8 * 8)]
    stp     x29, x30, [x0, #CONTEXT_X29]
    mov     x9, sp
    str     x9, [x0, #CONTEXT_SP]
    SAVE_USER_STATE x0
    SAVE_FAULT_FLAG x0
// aarch64_load_context(x0 = unused, x1 = to): the load half alone, for
// switching from a parked thread (hal/park.h), which has nothing to save.
    .global aarch64_load_context
aarch64_load_context:
    // `to` is this CPU's running thread from here on (thread_context.cc's
    // running_context()): TPIDR_EL1's low half is the CPU index. Its page
    // fault flag comes in with it.
    mrs     x9, tpidr_el1
    adrp    x10, aarch64_current_contexts
    add     x10, x10, :lo12:aarch64_current_contexts
    str     x1, [x10, w9, uxtw #3]
    // (The context's copy is cleared: it is false while the thread runs,
    // which PARK_CONTEXT relies on.)
    adrp    x10, aarch64_resolving_fault
    add     x10, x10, :lo12:aarch64_resolving_fault
    ldrb    w11, [x1, #CONTEXT_RESOLVING_FAULT]
    strb    w11, [x10, w9, uxtw]
    strb    wzr, [x1, #CONTEXT_RESOLVING_FAULT]
    ldr     w9, [x1, #CONTEXT_USER_STATE]
    cbz     w9, 2f
    ldr     x9, [x1, #CONTEXT_TPIDR_EL0]
    msr     tpidr_el0, x9
2:
    // FP/SIMD is switched lazily: the registers stay as they are and trap
    // (FPEN = 0b00, EL0 and EL1) until the thread uses them; the trap loads
    // its state (aarch64_load_fp_state) and untraps them. So a switch
    // between threads that do not touch FP/SIMD moves none of it, and the
    // save half above knows from FPEN whether there is anything to save.
    // The eret to EL0 synchronizes the write; kernel code never uses FP.
    msr     cpacr_el1, xzr
    ldp     x19, x20, [x1, #(CONTEXT_X19 + 0 * 8)]
    ldp     x21, x22, [x1, #(CONTEXT_X19 + 2 * 8)]
    ldp     x23, x24, [x1, #(CONTEXT_X19 + 4 * 8)]
    ldp     x25, x26, [x1, #(CONTEXT_X19 + 6 * 8)]
    ldp     x27, x28, [x1, #(CONTEXT_X19 + 8 * 8)]
    ldp     x29, x30, [x1, #CONTEXT_X29]
    ldr     x9, [x1, #CONTEXT_SP]
    cbz     x9, 3f                  // parked (PARK_CONTEXT)
    mov     sp, x9
    ret
3:  // A parked thread: onto its stack right under its frame.
    ldr     x9, [x1, #CONTEXT_KERNEL_STACK_TOP]
    sub     sp, x9, #EXCEPTION_FRAME_SIZE
    b       aarch64_parked_start
    .size   aarch64_switch_context, . - aarch64_switch_context

// aarch64_load_fp_state(x0 = context): the running user thread's first
// FP/SIMD instruction since it was switched in trapped (user_traps.cc):
// untraps FP/SIMD and loads its registers, FPCR and FPSR.
    .global aarch64_load_fp_state
    .type   aarch64_load_fp_state, %function
    .balign 16
aarch64_load_fp_state:
    mov     x9, #CPACR_EL1_FP_UNTRAPPED
    msr     cpacr_el1, x9
    isb
    ldp     x9, x11, [x0, #CONTEXT_FPCR]
    msr     fpcr, x9
    msr     fpsr, x11
    add     x10, x0, #CONTEXT_FP_REGISTERS
    ldp     q0, q1, [x10, #0]
    ldp     q2, q3, [x10, #32]
    ldp     q4, q5, [x10, #64]
    ldp     q6, q7, [x10, #96]
    ldp     q8, q9, [x10, #128]
    ldp     q10, q11, [x10, #160]
    ldp     q12, q13, [x10, #192]
    ldp     q14, q15, [x10, #224]
    ldp     q16, q17, [x10, #256]
    ldp     q18, q19, [x10, #288]
    ldp     q20, q21, [x10, #320]
    ldp     q22, q23, [x10, #352]
    ldp     q24, q25, [x10, #384]
    ldp     q26, q27, [x10, #416]
    ldp     q28, q29, [x10, #448]
    ldp     q30, q31, [x10, #480]
    ret
    .size   aarch64_load_fp_state, . - aarch64_load_fp_state

// aarch64_park_context(x0 = context): hal::context::park(), all of it: the
// user state a switch saves, and the resumption (PARK_CONTEXT). A parked
// thread keeps no callee-saved registers and no stack below its frame.
    .global aarch64_park_context
    .type   aarch64_park_context, %function
    .balign 16
aarch64_park_context:
    SAVE_USER_REGISTERS x0
    PARK_CONTEXT x0
    ret
    .size   aarch64_park_context, . - aarch64_park_context

// aarch64_resume_parked(x0 = to, x1 = result): hal::context::resume_parked()
// after park(): `to` runs kernel::parked_thread_arrived() on its stack right
// under its frame, then returns to user mode from the frame.
    .global aarch64_resume_parked
    .type   aarch64_resume_parked, %function
    .balign 16
aarch64_resume_parked:
    RESUME_PARKED_CONTEXT x0
    str     x1, [sp, #EXCEPTION_FRAME_X0]
    msr     cpacr_el1, xzr          // FP/SIMD trapped: lazy
    mov     x29, xzr                // the frame-pointer chain ends here
    bl      aarch64_parked_thread_arrived
    b       aarch64_user_return
    .size   aarch64_resume_parked, . - aarch64_resume_parked

// Where a parked thread resumes (aarch64_load_context comes here for a
// context whose stack pointer is 0, with sp right under its user frame).
// Switched to by switch_to():
    .global aarch64_parked_start
    .type   aarch64_parked_start, %function
    .balign 16
aarch64_parked_start:
    mov     x29, xzr                        // the frame-pointer chain ends here
    bl      aarch64_resume_parked_thread    // never returns
    brk     #0
    .size   aarch64_parked_start, . - aarch64_parked_start

// aarch64_park_and_resume(x0 = from, x1 = to, x2 = result, x3 = cpu lock) is
// hal::context::park_and_resume (hal/park.h; defined here under its C++
// name, which the link checks, to spare a call): park() of `from`, then
// `to` resumed straight into user mode from its frame, its callee-saved
// registers never loaded (nothing it runs needs them). What it rests on:
//  - Both threads have user state (`from` is in a system call from EL0,
//    `to` parked in one), so TPIDR_EL0 moves unconditionally, saved with
//    PARK_CONTEXT's store in one stp.
//  - FP/SIMD is lazy (aarch64_load_context): CPACR_EL1 is either 0 (FPEN
//    trapping, the only other value a switch writes) or FP_UNTRAPPED when
//    `from` used FP/SIMD since it was switched in; only then (one test) are
//    its registers saved and FP/SIMD trapped again for `to`, out of line.
//  - Neither thread's page fault flag needs work (PARK_CONTEXT).
//  - `to`'s frame was saved by its own svc from EL0 (only the fast path's
//    system calls park, kernel/ipc/parking.cc), so RETURN_TO_EL0_FROM_FRAME
//    (exception_frame.h) returns from it, as aarch64_user_return does.
    .global PARK_AND_RESUME
    .type   PARK_AND_RESUME, %function
    .balign 16
PARK_AND_RESUME:
aarch64_park_and_resume:
    .if     CONTEXT_TPIDR_EL0 != CONTEXT_SP + 8
    .error  "park_and_resume parks and saves the thread pointer with one stp"
    .endif
    mrs     x9, tpidr_el0
    mrs     x10, cpacr_el1
    stp     xzr, x9, [x0, #CONTEXT_SP]  // PARK_CONTEXT and the thread pointer
    tbnz    x10, #CPACR_EL1_FPEN_SHIFT, 3f
    // `from` is parked. `from`'s stack is free once we leave it; the CPU
    // lock keeps everybody off `from` until the release below, on `to`'s
    // stack.
2:  RESUME_PARKED_CONTEXT x1
    str     x2, [sp, #EXCEPTION_FRAME_X0]
    stlr    wzr, [x3]               // the CPU lock word: 0, release order
    RETURN_TO_EL0_FROM_FRAME
3:  // `from` used FP/SIMD: saved, and trapped again for `to`.
    SAVE_FP_REGISTERS x0
    msr     cpacr_el1, xzr
    b       2b
    .size   PARK_AND_RESUME, . - PARK_AND_RESUME

// aarch64_exit_through_frame(x0 = frame, x1 = hook): calls hook() on the
// stack right under the running thread's user frame, then returns to user
// mode from the frame (vectors.S's restore half).
    .global aarch64_exit_through_frame
    .type   aarch64_exit_through_frame, %function
    .balign 16
aarch64_exit_through_frame:
    mov     sp, x0
    blr     x1
    b       aarch64_user_return
    .size   aarch64_exit_through_frame, . - aarch64_exit_through_frame

// Where the first switch into a new thread "returns" (initialize() puts it
// in the link register): x19 = entry, x20 = argument, IRQs still masked.
    .global aarch64_thread_trampoline
    .type   aarch64_thread_trampoline, %function
    .balign 16
aarch64_thread_trampoline:
    mov     x0, x20
    blr     x19
    bl      aarch64_thread_entry_returned   // panics
    .size   aarch64_thread_trampoline, . - aarch64_thread_trampoline

// aarch64_enter_user(x0 = pc, x1 = user stack pointer, x2 = argument 0,
// x3 = argument 1, x4 = kernel stack top), IRQs masked: the first return to
// EL0 of a thread. The kernel stack is given up (nothing on it is needed
// again), so SP_EL1 is the stack top when EL0 runs and its traps save their
// frame at the top (vectors.S). SPSR_EL1 = 0: EL0t with D, A, I, F
// unmasked. Every other register, FP/SIMD included, starts at zero.
    .global aarch64_enter_user
    .type   aarch64_enter_user, %function
    .balign 16
aarch64_enter_user:
    mov     sp, x4
    msr     sp_el0, x1
    msr     elr_el1, x0
    msr     spsr_el1, xzr
    mov     x0, x2
    mov     x1, x3
    // FP/SIMD trapped: the first use loads the thread's state, which
    // enable_user_state() zeroed (never another thread's registers).
    msr     cpacr_el1, xzr
    mov     x2, xzr
    mov     x3, xzr
    mov     x4, xzr
    mov     x5, xzr
    mov     x6, xzr
    mov     x7, xzr
    mov     x8, xzr
    mov     x9, xzr
    mov     x10, xzr
    mov     x11, xzr
    mov     x12, xzr
    mov     x13, xzr
    mov     x14, xzr
    mov     x15, xzr
    mov     x16, xzr
    mov     x17, xzr
    mov     x18, xzr
    mov     x19, xzr
    mov     x20, xzr
    mov     x21, xzr
    mov     x22, xzr
    mov     x23, xzr
    mov     x24, xzr
    mov     x25, xzr
    mov     x26, xzr
    mov     x27, xzr
    mov     x28, xzr
    mov     x29, xzr
    mov     x30, xzr
    eret
    .size   aarch64_enter_user, . - aarch64_enter_user
