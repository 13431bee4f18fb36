/* The thread switch, a new thread's first instructions, and the way into
 * U-mode (hal/thread_context.h; the C++ half is thread_context.cc).
 *
 * FP state: the kernel is built rv64imac and never touches the FP registers,
 * so only user threads have FP state, tracked by sstatus.FS (privileged
 * specification 3.1.6.6): a switch saves the outgoing user thread's registers
 * only if FS says Dirty (it wrote them since they were last loaded), loads
 * the incoming user thread's and marks them Clean; kernel threads run with
 * FS = Off, so an FP instruction there traps instead of clobbering a user's
 * registers. The FP instructions are spelled with .insn (the kernel's
 * -march has no F/D; x<n> in the operands stands for f<n>).
 */

#include "hal/riscv64/context/context_layout.h"
#include "hal/riscv64/trap_frame.h"

#define SSTATUS_SIE (1 << 1)
#define SSTATUS_SPIE (1 << 5)
#define SSTATUS_SPP (1 << 8)
#define SSTATUS_FS_INITIAL (1 << 13)
#define SSTATUS_FS_CLEAN (2 << 13)
#define SSTATUS_FS_DIRTY (3 << 13)
#define SSTATUS_FS_MASK (3 << 13)
#define SSTATUS_SUM (1 << 18)
#define SSTATUS_MXR (1 << 19)
#define CSR_FCSR 0x003

    .section .text, "ax", @progbits

/* The outgoing user thread's FP registers into the context at \reg, if it
 * wrote them (t0-t2 scratch). */
.macro SAVE_FP reg
    ld      t0, CONTEXT_USER_STATE(\reg)
    beqz    t0, 1f
    csrr    t1, sstatus
    li      t2, SSTATUS_FS_DIRTY
    and     t1, t1, t2
    bne     t1, t2, 1f
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .insn s 0x27, 3, x\n, CONTEXT_F0 + \n * 8(\reg)   /* fsd f<n> */
    .endr
    csrr    t1, CSR_FCSR
    sd      t1, CONTEXT_FCSR(\reg)
1:
.endm

/* void hal::context::switch_to(ThreadContext& from = a0, ThreadContext& to = a1)
 * Interrupts masked on entry and on return. */
    .globl _ZN3hal7context9switch_toERNS0_13ThreadContextES2_
    .type _ZN3hal7context9switch_toERNS0_13ThreadContextES2_, @function
    .balign 4
_ZN3hal7context9switch_toERNS0_13ThreadContextES2_:
    sd      ra, CONTEXT_RA(a0)
    sd      sp, CONTEXT_SP(a0)
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    sd      s\n, CONTEXT_S0 + \n * 8(a0)
    .endr
    SAVE_FP a0
/* riscv64_load_context(unused = a0, ThreadContext* to = a1): the load half
 * alone, for switching from a parked thread (hal/park.h), which has nothing
 * to save. */
    .globl riscv64_load_context
riscv64_load_context:
    /* The incoming thread's: loaded, Clean, for a user thread; Off for a
       kernel thread. */
    li      t2, SSTATUS_FS_MASK
    ld      t0, CONTEXT_USER_STATE(a1)
    bnez    t0, 2f
    csrc    sstatus, t2
    j       3f
2:  csrs    sstatus, t2         /* Dirty: the unit is on for the loads */
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .insn i 0x07, 3, x\n, CONTEXT_F0 + \n * 8(a1)   /* fld f<n> */
    .endr
    ld      t1, CONTEXT_FCSR(a1)
    csrw    CSR_FCSR, t1
    li      t1, SSTATUS_FS_DIRTY ^ SSTATUS_FS_CLEAN
    csrc    sstatus, t1         /* Dirty -> Clean */
3:
    /* Traps from U-mode on this CPU land on the incoming thread's stack. */
    ld      t0, CONTEXT_KERNEL_STACK_TOP(a1)
    csrr    t1, sscratch
    sd      t0, CPU_AREA_KERNEL_STACK_TOP(t1)

    ld      ra, CONTEXT_RA(a1)
    ld      sp, CONTEXT_SP(a1)
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ld      s\n, CONTEXT_S0 + \n * 8(a1)
    .endr
    ret
    .size _ZN3hal7context9switch_toERNS0_13ThreadContextES2_, . - _ZN3hal7context9switch_toERNS0_13ThreadContextES2_

/* riscv64_park_context(ThreadContext* context = a0): what switching out
 * saves of the running thread besides ra, sp and s0-s11, which a parked
 * thread does not keep (thread_context.cc sets where it resumes). */
    .globl riscv64_park_context
    .type riscv64_park_context, @function
    .balign 4
riscv64_park_context:
    SAVE_FP a0
    ret
    .size riscv64_park_context, . - riscv64_park_context

/* Where a parked thread resumes (its context's ra; its sp is right under
 * its user frame). Switched to by switch_to(): */
    .globl riscv64_parked_start
    .type riscv64_parked_start, @function
    .balign 4
riscv64_parked_start:
    li      fp, 0
    call    riscv64_resume_parked_thread    /* never returns */
    unimp
    .size riscv64_parked_start, . - riscv64_parked_start

/* By resume_parked(): the result is in the frame already. */
    .globl riscv64_parked_arrive
    .type riscv64_parked_arrive, @function
    .balign 4
riscv64_parked_arrive:
    li      fp, 0
    call    riscv64_parked_thread_arrived
    j       riscv64_trap_return
    .size riscv64_parked_arrive, . - riscv64_parked_arrive

/* By park_and_resume(): on the parked thread's stack, right under its user
 * frame (the result is in it already), releases the CPU lock at s0. */
    .globl riscv64_parked_release
    .type riscv64_parked_release, @function
    .balign 4
riscv64_parked_release:
    fence   rw, w
    sb      zero, 0(s0)
    j       riscv64_trap_return
    .size riscv64_parked_release, . - riscv64_parked_release

/* riscv64_exit_through_frame(frame = a0, hook = a1): calls hook() on the
 * stack right under the running thread's user frame, then resumes the frame
 * (trap_entry.S). */
    .globl riscv64_exit_through_frame
    .type riscv64_exit_through_frame, @function
    .balign 4
riscv64_exit_through_frame:
    mv      sp, a0
    jalr    a1
    j       riscv64_trap_return
    .size riscv64_exit_through_frame, . - riscv64_exit_through_frame

/* A new thread's first switch "returns" here (initialize() put it in ra):
 * s1 = entry, s2 = argument. */
    .globl riscv64_thread_trampoline
    .type riscv64_thread_trampoline, @function
    .balign 4
riscv64_thread_trampoline:
    csrci   sstatus, SSTATUS_SIE
    mv      a0, s2
    /* A null frame pointer and return address end the chain for debuggers. */
    li      fp, 0
    li      ra, 0
    jalr    s1
    /* entry() must not return. */
    call    riscv64_thread_entry_returned
    .size riscv64_thread_trampoline, . - riscv64_thread_trampoline

/* [[noreturn]] riscv64_enter_user(pc = a0, sp = a1, argument0 = a2,
 *                                 argument1 = a3, thread pointer = a4)
 * sret to U-mode at pc with those registers, every other one zero. */
    .globl riscv64_enter_user
    .type riscv64_enter_user, @function
    .balign 4
riscv64_enter_user:
    csrci   sstatus, SSTATUS_SIE
    csrw    sepc, a0
    /* SPP = U, SPIE = 1 (U-mode takes interrupts anyway; this is what sstatus
       holds after the next trap's sret), SUM and MXR off, FS = Initial. */
    li      t0, SSTATUS_SPP | SSTATUS_FS_MASK | SSTATUS_SUM | SSTATUS_MXR
    csrc    sstatus, t0
    li      t0, SSTATUS_SPIE | SSTATUS_FS_INITIAL
    csrs    sstatus, t0
    mv      sp, a1
    mv      tp, a4
    mv      a0, a2
    mv      a1, a3
    .irp r, ra, gp, t0, t1, t2, s0, s1, a2, a3, a4, a5, a6, a7, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6
    li      \r, 0
    .endr
    sret
    .size riscv64_enter_user, . - riscv64_enter_user
