/* The thread switch, a new thread's first instructions, and the way into
 * U-mode (hal/thread_context.h; the C++ half is thread_context.cc).
 *
 * FP state: the kernel is built rv64imac and never touches the FP registers,
 * so only user threads have FP state, tracked by sstatus.FS (privileged
 * specification 3.1.6.6) and switched lazily: a switch into any thread sets
 * FS = Off and loads no FP register; a user thread's first FP instruction
 * after that traps (illegal instruction from U-mode with FS = Off), and the
 * trap loads its registers and fcsr (riscv64_load_fp_state), sets FS = Clean
 * and runs the instruction again (user_trap.cc). A switch out saves them
 * only if FS says Dirty (written since they were loaded). So:
 *
 *   FS != Off on a CPU => the FP registers hold the running thread's FP
 *   state, loaded by that trap since the thread was switched in (and it is
 *   a user thread); FS == Dirty => they are newer than its context.
 *
 * The switch keeps this by setting FS = Off; every other write of sstatus
 * (trap_entry.S's return, enter_user below) keeps the live FS instead of
 * one saved earlier, which could belong to another thread's registers.
 * Kernel code never turns FS on. The FP instructions are spelled with .insn
 * (the kernel's -march has no F/D; x<n> in the operands stands for f<n>).
 */

#include "hal/riscv64/context/context_layout.h"
#include "hal/riscv64/trap_frame.h"

#define SSTATUS_SIE (1 << 1)
#define SSTATUS_SPIE (1 << 5)
#define SSTATUS_SPP (1 << 8)
#define SSTATUS_FS_CLEAN (2 << 13)
#define SSTATUS_FS_DIRTY (3 << 13)
#define SSTATUS_FS_MASK (3 << 13)
#define SSTATUS_SUM (1 << 18)
#define SSTATUS_MXR (1 << 19)
#define CSR_FCSR 0x003

    .section .text, "ax", @progbits

/* The outgoing thread's FP registers into the context at \reg, if it wrote
 * them since its trap loaded them (FS == Dirty, which only a user thread's
 * can be: see above; t1-t2 scratch). */
.macro SAVE_FP reg
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

/* What switching into the context at \reg sets up besides its registers:
 * FP off until its first FP instruction (see above); traps from U-mode on
 * this CPU land on its kernel stack, and the FP trap finds its context
 * (t0-t2 scratch; t0 = its kernel stack top after). */
.macro INSTALL reg
    li      t2, SSTATUS_FS_MASK
    csrc    sstatus, t2
    ld      t0, CONTEXT_KERNEL_STACK_TOP(\reg)
    csrr    t1, sscratch
    sd      t0, CPU_AREA_KERNEL_STACK_TOP(t1)
    sd      \reg, CPU_AREA_CONTEXT(t1)
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
    INSTALL a1
    ld      ra, CONTEXT_RA(a1)
    ld      sp, CONTEXT_SP(a1)
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ld      s\n, CONTEXT_S0 + \n * 8(a1)
    .endr
    ret
    .size _ZN3hal7context9switch_toERNS0_13ThreadContextES2_, . - _ZN3hal7context9switch_toERNS0_13ThreadContextES2_

/* riscv64_load_fp_state(ThreadContext* context = a0): the running user
 * thread's first FP instruction since it was switched in trapped
 * (user_trap.cc): loads its FP registers and fcsr and marks them Clean. */
    .globl riscv64_load_fp_state
    .type riscv64_load_fp_state, @function
    .balign 4
riscv64_load_fp_state:
    li      t1, SSTATUS_FS_DIRTY
    csrs    sstatus, t1         /* Dirty: the unit is on for the loads */
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .insn i 0x07, 3, x\n, CONTEXT_F0 + \n * 8(a0)   /* fld f<n> */
    .endr
    ld      t1, CONTEXT_FCSR(a0)
    csrw    CSR_FCSR, t1
    li      t1, SSTATUS_FS_DIRTY ^ SSTATUS_FS_CLEAN
    csrc    sstatus, t1         /* Dirty -> Clean */
    ret
    .size riscv64_load_fp_state, . - riscv64_load_fp_state

/* Parks the running thread, whose context is at \reg (hal/park.h): saves
 * its FP registers if it wrote them (nothing else: its user frame has the
 * rest) and makes the next load of the context "return" to
 * riscv64_parked_start on the stack right under its user frame (t0-t2
 * scratch). */
.macro PARK reg
    SAVE_FP \reg
    lla     t0, riscv64_parked_start
    sd      t0, CONTEXT_RA(\reg)
    ld      t0, CONTEXT_KERNEL_STACK_TOP(\reg)
    addi    t0, t0, -TRAP_FRAME_SIZE
    sd      t0, CONTEXT_SP(\reg)
.endm

/* void hal::context::park(ThreadContext& context = a0) */
    .globl _ZN3hal7context4parkERNS0_13ThreadContextE
    .type _ZN3hal7context4parkERNS0_13ThreadContextE, @function
    .balign 4
_ZN3hal7context4parkERNS0_13ThreadContextE:
    PARK    a0
    ret
    .size _ZN3hal7context4parkERNS0_13ThreadContextE, . - _ZN3hal7context4parkERNS0_13ThreadContextE

/* [[noreturn]] void hal::context::park_and_resume(ThreadContext& from = a0,
 *     ThreadContext& to = a1, int64_t result = a2, uint32_t* cpu_lock = a3)
 * park(from), then what riscv64_load_context does for `to` except loading
 * ra, sp and s0-s11: `to` is parked, so its context holds nothing it needs
 * (its sp would be right under its user frame, where this goes straight
 * away). On its stack, the CPU lock is released and its frame, with the
 * result in a0, restored. */
    .globl _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj
    .type _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj, @function
    .balign 4
_ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj:
    PARK    a0
    INSTALL a1
    addi    sp, t0, -TRAP_FRAME_SIZE
    sd      a2, (TRAP_FRAME_REGISTERS + 9 * 8)(sp)   /* the frame's a0 (x10) */
    /* From here `from` may be resumed elsewhere: nothing of it is used. */
    fence   rw, w
    sw      zero, 0(a3)
    j       riscv64_user_trap_return
    .size _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj, . - _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj

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
    j       riscv64_user_trap_return
    .size riscv64_parked_arrive, . - riscv64_parked_arrive

/* riscv64_exit_through_frame(frame = a0, hook = a1): calls hook() on the
 * stack right under the running thread's user frame, then resumes the frame
 * (trap_entry.S). */
    .globl riscv64_exit_through_frame
    .type riscv64_exit_through_frame, @function
    .balign 4
riscv64_exit_through_frame:
    mv      sp, a0
    jalr    a1
    j       riscv64_user_trap_return
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
       holds after the next trap's sret), SUM and MXR off. FS stays as it is
       (see above): Off since the switch into this thread, so its first FP
       instruction loads the state enable_user_state() gave it. */
    li      t0, SSTATUS_SPP | SSTATUS_SUM | SSTATUS_MXR
    csrc    sstatus, t0
    li      t0, SSTATUS_SPIE
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
