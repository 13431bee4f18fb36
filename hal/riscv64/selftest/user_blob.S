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
 *   riscv64_user_blob_spin, riscv64_user_blob_loop, riscv64_user_blob_fp:
 *     see there.
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

/* Counts in t1 a register that holds neither 0 nor `value`. */
.macro expect_zero_or reg, value
    beqz    \reg, 1f
    li      t2, \value
    beq     \reg, t2, 1f
    addi    t1, t1, 1
1:
.endm

/* t1 <- how many of them changed. After an ecall (\after_ecall 1), which
   clobbers t0-t6 (abi/README.md), those must hold the thread's own stale
   values instead, never the kernel's: the fresh frame's 0 (the thread's
   own start values of t1-t5, which it never sets), or what an interrupt
   before the ecall saved of t0 and t6. (s5, s6: t1 and t2 kept.) */
.macro check_registers after_ecall=0
    .if \after_ecall
    mv      s5, t1
    mv      s6, t2
    .endif
    li      t1, 0
    .if \after_ecall
    expect  s5, 0
    expect  s6, 0
    expect  t3, 0
    expect  t4, 0
    expect  t5, 0
    expect_zero_or t0, 0x7070
    expect_zero_or t6, 0x7676
    .else
    expect  t0, 0x7070
    expect  t6, 0x7676
    .endif
    expect  a1, 0x11
    expect  a2, 0x12
    expect  a3, 0x13
    expect  a4, 0x14
    expect  a5, 0x15
    expect  a6, 0x16
    expect  a7, 0
    expect  s3, 0x3333
    expect  s11, 0xbbbb
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
    check_registers after_ecall=1
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

/* System calls 98, 99 and 100 (98 and 100 take the IPC fast path's entry,
   trap_entry.S) with a0..a5 = 0x20..0x25 and a0 = the previous call's
   result, then a store to address 8 like the first. */
    .globl riscv64_user_blob_numbers
riscv64_user_blob_numbers:
    li      a0, 0x20
    .irp number, 98, 99, 100
    li      a1, 0x21
    li      a2, 0x22
    li      a3, 0x23
    li      a4, 0x24
    li      a5, 0x25
    li      a7, \number
    ecall
    .endr
    li      t0, 8
    sd      t0, 0(t0)
    j       .

/* f0..f31 <- \base + n for f<n>, fcsr <- \fcsr (t0 scratch). */
.macro set_fp base, fcsr
    csrw    0x003, \fcsr                    /* fcsr: needs FS != Off */
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    addi    t0, \base, \n
    .insn r 0x53, 0, 0x79, x\n, x5, x0      /* fmv.d.x f<n>, t0 */
    .endr
.endm

/* t1 += how many of f0..f31 and fcsr differ from what set_fp set (t0, t3
   scratch). */
.macro check_fp base, fcsr
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .insn r 0x53, 0, 0x71, x28, x\n, x0     /* fmv.x.d t3, f<n> */
    addi    t0, \base, \n
    beq     t3, t0, 1f
    addi    t1, t1, 1
1:
    .endr
    csrr    t3, 0x003
    beq     t3, \fcsr, 1f
    addi    t1, t1, 1
1:
.endm

/* One of two threads that share the CPU (a0 = seed, a1 = fcsr, a rounding
   mode in frm): sets its FP registers and fcsr, yields (system call 4),
   checks them; sets other values (and flips the rounding mode), arms the
   word at sp - 8 (1) and spins until the test's return hook, after an
   interrupt from U-mode, sets it to 2 and switches to the other thread (a
   preemption), checks them again; sets others again and parks (system call
   6: the hook parks it, and the other thread's park resumes it straight in
   user mode through park_and_resume), checks them again and reports
   (system call 5: a1 = what differed after the yield, a2 = after the
   preemption, a3 = after the park). Then faults. */
    .globl riscv64_user_blob_fp
riscv64_user_blob_fp:
    mv      s1, a0
    mv      s2, a1
    addi    s4, sp, -8
    set_fp  s1, s2
    li      a7, 4
    ecall
    li      t1, 0
    check_fp s1, s2
    mv      s5, t1
    not     s1, s1
    xori    s2, s2, 0x60        /* frm (fcsr bits 7:5): 1 <-> 2, 3 <-> 0 */
    set_fp  s1, s2
    li      t0, 1
    sw      t0, 0(s4)
    li      t2, 2
1:  lw      t0, 0(s4)
    bne     t0, t2, 1b
    li      t1, 0
    check_fp s1, s2
    mv      s6, t1
    addi    s1, s1, 64
    xori    s2, s2, 0x20        /* frm: 2 <-> 3, 0 <-> 1 */
    set_fp  s1, s2
    li      a7, 6
    ecall
    li      t1, 0
    check_fp s1, s2
    mv      a1, s5
    mv      a2, s6
    mv      a3, t1
    li      a7, 5
    ecall
    li      t0, 8
    sd      t0, 0(t0)
    j       .

    .globl riscv64_user_blob_end
riscv64_user_blob_end:
