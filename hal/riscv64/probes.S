/* Instructions that may trap depending on what the firmware allows; trap.cc
 * skips the probed instruction and reports the failure in a0. */

    .section .text.probes, "ax", @progbits

/* uint64_t riscv64_probe_cycle_counter(void): 1 if S-mode may read the cycle
 * CSR, 0 if reading it raised an illegal-instruction exception (the firmware
 * left mcounteren.CY clear). */
    .globl riscv64_probe_cycle_counter
    .type riscv64_probe_cycle_counter, @function
riscv64_probe_cycle_counter:
    li      a0, 1
    .globl riscv64_cycle_probe_instruction
riscv64_cycle_probe_instruction:
    csrr    t0, cycle               /* 4 bytes: no compressed form */
    ret
    .size riscv64_probe_cycle_counter, . - riscv64_probe_cycle_counter

/* uint64_t riscv64_probe_stimecmp(void): 1 if S-mode may access stimecmp
 * (the hart has Sstc and the firmware set menvcfg.STCE), 0 if reading it
 * raised an illegal-instruction exception. */
    .globl riscv64_probe_stimecmp
    .type riscv64_probe_stimecmp, @function
riscv64_probe_stimecmp:
    li      a0, 1
    .globl riscv64_stimecmp_probe_instruction
riscv64_stimecmp_probe_instruction:
    csrr    t0, 0x14d               /* stimecmp; 4 bytes */
    ret
    .size riscv64_probe_stimecmp, . - riscv64_probe_stimecmp
