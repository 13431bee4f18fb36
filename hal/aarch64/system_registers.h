// Bits of the aarch64 system registers the boot code programs, shared by the
// assembly (.S files include this) and C++. Names follow the Arm ARM.
#pragma once

// SCTLR_EL1 with the MMU, caches and alignment checking off, little-endian:
// only the bits that are RES1 in ARMv8.0 (EOS, TSCXT, EIS, SPAN, nTLSMD,
// LSMAOE). Later architecture versions give them meanings whose "1" is the
// behaviour ARMv8.0 software expects.
#define SCTLR_EL1_MMU_OFF 0x30d00800

// SCTLR_EL1 for running the kernel: the RES1 bits above plus M (stage 1
// translation), C and I (data and instruction caches), SA and SA0 (stack
// alignment checks at EL1 and EL0). A (alignment checks) stays off: Normal
// memory allows unaligned accesses and the compiler may use them. WXN stays
// off: the page tables keep W^X themselves, per mapping.
//
// Also UCT and DZE, for user code: EL0 may read CTR_EL0 (cache line sizes,
// for cache maintenance in run-time code generation) and use DC ZVA
// (memset), which zeroes memory EL0 may write anyway. WFI and WFE at EL0
// trap (nTWI = nTWE = 0); user_traps.cc skips them.
#define SCTLR_EL1_MMU_ON 0x30d0d81d

// CPACR_EL1.FPEN = 0b11: FP/SIMD instructions do not trap at EL0 or EL1.
#define CPACR_EL1_FP_UNTRAPPED (3 << 20)
// FPEN's low bit: set (0b11) while a thread's FP/SIMD state is live in the
// registers, clear (0b00, everything traps) until it uses them
// (context_switch.S switches FP/SIMD lazily).
#define CPACR_EL1_FPEN_SHIFT 20

// SCTLR_EL1.SPAN, RES1 in ARMv8.0: with FEAT_PAN, 0 makes every exception
// taken to EL1 set PSTATE.PAN (no kernel access to user pages).
#define SCTLR_EL1_SPAN (1 << 23)

// TCR_EL1 without IPS and AS, which boot_mmu.S fills in from the ID registers:
// T0SZ = T1SZ = 16 (48-bit virtual addresses in both halves), 4 KiB granules
// (TG0 = 0b00, TG1 = 0b10), table walks inner-shareable and write-back
// write-allocate cacheable (SHx = 0b11, IRGNx = ORGNx = 0b01). TBI, A1, EPDx
// and the hardware access/dirty flags are all 0.
#define TCR_EL1_BASE 0xb5103510
#define TCR_EL1_IPS_SHIFT 32
#define TCR_EL1_AS 0x1000000000  // bit 36: 16-bit ASIDs
// IPS encodes a physical address size like ID_AA64MMFR0_EL1.PARange does;
// 0b101 is 48 bits, the most a 4 KiB granule reaches without FEAT_LPA2.
#define TCR_EL1_IPS_48_BITS 5

// ID_AA64MMFR0_EL1: PARange, bits [3:0], and ASIDBits, bits [7:4] (0b0010: 16 bits).
#define ID_AA64MMFR0_EL1_PARANGE_SHIFT 0
#define ID_AA64MMFR0_EL1_ASIDBITS_SHIFT 4
#define ID_AA64MMFR0_EL1_ASIDBITS_16 2
// ID_AA64MMFR1_EL1.PAN, bits [23:20]: non-zero if FEAT_PAN is implemented.
#define ID_AA64MMFR1_EL1_PAN_SHIFT 20
// ID_AA64DFR0_EL1.PMUVer, bits [11:8]: 0 = no PMU, 0xf = an IMPLEMENTATION
// DEFINED one; anything else is the architected PMU with PMCCNTR_EL0.
#define ID_AA64DFR0_EL1_PMUVER_SHIFT 8

// PMCR_EL0: E (enable the counters), C (reset the cycle counter), LC (the
// cycle counter overflows at 64 bits, not 32); N, bits [15:11], is the
// number of event counters.
#define PMCR_EL0_E (1 << 0)
#define PMCR_EL0_C (1 << 2)
#define PMCR_EL0_LC (1 << 6)
#define PMCR_EL0_N_SHIFT 11
// PMCNTENSET_EL0.C: the cycle counter counts.
#define PMCNTENSET_EL0_C 0x80000000

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
