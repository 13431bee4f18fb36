// The EL1 exception vector table (VBAR_EL1).
//
// Sixteen 128-byte slots: {current EL with SP_EL0, current EL with SP_EL1,
// lower EL AArch64, lower EL AArch32} x {synchronous, IRQ, FIQ, SError}.
// Each slot saves x0/x1, puts its own index in x0 and joins the common path,
// which saves the rest of the ExceptionFrame (exception_frame.h) and calls
// aarch64_handle_exception(vector, frame). That returns for exceptions it
// dealt with (IRQs, page faults kernel/mm resolved, user-copy faults it
// turned into a resumption at the recovery point, which it writes to
// frame->elr, everything from EL0 that does not end the thread); the
// restore half then reloads the frame and returns with eret. Any other
// exception from EL1 ends in a register dump and a panic.
//
// The one exception is slot 8 (synchronous from EL0, where system calls
// arrive): it saves the whole frame itself and sends an svc to el0_svc
// with the caller's x0-x5 and x8 still in registers. el0_svc offers
// ipc_call and ipc_reply_receive to kernel::try_fast_syscall and hands
// every call that does not end there to user_traps.cc's
// aarch64_system_call; any other synchronous exception from EL0 goes to
// aarch64_handle_exception from the slot. A system call is the IPC fast
// path's way in and out, where every instruction counts
// (kernel/ipc/README.md); both leave through aarch64_user_return (or, for
// a parked switch, context_switch.S's park_and_resume, with the same
// RETURN_TO_EL0_FROM_FRAME).
//
// There are two tables, identical but for slot 8's svc: exception_vectors
// and exception_vectors_hooked, which a CPU uses while the HAL's self-test
// has user trap hooks installed (user_trap_hooks.h's set_user_trap_hooks):
// its svc skips the fast path, so the fast path tests for no hooks.
//
// It runs on SP_EL1. From EL1 that is the stack that was in use (the kernel
// runs in EL1h). From EL0 it is the top of the running thread's kernel
// stack: a thread enters EL0 only with SP_EL1 at its stack top
// (aarch64_enter_user, or this restore half popping the frame a trap from
// EL0 pushed there), so the user frame always sits at the top
// (thread_context_internal.h's user_frame()).

#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/system_call_entry.h"

// x2-x29 into the frame at sp (x0, x1, x30 and the system registers are
// each path's own business).
.macro STORE_X2_TO_X29
    X2_TO_X29_PAIRS stp
.endm

// x0-x29 back from the frame at sp.
.macro LOAD_X0_TO_X29
    ldp     x0, x1, [sp, #(EXCEPTION_FRAME_X0 + 0 * 8)]
    LOAD_X2_TO_X29
.endm

.macro vector_slot index
    .balign 0x80
    .if     EXCEPTION_FRAME_X0 != 0
    .error  "vector_slot pushes the frame with x0's store"
    .endif
    stp     x0, x1, [sp, #-EXCEPTION_FRAME_SIZE]!
    mov     x0, #\index
    b       save_frame_and_handle
.endm

// Slot 8, synchronous from EL0 (ESR_EL1 valid); an svc goes to \svc. The
// frame is saved in full as for every trap from EL0 (a parked thread keeps
// nothing else, and the kernel may read or restore any of it); x0-x8 keep
// their user values for el0_svc, and x9-x13 are the scratch registers
// (already saved). ESR_EL1 and FAR_EL1 are saved for everything but an
// svc: nothing reads them from a system call's frame (they describe
// faults), and the svc path is the IPC fast path's.
.macro el0_synchronous_slot svc
    .balign 0x80
.Lel0_synchronous\@:
    stp     x0, x1, [sp, #-EXCEPTION_FRAME_SIZE]!   // EXCEPTION_FRAME_X0 is 0
    STORE_X2_TO_X29
    mrs     x9, sp_el0              // from EL0: always the user's stack
    stp     x30, x9, [sp, #EXCEPTION_FRAME_X30]
    mrs     x10, elr_el1
    mrs     x11, spsr_el1
    stp     x10, x11, [sp, #EXCEPTION_FRAME_ELR]
    mrs     x12, esr_el1
    ubfx    x9, x12, #26, #6        // ESR_EL1.EC
    cmp     x9, #0x15               // svc from AArch64 (ELR_EL1 is past it)
    b.eq    \svc
    // Faults, FP/SIMD traps, WFI/WFE: the general handler.
    mrs     x13, far_el1
    stp     x12, x13, [sp, #EXCEPTION_FRAME_ESR]
    mov     x0, #8
    mov     x1, sp
    bl      aarch64_handle_exception
    b       aarch64_user_return
    .if     . - .Lel0_synchronous\@ > 0x80
    .error  "el0_synchronous overflows its vector slot"
    .endif
.endm

.macro vector_table name, svc
    .balign 2048                    // VBAR_EL1 bits [10:0] are RES0
    .global \name
\name:
    .irp    index, 0, 1, 2, 3, 4, 5, 6, 7
    vector_slot \index
    .endr
    el0_synchronous_slot \svc
    .irp    index, 9, 10, 11, 12, 13, 14, 15
    vector_slot \index
    .endr
.endm

    .section .text.vectors, "ax"
    vector_table exception_vectors, el0_svc
    // Hooks installed: no fast path (kernel::try_fast_syscall would take
    // the self-test's threads for the scheduler's).
    vector_table exception_vectors_hooked, el0_svc_declined

// An svc from EL0, the frame saved, x0-x5 and x8 still the caller's. The
// IPC fast path first (hal::syscall::has_fast_path(x8); this table is not
// the hooked one): kernel::try_fast_syscall(argument0, argument1, argument2,
// number) with interrupts still masked, the frame complete at the top of
// the kernel stack, which parking needs (hal/park.h). It either parks the
// thread (and never returns) or returns having changed nothing; then, as
// for every other call, aarch64_system_call(frame) (user_traps.cc) serves
// it from the frame and runs kernel::handle_return_to_user(). The numbers
// and the symbols are system_call_entry.h's.
el0_svc:
    // x8 - kIpcCall is 0 or 2 exactly for the two (ccmp takes no
    // immediate that large): no bit set but bit 1.
    .if     SYSCALL_FAST_PATH_IPC_REPLY_RECEIVE - SYSCALL_FAST_PATH_IPC_CALL != 2
    .error  "el0_svc's fast-path test needs the two numbers 2 apart"
    .endif
    sub     x9, x8, #SYSCALL_FAST_PATH_IPC_CALL
    tst     x9, #~2
    b.ne    el0_svc_declined
    mov     w3, w8                  // the number, after the three arguments
    bl      SYSCALL_TRY_FAST_SYSCALL    // returns only if it declined
el0_svc_declined:
    mov     x0, sp
    bl      aarch64_system_call
    b       aarch64_user_return

// x0 = vector index; x0 and x1 of the interrupted code are already saved.
save_frame_and_handle:
    STORE_X2_TO_X29

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
1:  LOAD_X0_TO_X29
    ldr     x30, [sp, #EXCEPTION_FRAME_X30]
    add     sp, sp, #EXCEPTION_FRAME_SIZE
    eret

// The restore half for a frame known to come from EL0 (slot 8, and a
// parked or resumed thread's system call frame: context_switch.S): SPSR.M
// is EL0t, so SP_EL0 is always the one to restore. Otherwise the same as
// above; sp is the frame, IRQs masked.
    .global aarch64_user_return
aarch64_user_return:
    RETURN_TO_EL0_FROM_FRAME        // exception_frame.h
