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

/* f0-f31 and fcsr into the context at \reg (FS must be on; t1 scratch). */
.macro STORE_FP_REGISTERS reg
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .insn s 0x27, 3, x\n, CONTEXT_F0 + \n * 8(\reg)   /* fsd f<n> */
    .endr
    csrr    t1, CSR_FCSR
    sd      t1, CONTEXT_FCSR(\reg)
.endm

/* The outgoing thread's FP registers into the context at \reg, if it wrote
 * them since its trap loaded them (FS == Dirty, which only a user thread's
 * can be: see above; t1-t2 scratch). */
.macro SAVE_FP reg
    csrr    t1, sstatus
    li      t2, SSTATUS_FS_DIRTY
    and     t1, t1, t2
    bne     t1, t2, 1f
    STORE_FP_REGISTERS \reg
1:
.endm

/* What switching into the context at \reg sets up besides its registers:
 * FP off until its first FP instruction (see above); traps from U-mode on
 * this CPU land in its user frame, where the FP trap finds its context
 * (trap_frame.h; t0-t2 scratch). park_and_resume below does the same its
 * own way. */
.macro INSTALL reg
    li      t2, SSTATUS_FS_MASK
    csrc    sstatus, t2
    ld      t0, CONTEXT_USER_FRAME(\reg)
    csrr    t1, sscratch
    sd      t0, CPU_AREA_USER_FRAME(t1)
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
 * to save.
 *
 * Once it has its ra, `to`'s context gets riscv64_parked_start as ra, so
 * that a running thread's context always says "parked" until its next save
 * (switch_to above) overwrites it: parking (PARK, park_and_resume) then
 * needs no store of its own, and a park happens on every fast-path call,
 * a load of a context only on the other switches. */
    .globl riscv64_load_context
riscv64_load_context:
    INSTALL a1
    ld      ra, CONTEXT_RA(a1)
    lla     t0, riscv64_parked_start
    sd      t0, CONTEXT_RA(a1)
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
 * rest). The next load of the context then "returns" to
 * riscv64_parked_start, the ra a running thread's context always holds
 * (riscv64_load_context; a thread that parks is one in a system call from
 * user mode, which it entered after its first switch in), which moves to
 * the stack right under its user frame itself (the context's sp is left
 * stale; t1-t2 scratch). */
.macro PARK reg
    SAVE_FP \reg
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
 * PARK(from) and INSTALL(to) merged, then straight out of `to`'s user frame
 * with a0 = result: `to` is parked, so its context holds nothing it needs.
 *
 * sstatus: the caller is the IPC fast path, which runs from an ecall's entry
 * (trap_entry.S) with interrupts masked and no trap since, so the live
 * sstatus is that ecall's: SPP = U, SPIE = 1 (U-mode always runs with SIE
 * set: every sret to U sets SPIE first), SUM = MXR = 0, the same as `to`'s
 * ecall left in every user frame but for FS, which riscv64_user_trap_return
 * keeps live anyway; so only FS changes (Off: see above). SPP is not
 * touched: U already, as the sret needs it (hal/park.h: only the fast
 * path, straight from an ecall, calls this).
 *
 * FP: csrrc reads the old sstatus; its SD bit (63, the sign) is set only if
 * FS, VS or XS says Dirty (VS and XS stay 0: nothing turns the vector unit
 * on and there is no custom extension); only then are from's FP registers
 * stored (out of line, with the unit turned on again for the stores).
 *
 * from's context's ra is riscv64_parked_start already (riscv64_load_context
 * above). */
    .globl _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj
    .type _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj, @function
    .balign 4
_ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj:
    li      t2, SSTATUS_FS_MASK   /* one lui */
    csrrc   t1, sstatus, t2
    bltz    t1, 2f
1:  csrr    t1, sscratch
    ld      sp, CONTEXT_USER_FRAME(a1)
    sd      sp, CPU_AREA_USER_FRAME(t1)
    /* Now on `to`'s stack; from here `from` may be resumed elsewhere:
       nothing of it is used. The CPU lock's release (hal/park.h): an
       atomic swap with release order stores the 0 (one instruction for
       fence rw,w + sw). */
    amoswap.w.rl zero, zero, (a3)
    ld      t1, TRAP_FRAME_SEPC(sp)
    csrw    sepc, t1
    RESTORE_USER_REGISTERS_AND_SRET a2
2:  /* SD set: save `from`'s FP registers if FS is the Dirty one. */
    li      t2, SSTATUS_FS_DIRTY
    and     t0, t1, t2
    bne     t0, t2, 1b
    csrs    sstatus, t2
    STORE_FP_REGISTERS a0
    li      t2, SSTATUS_FS_MASK
    csrc    sstatus, t2
    j       1b
    .size _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj, . - _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj

/* Where a parked thread resumes (its context's ra), on the stack right under
 * its user frame (the trap area's, which the load of its context installed).
 * Switched to by switch_to(): */
    .globl riscv64_parked_start
    .type riscv64_parked_start, @function
    .balign 4
riscv64_parked_start:
    csrr    t0, sscratch
    ld      sp, CPU_AREA_USER_FRAME(t0)
    li      fp, 0
    call    riscv64_resume_parked_thread    /* never returns */
    unimp
    .size riscv64_parked_start, . - riscv64_parked_start

/* By resume_parked(): the result is in the frame already. */
    .globl riscv64_parked_arrive
    .type riscv64_parked_arrive, @function
    .balign 4
riscv64_parked_arrive:
    csrr    t0, sscratch
    ld      sp, CPU_AREA_USER_FRAME(t0)
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
