// Bits of the aarch64 system registers the boot code programs, shared by the
// assembly (.S files include this) and C++. Names follow the Arm ARM.
#pragma once

// SCTLR_EL1 with the MMU, caches and alignment checking off, little-endian:
// only the bits that are RES1 in ARMv8.0 (EOS, TSCXT, EIS, SPAN, nTLSMD,
// LSMAOE). Later architecture versions give them meanings whose "1" is the
// behaviour ARMv8.0 software expects.
#define SCTLR_EL1_MMU_OFF 0x30d00800

// HCR_EL2.RW: EL1 executes in AArch64. All trap and virtualization bits are
// left 0, so nothing EL1 does is taken to EL2.
#define HCR_EL2_RW 0x80000000

// CNTHCTL_EL2.EL1PCTEN | EL1PCEN: EL1 may read the physical counter and use
// the physical timer without trapping to EL2.
#define CNTHCTL_EL2_EL1_PHYSICAL_COUNTER_AND_TIMER 0x3

// CPTR_EL2 with only its RES1 bits set: no FP/SIMD or trace traps to EL2.
#define CPTR_EL2_NO_TRAPS 0x33ff

// ICC_SRE_EL2 (GICv3 system register interface) has no name in older
// assemblers. SRE: use the system registers at EL2; ENABLE: let EL1 enable
// them for itself instead of trapping.
#define ICC_SRE_EL2 S3_4_C12_C9_5
#define ICC_SRE_EL2_SRE (1 << 0)
#define ICC_SRE_EL2_ENABLE (1 << 3)

// ID_AA64PFR0_EL1.GIC, bits [27:24]: non-zero if the GICv3 CPU interface
// system registers exist.
#define ID_AA64PFR0_EL1_GIC_SHIFT 24

// SPSR value for an exception return to EL1 using SP_EL1 (EL1h), with
// debug, SError, IRQ and FIQ masked.
#define SPSR_EL1H_ALL_MASKED 0x3c5
