/* Position-independent U-mode code for user_mode_selftest.cc, copied into a
 * user page (this copy in .rodata is never executed by the kernel).
 *
 * Entry points (offsets from riscv64_user_blob):
 *   riscv64_user_blob: two system calls, then a store to address 8, which
 *     must end as a user fault. System call 0 gets a0..a5 = 0x10..0x15;
 *     system call 1 reports: a0 = the result of call 0, a1 = how many
 *     registers call 0 did not preserve (FP f5 included), a2 = tp, a3 = sp,
 *     a4/a5 = the a0/a1 the thread started with.
 *   riscv64_user_blob_illegal: an illegal instruction.
 *   riscv64_user_blob_breakpoint: ebreak.
 *   riscv64_user_blob_spin, riscv64_user_blob_loop: see there.
 */

/* Counts in t1 a register that does not hold `value` (t2 is scratch). */
.macro expect reg, value
    li      t2, \value
    beq     \reg, t2, 1f
    addi    t1, t1, 1
1:
.endm

/* Known values in the registers a trap must preserve (a0 is the caller's). */
.macro set_registers
    li      s3, 0x3333
    li      s11, 0xbbbb
    li      t0, 0x7070
    li      t6, 0x7676
    li      gp, 0x6060
    li      ra, 0x1010
    .insn r 0x53, 0, 0x79, x5, x19, x0      /* fmv.d.x f5, s3: needs FS != Off */
    li      a7, 0
    li      a1, 0x11
    li      a2, 0x12
    li      a3, 0x13
    li      a4, 0x14
    li      a5, 0x15
    li      a6, 0x16
.endm

/* t1 <- how many of them changed. */
.macro check_registers
    li      t1, 0
    expect  a1, 0x11
    expect  a2, 0x12
    expect  a3, 0x13
    expect  a4, 0x14
    expect  a5, 0x15
    expect  a6, 0x16
    expect  a7, 0
    expect  s3, 0x3333
    expect  s11, 0xbbbb
    expect  t0, 0x7070
    expect  t6, 0x7676
    expect  gp, 0x6060
    expect  ra, 0x1010
    .insn r 0x53, 0, 0x71, x28, x5, x0      /* fmv.x.d t3, f5 */
    expect  t3, 0x3333
.endm

/* System call a7 = \number reporting a0 (as is), a1 = t1, a2 = tp, a3 = sp,
   a4/a5 = s1/s2 (the thread's a0/a1 at entry). */
.macro report number
    mv      a1, t1
    mv      a2, tp
    mv      a3, sp
    mv      a4, s1
    mv      a5, s2
    li      a7, \number
    ecall
.endm

    .section .rodata.riscv64_user_blob, "a", @progbits
    .balign 4
    .globl riscv64_user_blob
riscv64_user_blob:
    mv      s1, a0
    mv      s2, a1
    set_registers
    li      a0, 0x10
    ecall
    check_registers
    report  1
    li      t0, 8
    .globl riscv64_user_blob_fault
riscv64_user_blob_fault:
    sd      t0, 0(t0)
    j       .

    .globl riscv64_user_blob_illegal
riscv64_user_blob_illegal:
    .word   0   /* all zeros: defined to be illegal */
    j       .

    .globl riscv64_user_blob_breakpoint
riscv64_user_blob_breakpoint:
    ebreak
    j       .

/* Spins until the word at the bottom of the stack page (sp - 4096) turns
   non-zero, which the test's return hook does after an interrupt from
   U-mode, then reports (system call 2) and faults like the first. */
    .globl riscv64_user_blob_spin
riscv64_user_blob_spin:
    mv      s1, a0
    mv      s2, a1
    li      s4, 4096
    sub     s4, sp, s4
    set_registers
1:  lw      s5, 0(s4)
    beqz    s5, 1b
    check_registers
    li      a0, 0
    report  2
    li      t0, 8
    sd      t0, 0(t0)
    j       .

/* kNullCallCount system calls 3 in a row, for the round-trip cost. */
    .globl riscv64_user_blob_loop
riscv64_user_blob_loop:
    li      s1, 1000
1:  li      a7, 3
    ecall
    addi    s1, s1, -1
    bnez    s1, 1b
    li      t0, 8
    sd      t0, 0(t0)
    j       .

    .globl riscv64_user_blob_end
riscv64_user_blob_end:
