/* The supervisor trap vector (stvec, direct mode): every exception and
 * interrupt taken in S-mode arrives here.
 *
 * The frame records the machine state faithfully for the register dump, and
 * is what the trap returns through: riscv64_handle_trap returns (after
 * perhaps editing the frame's sepc and registers, switching threads, or
 * running a system call with interrupts enabled) or never returns. Every
 * integer register (x1-x31), sepc and sstatus come back as saved, except
 * that a return to S-mode keeps the live tp: tp is the CPU index there, and
 * a preempted thread may resume on another CPU; and that sstatus.FS stays
 * live: it tells whose FP registers the CPU holds, which a switch in the
 * handler may have changed (context/switch.S).
 *
 * Where the frame goes:
 *   - from U-mode: right below the running thread's kernel stack top, which
 *     switch_to() keeps in the CPU's trap area (trap_frame.h). The user frame
 *     is thus always at the same place for a thread (set_thread_pointer and
 *     print_user_registers rely on it), and the kernel then runs on the
 *     thread's own stack, where it may block or be switched away from;
 *   - from S-mode: on the interrupted kernel stack, below sp (the generic
 *     kernel may switch threads inside an interrupt, so it must be the
 *     thread's own stack, not a per-CPU one);
 *   - from S-mode while saving a frame (the kernel stack is broken or
 *     overflowed, so the stores fault): on the CPU's trap stack, below its
 *     trap area, so that the fault is reported instead of recurring.
 *
 * sscratch always holds the CPU's trap area; the entry swaps it with sp to
 * get a free register and swaps it back.
 *
 * System calls (ecall from U-mode, scause 8, which only U-mode raises) are
 * recognized first, before anything but t0 is saved, and take their own
 * way: every register but t0-t6 (which an ecall clobbers, abi/README.md:
 * their frame slots keep what the thread's last other trap saved, so the
 * return loads the thread's own stale values, never anybody else's) and
 * sepc (past the ecall) into the frame; the IPC fast path's
 * calls (a7 = 98 or 100, hal::syscall::has_fast_path) go straight from a7
 * and a0-a2 to the register form of kernel::try_fast_syscall (through the
 * trap area's fast_syscall word: see trap_frame.h); every call it declines,
 * and every other call, has the rest of its frame (sstatus, scause, stval)
 * written and is served by riscv64_serve_system_call (user_trap.cc). Then
 * riscv64_user_trap_return.
 */

#include "hal/riscv64/trap_frame.h"

#define SSTATUS_SPIE (1 << 5)
#define SSTATUS_SPP (1 << 8)
#define SSTATUS_FS_MASK (3 << 13)
#define SSTATUS_SUM (1 << 18)

#define SCAUSE_ECALL_FROM_U 8
#define SYSCALL_IPC_CALL 98           /* cairn::Syscall::kIpcCall, checked in user_trap.cc */
#define SYSCALL_IPC_REPLY_RECEIVE 100 /* cairn::Syscall::kIpcReplyReceive */

#define X(n) TRAP_FRAME_X(n)

/* sstatus <- the frame's at sp, but with the live FS (see above):
   t0 ^= (t0 ^ live) & FS. t0-t2 scratch. */
.macro restore_sstatus
    ld      t0, TRAP_FRAME_SSTATUS(sp)
    csrr    t1, sstatus
    xor     t1, t1, t0
    li      t2, SSTATUS_FS_MASK
    and     t1, t1, t2
    xor     t0, t0, t1
    csrw    sstatus, t0
.endm

/* Loads x1, x3, x5..x31, then sp, from the frame at sp, and returns from
   the trap. */
.macro restore_rest_and_sret
    ld      x1, X(1)(sp)
    ld      x3, X(3)(sp)
    .irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld      x\n, X(\n)(sp)
    .endr
    ld      sp, X(2)(sp)
    sret
.endm

/* Stores x1, x3, x8..x27 at sp: what an ecall keeps (not sp, tp, and
   t0-t6, x5-x7 and x28-x31, which it clobbers). */
.macro save_kept_by_ecall
    sd      x1, X(1)(sp)
    sd      x3, X(3)(sp)
    .irp n, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27
    sd      x\n, X(\n)(sp)
    .endr
.endm

/* Stores x1, x3, x6..x31 (not sp, tp, t0) at sp: what an ecall keeps,
   and the temporaries but t0. */
.macro save_most
    save_kept_by_ecall
    .irp n, 6, 7, 28, 29, 30, 31
    sd      x\n, X(\n)(sp)
    .endr
.endm

    .section .text.trap, "ax", @progbits
    /* stvec's BASE field drops the low two bits: the vector must be 4-byte
       aligned. */
    .balign 4
    .globl riscv64_trap_entry
    .type riscv64_trap_entry, @function
riscv64_trap_entry:
    /* sp <- the CPU's trap area, sscratch <- the interrupted sp. */
    csrrw   sp, sscratch, sp
    sd      t0, CPU_AREA_SCRATCH0(sp)
    csrr    t0, scause
    addi    t0, t0, -SCAUSE_ECALL_FROM_U
    bnez    t0, not_a_system_call

    /* A system call, from U-mode (see above). As in from_user below: the
       trap area goes back into sscratch before the first store, and the
       frame is the running thread's user frame. t0 <- what the fast path's
       numbers call, tp <- the kernel's. */
    csrrw   t0, sscratch, sp
    ld      sp, CPU_AREA_USER_FRAME(sp)
    sd      t0, X(2)(sp)
    sd      tp, X(4)(sp)
    csrr    tp, sscratch
    ld      t0, CPU_AREA_FAST_SYSCALL(tp)
    ld      tp, CPU_AREA_KERNEL_TP(tp)
    save_kept_by_ecall
    csrr    t1, sepc
    addi    t1, t1, 4           /* past the ecall (no compressed form) */
    sd      t1, TRAP_FRAME_SEPC(sp)
    /* a7 - 98 in {0, 2} (bit 1 aside, zero): the IPC fast path's. fp keeps
       the user's s0 on the fast path: nothing in the kernel walks frame
       pointers (only a debugger would, one frame too far); the other calls
       get fp = 0 below, as every other trap. */
    addi    t1, a7, -SYSCALL_IPC_CALL
    andi    t1, t1, ~(SYSCALL_IPC_REPLY_RECEIVE - SYSCALL_IPC_CALL)
    bnez    t1, system_call_not_fast
    /* kernel::try_fast_syscall(argument0, argument1, argument2, number)
       (hal/user_mode.h; its C++ name is in entry.S and secondary_entry.S,
       so a change of its parameters fails the link): returns only if it
       declined. The number is a 32-bit parameter, which the psABI passes
       sign-extended: a7 is 98 or 100, so a3 = a7 is. */
    mv      a3, a7
    jalr    t0
    j       system_call_not_fast

not_a_system_call:
    /* sp = the trap area, sscratch = the interrupted sp, t0 saved. */
    csrr    t0, sstatus
    andi    t0, t0, SSTATUS_SPP
    beqz    t0, from_user

    /* From S-mode. A trap whose sepc lies in this vector's saving code hit a
       store of the frame: the kernel stack is unusable. */
    sd      t1, CPU_AREA_SCRATCH1(sp)
    csrr    t0, sepc
    lla     t1, riscv64_trap_entry
    bltu    t0, t1, 1f
    lla     t1, riscv64_trap_frame_saved
    bltu    t0, t1, on_trap_stack
1:  ld      t1, CPU_AREA_SCRATCH1(sp)
    /* sp <- the interrupted sp, sscratch <- the trap area again. */
    csrrw   sp, sscratch, sp
    addi    sp, sp, -TRAP_FRAME_SIZE
    save_most
    sd      tp, X(4)(sp)
    csrr    t1, sscratch
    ld      t0, CPU_AREA_SCRATCH0(t1)
    sd      t0, X(5)(sp)
    addi    t0, sp, TRAP_FRAME_SIZE
    sd      t0, X(2)(sp)
    j       frame_saved

on_trap_stack:
    /* sp = the trap area, sscratch = the broken sp. */
    ld      t1, CPU_AREA_SCRATCH1(sp)
    addi    sp, sp, -TRAP_FRAME_SIZE
    save_most
    sd      tp, X(4)(sp)
    addi    t1, sp, TRAP_FRAME_SIZE
    ld      t0, CPU_AREA_SCRATCH0(t1)
    sd      t0, X(5)(sp)
    csrrw   t0, sscratch, t1
    sd      t0, X(2)(sp)
    j       frame_saved

from_user:
    /* sp = the trap area, sscratch = the user's sp. Put the trap area back
       in sscratch first: should the stores below fault (no kernel stack
       installed), the nested trap must find it there. */
    csrrw   t0, sscratch, sp
    ld      sp, CPU_AREA_USER_FRAME(sp)
    sd      t0, X(2)(sp)
    sd      tp, X(4)(sp)
    csrr    tp, sscratch
    save_most
    ld      t0, CPU_AREA_SCRATCH0(tp)
    sd      t0, X(5)(sp)
    ld      tp, CPU_AREA_KERNEL_TP(tp)

    .globl riscv64_trap_frame_saved
riscv64_trap_frame_saved:
frame_saved:
    csrr    t0, sepc
    sd      t0, TRAP_FRAME_SEPC(sp)
    csrr    t0, sstatus
    sd      t0, TRAP_FRAME_SSTATUS(sp)
    /* User memory stays out of reach in the handler, even if the trap hit a
       user copy (user_copy.S); the return below restores SUM from the frame. */
    li      t1, SSTATUS_SUM
    csrc    sstatus, t1
    csrr    t0, scause
    sd      t0, TRAP_FRAME_SCAUSE(sp)
    csrr    t0, stval
    sd      t0, TRAP_FRAME_STVAL(sp)

    mv      a0, sp
    li      fp, 0
    call    riscv64_handle_trap
    /* Fall through: resume as the frame at sp says. */
    .size riscv64_trap_entry, . - riscv64_trap_entry

/* Resumes the frame at sp (riscv64_handle_trap's); interrupts masked. */
    .globl riscv64_trap_return
    .type riscv64_trap_return, @function
riscv64_trap_return:
    /* sstatus first: a nested trap in the handler overwrote SPP and SPIE,
       which sret reads. SIE is clear in the saved value (the trap cleared it
       before it was saved), so nothing interrupts the restore. */
    restore_sstatus
    ld      t1, TRAP_FRAME_SEPC(sp)
    csrw    sepc, t1
    /* Back to U-mode: the user's tp. Back to S-mode: keep this CPU's. */
    andi    t0, t0, SSTATUS_SPP
    bnez    t0, 1f
    ld      tp, X(4)(sp)
1:
    restore_rest_and_sret
    .size riscv64_trap_return, . - riscv64_trap_return

/* Resumes the frame at sp, which is one from U-mode (a thread's user frame,
 * at the top of its kernel stack); interrupts masked. Its sstatus is not
 * read (a system call's frame has none when the fast path parked it,
 * trap_frame.h): every user frame's is SPP = U, SPIE = 1 (U-mode runs with
 * SIE set), SUM = MXR = 0 and FS, which stays live (see above); the live
 * sstatus has SUM = MXR = 0 (the kernel sets SUM only inside a user copy,
 * which does not return here) and SIE = 0, and only SPP and SPIE may differ
 * (a nested trap in the handler may have changed them): they are set. */
    .globl riscv64_user_trap_return
    .type riscv64_user_trap_return, @function
riscv64_user_trap_return:
    li      t0, SSTATUS_SPP
    csrc    sstatus, t0
    li      t0, SSTATUS_SPIE
    csrs    sstatus, t0
    ld      t1, TRAP_FRAME_SEPC(sp)
    csrw    sepc, t1
    RESTORE_USER_REGISTERS_AND_SRET
    .size riscv64_user_trap_return, . - riscv64_user_trap_return

/* A system call that the fast path did not take (see above), its registers
 * and sepc saved, interrupts masked: the rest of what frame_saved records,
 * for an ecall from U-mode. SUM needs no clearing: it is 0 in U-mode
 * (enter_user clears it and every return to U-mode leaves it 0), hence in
 * the sstatus the trap left. */
system_call_not_fast:
    li      t0, SCAUSE_ECALL_FROM_U
    sd      t0, TRAP_FRAME_SCAUSE(sp)
    sd      zero, TRAP_FRAME_STVAL(sp)  /* an ecall's stval is 0 */
    csrr    t0, sstatus
    sd      t0, TRAP_FRAME_SSTATUS(sp)
    mv      a0, sp
    li      fp, 0
    call    riscv64_serve_system_call   /* (frame) */
    j       riscv64_user_trap_return

/* The trap area's fast_syscall while the HAL's test hooks are set
 * (user_trap.cc): declines every call, so that they reach the hooks. */
    .globl riscv64_decline_fast_syscall
    .type riscv64_decline_fast_syscall, @function
riscv64_decline_fast_syscall:
    ret
    .size riscv64_decline_fast_syscall, . - riscv64_decline_fast_syscall
