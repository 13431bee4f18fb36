/* The supervisor trap vector (stvec, direct mode): every exception and
 * interrupt taken in S-mode arrives here.
 *
 * The frame records the machine state faithfully for the register dump, and
 * is what the trap returns through: riscv64_handle_trap either returns (an
 * interrupt it served, a resolved page fault, a user copy's recovery, a
 * probe) after perhaps editing the frame's sepc and registers, or reports the
 * trap and never returns. An interrupt can arrive between any two
 * instructions of the kernel, so every integer register (x1-x31), sepc and
 * sstatus come back exactly as saved; the kernel has no FP state (rv64imac).
 *
 * The frame goes on a dedicated trap stack whose top is kept in sscratch
 * (set by entry.S; above it waits the kernel's tp, see trap_frame.h).
 * Swapping sp with sscratch first means that a trap caused by a corrupt or
 * exhausted kernel stack is still reported, instead of faulting again on
 * every store of the frame.
 */

#include "hal/riscv64/trap_frame.h"

#define SSTATUS_SPP (1 << 8)
#define SSTATUS_SUM (1 << 18)

    .section .text.trap, "ax", @progbits
    /* stvec's BASE field drops the low two bits: the vector must be 4-byte
       aligned. */
    .balign 4
    .globl riscv64_trap_entry
    .type riscv64_trap_entry, @function
riscv64_trap_entry:
    /* sp <- trap stack top, sscratch <- the interrupted sp. */
    csrrw   sp, sscratch, sp
    addi    sp, sp, -TRAP_FRAME_SIZE

    /* x1 and x3..x31 as they were; x2 (sp) comes from sscratch below. */
    sd      x1, TRAP_FRAME_REGISTERS + 0 * 8(sp)
    .irp n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sd      x\n, TRAP_FRAME_REGISTERS + (\n - 1) * 8(sp)
    .endr

    csrr    t0, sscratch
    sd      t0, TRAP_FRAME_REGISTERS + 1 * 8(sp)
    csrr    t0, sepc
    sd      t0, TRAP_FRAME_SEPC(sp)
    csrr    t0, sstatus
    sd      t0, TRAP_FRAME_SSTATUS(sp)
    /* From U-mode, tp is the user's thread pointer (the frame keeps it for
       the return): the handler needs the kernel's, the CPU index, which
       waits in the slot right above this frame (trap_frame.h). Traps from
       S-mode arrive with the kernel's tp already. */
    andi    t1, t0, SSTATUS_SPP
    bnez    t1, 1f
    ld      tp, TRAP_FRAME_SIZE(sp)
1:
    /* User memory stays out of reach in the handler, even if the trap hit a
       user copy (user_copy.S); the return below restores SUM from the frame. */
    li      t1, SSTATUS_SUM
    csrc    sstatus, t1
    csrr    t0, scause
    sd      t0, TRAP_FRAME_SCAUSE(sp)
    csrr    t0, stval
    sd      t0, TRAP_FRAME_STVAL(sp)

    /* Re-arm sscratch with this frame's base: should the handler itself
       fault, the nested trap lands on the trap stack again, rather than on
       the interrupted (possibly broken) stack, and below this frame, which
       it must not overwrite. */
    csrw    sscratch, sp

    mv      a0, sp
    li      fp, 0
    call    riscv64_handle_trap

    /* Resume as the frame says. sstatus first: a nested trap in the handler
       overwrote SPP and SPIE, which sret reads. SIE is clear in the saved
       value (the trap cleared it before it was saved), so nothing interrupts
       the restore. */
    ld      t0, TRAP_FRAME_SSTATUS(sp)
    csrw    sstatus, t0
    ld      t0, TRAP_FRAME_SEPC(sp)
    csrw    sepc, t0
    /* The trap stack is free again down from the top of this frame. */
    addi    t0, sp, TRAP_FRAME_SIZE
    csrw    sscratch, t0

    ld      x1, TRAP_FRAME_REGISTERS + 0 * 8(sp)
    .irp n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld      x\n, TRAP_FRAME_REGISTERS + (\n - 1) * 8(sp)
    .endr
    ld      sp, TRAP_FRAME_REGISTERS + 1 * 8(sp)
    sret
    .size riscv64_trap_entry, . - riscv64_trap_entry
