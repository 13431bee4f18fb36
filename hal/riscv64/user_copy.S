/* The one routine that touches user memory (user_copy.cc checks the range
 * first). S-mode may access pages with the U bit only while sstatus.SUM is
 * set: it is set for the copy alone.
 *
 * A page fault inside [riscv64_user_copy_begin, riscv64_user_copy_end) that
 * kernel::handle_page_fault() cannot resolve resumes at
 * riscv64_user_copy_fault (trap.cc), which returns 1 instead of 0.
 */

#define SSTATUS_SUM (1 << 18)

    .section .text.user_copy, "ax", @progbits

/* int riscv64_copy_user(void* destination, const void* source, size_t length)
 * Returns 0 when all bytes were copied, 1 if a fault stopped the copy. */
    .globl riscv64_copy_user
    .type riscv64_copy_user, @function
riscv64_copy_user:
    li      t6, SSTATUS_SUM
    csrs    sstatus, t6
    .globl riscv64_user_copy_begin
riscv64_user_copy_begin:
    /* Doublewords while both pointers are 8-byte aligned, then bytes. */
    or      t0, a0, a1
    andi    t0, t0, 7
    bnez    t0, 2f
    /* 32 bytes a round (an IPC message is 144), then 8. */
    li      t1, 32
4:  bltu    a2, t1, 5f
    ld      t2, 0(a1)
    ld      t3, 8(a1)
    ld      t4, 16(a1)
    ld      t5, 24(a1)
    sd      t2, 0(a0)
    sd      t3, 8(a0)
    sd      t4, 16(a0)
    sd      t5, 24(a0)
    addi    a0, a0, 32
    addi    a1, a1, 32
    addi    a2, a2, -32
    j       4b
5:  li      t1, 8
1:  bltu    a2, t1, 2f
    ld      t2, 0(a1)
    sd      t2, 0(a0)
    addi    a0, a0, 8
    addi    a1, a1, 8
    addi    a2, a2, -8
    j       1b
2:  beqz    a2, 3f
    lbu     t2, 0(a1)
    sb      t2, 0(a0)
    addi    a0, a0, 1
    addi    a1, a1, 1
    addi    a2, a2, -1
    j       2b
3:
    .globl riscv64_user_copy_end
riscv64_user_copy_end:
    csrc    sstatus, t6
    li      a0, 0
    ret

    .globl riscv64_user_copy_fault
riscv64_user_copy_fault:
    li      t6, SSTATUS_SUM
    csrc    sstatus, t6
    li      a0, 1
    ret
    .size riscv64_copy_user, . - riscv64_copy_user
