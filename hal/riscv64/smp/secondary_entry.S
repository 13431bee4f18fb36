/* Where a hart started by SBI HSM hart_start (smp/start.cc) enters the
 * kernel: in S-mode at this code's physical address, with paging off
 * (satp = 0), interrupts off, a0 = its hart id and a1 = the physical address
 * of its StartBlock (smp/start_block.h).
 *
 * The problem: the kernel runs in the upper half, and the kernel's root no
 * longer maps the kernel's GiB at its physical address (the boot hart's
 * identity map went away in finish_early_mappings()). Writing satp with the
 * kernel's root from here would make the next instruction fetch fault.
 *
 * The solution: a bring-up root (start.cc builds it before the first
 * hart_start) that is the kernel's root plus the identity map of the
 * kernel's GiB: its upper-half entries are copies of the kernel root's (so
 * they point at the very same lower-level tables), and one lower-half entry
 * (Sv39: a 1 GiB leaf; Sv48: a table holding one 1 GiB leaf) maps the
 * kernel's GiB at its physical address, RWX and non-global. So:
 *   1. here, at the physical address: satp <- bring-up root (ASID 0); the
 *      next fetch goes through the identity map;
 *   2. jump to the linked address (mapped through the copied upper half);
 *   3. there: trap vector, tp, sscratch, then satp <- the kernel's root
 *      (ASID 0) and sfence.vma, which drops the identity translations too
 *      (non-global ASID 0 ones; the fence covers every ASID anyway);
 *   4. the boot stack, then riscv64_secondary_start(block) in C++.
 * The bring-up root is used for a handful of instructions and never again;
 * every upper-half address the code touches after step 2 (this code, the
 * stacks, the block) lies in the kernel window, which both roots map alike.
 *
 * Before step 3 a trap goes to secondary_early_trap (physical; reports
 * through the SBI console); from step 3 on, to trap_entry.S.
 */

#include "hal/riscv64/smp/start_block.h"
#include "hal/riscv64/trap_frame.h"

#define SSTATUS_SIE (1 << 1)
#define SSTATUS_SUM (1 << 18)
#define SSTATUS_VS (3 << 9)
#define SSTATUS_FS (3 << 13)
#define SBI_LEGACY_CONSOLE_PUTCHAR 1

    .section .text.secondary_entry, "ax", @progbits
    .balign 4
    .globl riscv64_secondary_entry
    .type riscv64_secondary_entry, @function
riscv64_secondary_entry:
    /* Physical addresses only until the jump below: PC-relative code. */
    csrci   sstatus, SSTATUS_SIE
    csrw    sie, zero
    lla     t0, secondary_early_trap
    csrw    stvec, t0

    /* Everything needed later, while the block is reachable at a1. */
    ld      s1, START_BLOCK_KERNEL_SATP(a1)
    ld      s2, START_BLOCK_CPU_INDEX(a1)
    ld      s3, START_BLOCK_STACK_TOP(a1)
    ld      s4, START_BLOCK_TRAP_SLOT(a1)
    ld      s5, START_BLOCK_SELF(a1)

    /* 1. The bring-up root. The fence before: the boot hart's stores of the
       tables precede hart_start, but this hart may hold stale translations
       from a previous life. */
    ld      t0, START_BLOCK_BRINGUP_SATP(a1)
    sfence.vma
    csrw    satp, t0
    sfence.vma

    /* 2. To the linked address. */
    ld      t0, secondary_high_link_address
    jr      t0

secondary_high:
    /* 3. The CPU index in tp (hal/arch/cpu_inline.h), and the trap area as
       trap_entry.S expects it (trap_frame.h): sscratch at the top of the trap
       stack, holding tp. */
    mv      tp, s2
    sd      tp, CPU_AREA_KERNEL_TP(s4)
    sd      zero, CPU_AREA_USER_FRAME(s4)
    /* kernel::try_fast_syscall (trap_entry.S calls it from here). */
    lla     t1, _ZN6kernel16try_fast_syscallEmmmj
    sd      t1, CPU_AREA_FAST_SYSCALL(s4)
    csrw    sscratch, s4
    lla     t0, riscv64_trap_entry
    csrw    stvec, t0
    /* User memory out of reach and the FP and vector units off (FS = VS =
       Off), as on the boot hart. */
    li      t0, SSTATUS_SUM | SSTATUS_FS | SSTATUS_VS
    csrc    sstatus, t0

    /* The kernel's root; the fence drops the bring-up root's translations,
       the identity map's among them. */
    csrw    satp, s1
    sfence.vma

    /* 4. The boot stack and C++. */
    mv      sp, s3
    mv      a0, s5
    li      fp, 0
    li      ra, 0
    call    riscv64_secondary_start
1:  wfi
    j       1b
    .size riscv64_secondary_entry, . - riscv64_secondary_entry

/* A hart that arrives at _start (entry.S) after the boot hart: OpenSBI v1.1
 * can send a hart it starts to the boot entry point instead of the address
 * hart_start gave. Its hart_start marks the hart START_PENDING before it
 * stores the new address and argument; a hart that is on its way into the
 * firmware's wait loop (or wakes from wfi) in that window leaves with the
 * previous ones: the kernel's _start and the device tree. Seen under
 * MTTCG with 5 harts on a loaded host. a1 cannot be trusted then, but a0 (the
 * hart id) can: find the block the boot hart filled for this hart, still
 * kStarting, and continue as if hart_start had worked. A hart nobody waits
 * for stops here. Physical addresses, paging off, as at
 * riscv64_secondary_entry. */
    .globl riscv64_secondary_stray_entry
    .type riscv64_secondary_stray_entry, @function
riscv64_secondary_stray_entry:
    lla     t0, riscv64_start_blocks
    li      t1, SMP_MAX_SECONDARY_CPUS + 1
1:  ld      t2, START_BLOCK_HART_ID(t0)
    bne     t2, a0, 2f
    ld      t2, START_BLOCK_SELF(t0)    /* 0: never filled */
    beqz    t2, 2f
    lw      t2, START_BLOCK_STATE(t0)   /* kStarting = 0 */
    bnez    t2, 2f
    li      t2, 1
    sw      t2, START_BLOCK_STRAY(t0)
    mv      a1, t0
    j       riscv64_secondary_entry
2:  addi    t0, t0, START_BLOCK_SIZE
    addi    t1, t1, -1
    bnez    t1, 1b
3:  wfi
    j       3b
    .size riscv64_secondary_stray_entry, . - riscv64_secondary_stray_entry

/* A trap before the trap vector is in place: say so through the SBI console
   and stop this hart. Runs at the physical address (only reachable before
   step 2, or through the bring-up root's identity map). */
    .balign 4
secondary_early_trap:
    lla     t0, message_secondary_trap
1:  lbu     a0, 0(t0)
    beqz    a0, 2f
    li      a7, SBI_LEGACY_CONSOLE_PUTCHAR
    ecall
    addi    t0, t0, 1
    j       1b
2:  wfi
    j       2b

    .balign 8
secondary_high_link_address:
    .dword  secondary_high

    .section .rodata.secondary_messages, "a", @progbits
message_secondary_trap:
    .asciz  "\r\nriscv64: trap on a starting hart before its trap vector was set; hart halted\r\n"

/* The secondary CPUs' boot and trap stacks: for CPU c (1..), boot stack then
   trap stack at (c - 1) * (SMP_BOOT_STACK_SIZE + SMP_TRAP_STACK_SIZE).
   linker.ld puts this into .stacks, outside .bss. */
    .section .stacks.secondary, "aw", @nobits
    .balign 16
    .globl riscv64_secondary_stacks
riscv64_secondary_stacks:
    .skip   SMP_MAX_SECONDARY_CPUS * (SMP_BOOT_STACK_SIZE + SMP_TRAP_STACK_SIZE)
