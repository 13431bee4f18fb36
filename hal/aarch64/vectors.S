// The EL1 exception vector table (VBAR_EL1).
//
// Sixteen 128-byte slots: {current EL with SP_EL0, current EL with SP_EL1,
// lower EL AArch64, lower EL AArch32} x {synchronous, IRQ, FIQ, SError}.
// Each slot saves x0/x1, puts its own index in x0 and joins the common path,
// which saves the rest of the ExceptionFrame (exception_frame.h) and calls
// aarch64_handle_exception(vector, frame). That returns for exceptions it
// dealt with (IRQs, page faults kernel/mm resolved, user-copy faults it
// turned into a resumption at the recovery point, which it writes to
// frame->elr, system calls and everything else from EL0 that does not end
// the thread); the restore half then reloads the frame and returns with
// eret. Any other exception from EL1 ends in a register dump and a panic.
//
// It runs on SP_EL1. From EL1 that is the stack that was in use (the kernel
// runs in EL1h). From EL0 it is the top of the running thread's kernel
// stack: a thread enters EL0 only with SP_EL1 at its stack top
// (aarch64_enter_user, or this restore half popping the frame a trap from
// EL0 pushed there), so the user frame always sits at the top
// (thread_context_internal.h's user_frame()).

#include "hal/aarch64/exception_frame.h"

.macro vector_slot index
    .balign 0x80
    sub     sp, sp, #EXCEPTION_FRAME_SIZE
    stp     x0, x1, [sp, #EXCEPTION_FRAME_X0]
    mov     x0, #\index
    b       save_frame_and_handle
.endm

    .section .text.vectors, "ax"
    .balign 2048                    // VBAR_EL1 bits [10:0] are RES0
    .global exception_vectors
exception_vectors:
    .irp    index, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    vector_slot \index
    .endr

// x0 = vector index; x0 and x1 of the interrupted code are already saved.
save_frame_and_handle:
    stp     x2, x3, [sp, #(EXCEPTION_FRAME_X0 + 2 * 8)]
    stp     x4, x5, [sp, #(EXCEPTION_FRAME_X0 + 4 * 8)]
    stp     x6, x7, [sp, #(EXCEPTION_FRAME_X0 + 6 * 8)]
    stp     x8, x9, [sp, #(EXCEPTION_FRAME_X0 + 8 * 8)]
    stp     x10, x11, [sp, #(EXCEPTION_FRAME_X0 + 10 * 8)]
    stp     x12, x13, [sp, #(EXCEPTION_FRAME_X0 + 12 * 8)]
    stp     x14, x15, [sp, #(EXCEPTION_FRAME_X0 + 14 * 8)]
    stp     x16, x17, [sp, #(EXCEPTION_FRAME_X0 + 16 * 8)]
    stp     x18, x19, [sp, #(EXCEPTION_FRAME_X0 + 18 * 8)]
    stp     x20, x21, [sp, #(EXCEPTION_FRAME_X0 + 20 * 8)]
    stp     x22, x23, [sp, #(EXCEPTION_FRAME_X0 + 22 * 8)]
    stp     x24, x25, [sp, #(EXCEPTION_FRAME_X0 + 24 * 8)]
    stp     x26, x27, [sp, #(EXCEPTION_FRAME_X0 + 26 * 8)]
    stp     x28, x29, [sp, #(EXCEPTION_FRAME_X0 + 28 * 8)]

    // The interrupted stack pointer: SP_EL1 before our frame for exceptions
    // from EL1h (vectors 4-7); SP_EL0 for those from EL1t or a lower EL.
    add     x1, sp, #EXCEPTION_FRAME_SIZE
    cmp     x0, #4
    b.lo    1f
    cmp     x0, #8
    b.lo    2f
1:  mrs     x1, sp_el0
2:  stp     x30, x1, [sp, #EXCEPTION_FRAME_X30]

    mrs     x1, elr_el1
    mrs     x2, spsr_el1
    stp     x1, x2, [sp, #EXCEPTION_FRAME_ELR]
    mrs     x1, esr_el1
    mrs     x2, far_el1
    stp     x1, x2, [sp, #EXCEPTION_FRAME_ESR]

    mov     x1, sp                  // the frame
    bl      aarch64_handle_exception

    // Also the way out of a parked thread's system call (context_switch.S):
    // sp is the frame, IRQs masked.
    .global aarch64_exception_return
aarch64_exception_return:

    // Back to the interrupted code, with the frame's elr and spsr. SPSR.M[0]
    // (SPSel) clear means it ran on SP_EL0 (EL0t, EL1t): restore that one;
    // our own SP_EL1 is the frame's base plus its size.
    ldp     x1, x2, [sp, #EXCEPTION_FRAME_ELR]
    msr     elr_el1, x1
    msr     spsr_el1, x2
    tbnz    x2, #0, 1f
    ldr     x1, [sp, #EXCEPTION_FRAME_SP]
    msr     sp_el0, x1
1:  ldp     x0, x1, [sp, #(EXCEPTION_FRAME_X0 + 0 * 8)]
    ldp     x2, x3, [sp, #(EXCEPTION_FRAME_X0 + 2 * 8)]
    ldp     x4, x5, [sp, #(EXCEPTION_FRAME_X0 + 4 * 8)]
    ldp     x6, x7, [sp, #(EXCEPTION_FRAME_X0 + 6 * 8)]
    ldp     x8, x9, [sp, #(EXCEPTION_FRAME_X0 + 8 * 8)]
    ldp     x10, x11, [sp, #(EXCEPTION_FRAME_X0 + 10 * 8)]
    ldp     x12, x13, [sp, #(EXCEPTION_FRAME_X0 + 12 * 8)]
    ldp     x14, x15, [sp, #(EXCEPTION_FRAME_X0 + 14 * 8)]
    ldp     x16, x17, [sp, #(EXCEPTION_FRAME_X0 + 16 * 8)]
    ldp     x18, x19, [sp, #(EXCEPTION_FRAME_X0 + 18 * 8)]
    ldp     x20, x21, [sp, #(EXCEPTION_FRAME_X0 + 20 * 8)]
    ldp     x22, x23, [sp, #(EXCEPTION_FRAME_X0 + 22 * 8)]
    ldp     x24, x25, [sp, #(EXCEPTION_FRAME_X0 + 24 * 8)]
    ldp     x26, x27, [sp, #(EXCEPTION_FRAME_X0 + 26 * 8)]
    ldp     x28, x29, [sp, #(EXCEPTION_FRAME_X0 + 28 * 8)]
    ldr     x30, [sp, #EXCEPTION_FRAME_X30]
    add     sp, sp, #EXCEPTION_FRAME_SIZE
    eret
