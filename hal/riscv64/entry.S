/* The first kernel instructions on riscv64.
 *
 * OpenSBI (fw_dynamic) enters here on the boot hart only, in S-mode with the
 * MMU off (satp = 0):
 *   a0 = hart id of this hart
 *   a1 = physical address of the flattened device tree
 * The other harts stay stopped in the firmware (SBI HSM) until the kernel asks
 * for them, which this stage never does.
 *
 * What this code establishes before the first C++ instruction:
 *   - no interrupts (sstatus.SIE = 0, sie = 0);
 *   - a trap vector and its stack, so that even a fault in the next few
 *     instructions is reported instead of returning into the firmware;
 *   - a zeroed .bss and a 16-byte aligned stack (the psABI's requirements).
 */

#define SSTATUS_SIE (1 << 1)

    .section .text.boot, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    csrci   sstatus, SSTATUS_SIE
    csrw    sie, zero

    /* Traps: direct mode (stvec[1:0] = 0, so every trap enters at the vector's
       base). trap_entry.S finds its stack in sscratch. */
    la      t0, riscv64_trap_entry
    csrw    stvec, t0
    la      t0, __trap_stack_top
    csrw    sscratch, t0

    la      sp, __boot_stack_top

    /* Zero .bss; the linker script aligns both ends to 8 bytes. a0 and a1 are
       left alone: they are the C++ entry's arguments. */
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:
    /* A null frame pointer and return address end the chain for debuggers. */
    li      fp, 0
    li      ra, 0
    call    riscv64_boot

    /* riscv64_boot never returns; should it ever, stop here rather than run
       into whatever follows. */
3:  wfi
    j       3b
    .size _start, . - _start
