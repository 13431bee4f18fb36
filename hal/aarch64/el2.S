// Leaving EL2 for EL1.
//
// With `-machine virt,virtualization=on` (and on most real boards) the loader
// enters the kernel at EL2, the hypervisor level. The kernel runs at EL1, so
// the boot CPU configures EL2 to stay out of the way and returns to EL1:
// EL1 in AArch64, no traps, the counter, the PMU and the GICv3 system
// registers usable from EL1. EL2's own vectors point at a table that reports
// any exception that still reaches EL2 instead of jumping into garbage. EL2
// runs with its MMU off throughout, so early_fatal's physical UART works.

#include "hal/aarch64/system_registers.h"

    .section .text.el2, "ax"

// leave_el2(x0 = physical address to continue at, at EL1 with everything
// masked): boot.S's enter_el1 on the boot CPU, secondary_entry.S's
// secondary_el1 on the others. Uses x1 and x2; no stack, no memory.
    .global leave_el2
leave_el2:
    mov     x1, #HCR_EL2_RW
    msr     hcr_el2, x1

    mrs     x1, cnthctl_el2
    orr     x1, x1, #CNTHCTL_EL2_EL1_PHYSICAL_COUNTER_AND_TIMER
    msr     cnthctl_el2, x1
    msr     cntvoff_el2, xzr        // virtual counter == physical counter

    mov     x1, #CPTR_EL2_NO_TRAPS
    msr     cptr_el2, x1
    msr     hstr_el2, xzr           // no traps of CP15 accesses from AArch32

    // The PMU (hal::cycle_counter reads PMCCNTR_EL0): MDCR_EL2 with only
    // HPMN = PMCR_EL0.N, so EL1 may use every event counter and nothing
    // (TPM, TPMCR) traps. Without an architected PMU, PMCR_EL0 is
    // not there to read.
    mov     x2, xzr
    mrs     x1, id_aa64dfr0_el1
    ubfx    x1, x1, #ID_AA64DFR0_EL1_PMUVER_SHIFT, #4
    cbz     x1, 3f
    cmp     x1, #0xf
    b.eq    3f
    mrs     x1, pmcr_el0
    ubfx    x2, x1, #PMCR_EL0_N_SHIFT, #5
3:  msr     mdcr_el2, x2

    // EL1 reads of MIDR_EL1/MPIDR_EL1 return VPIDR_EL2/VMPIDR_EL2: make them
    // the real values so EL1 identifies the CPU correctly.
    mrs     x1, midr_el1
    msr     vpidr_el2, x1
    mrs     x1, mpidr_el1
    msr     vmpidr_el2, x1

    // With a GICv3 (`gic-version=3`), EL1 can use the CPU interface system
    // registers only if EL2 allows it.
    mrs     x1, id_aa64pfr0_el1
    ubfx    x1, x1, #ID_AA64PFR0_EL1_GIC_SHIFT, #4
    cbz     x1, 1f
    mrs     x1, ICC_SRE_EL2
    orr     x1, x1, #ICC_SRE_EL2_SRE      // two orrs: 0b1001 is no logical immediate
    orr     x1, x1, #ICC_SRE_EL2_ENABLE
    msr     ICC_SRE_EL2, x1
1:
    adrp    x1, el2_vectors
    add     x1, x1, :lo12:el2_vectors
    msr     vbar_el2, x1

    mov     x1, #SPSR_EL1H_ALL_MASKED
    msr     spsr_el2, x1
    msr     elr_el2, x0
    isb
    eret

// Nothing should reach EL2 after we leave it (HCR_EL2 traps nothing); if
// something does, say so on the console rather than running off into
// whatever VBAR_EL2 held.
    .section .text.el2_vectors, "ax"
    .balign 2048                    // VBAR_EL2 bits [10:0] are RES0
el2_vectors:
    .rept   16
    .balign 0x80
    adrp    x0, message_exception_at_el2
    add     x0, x0, :lo12:message_exception_at_el2
    b       early_fatal
    .endr

    .section .rodata.el2_messages, "a"
message_exception_at_el2:
    .asciz  "\r\nFATAL: unexpected exception taken to EL2\r\n"
