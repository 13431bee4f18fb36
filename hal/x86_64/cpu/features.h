// The CPU features the HAL relies on or uses when present, read once from
// CPUID, and the control-register bits that turn them on.
//
// Required: long mode (checked by boot.S) and no-execute pages (W^X needs
// them). Used when present: global pages, PCIDs, INVPCID, SMEP, SMAP and
// 1 GiB pages.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

struct CpuFeatures {
    bool no_execute = false;    // EFER.NXE and page-table bit 63
    bool global_pages = false;  // CR4.PGE: kernel TLB entries survive CR3 loads
    bool pcid = false;          // CR4.PCIDE: TLB entries tagged by address space
    bool invpcid = false;       // flush one PCID's entries without loading it
    bool smep = false;          // the kernel cannot execute user pages
    bool smap = false;          // the kernel cannot touch user pages except inside stac/clac
    bool huge_1gib = false;     // page-directory-pointer entries can map 1 GiB
};

// Detects the features, then sets EFER.NXE, CR0.WP (so that the kernel's
// writes to read-only pages fault: copy-on-write depends on it) and the CR4
// bits PGE, SMEP, SMAP and PCIDE for those the CPU has, and tells
// PageTableFormat whether 1 GiB pages exist. Panics if the CPU has no NX.
// Called once on the boot CPU, before anything changes page tables.
void enable_cpu_features();

// The control-register part of enable_cpu_features() on a secondary CPU, with
// the features the boot CPU found (QEMU and real machines give every CPU the
// same ones). Needs CR3 to hold PCID 0, as the kernel root does.
void enable_cpu_features_on_this_cpu();

// What enable_cpu_features() found (and enabled). Inline: every switch of
// address space asks (mmu/tlb.cc), and a call would cost more than the read.
extern CpuFeatures detected_cpu_features;
inline const CpuFeatures& cpu_features() {
    return detected_cpu_features;
}

// The executing CPU's APIC ID: the x2APIC ID from CPUID leaf 0xb when the CPU
// has that leaf, else the 8-bit initial APIC ID from leaf 1.
uint32_t current_apic_id();

}  // namespace hal::x86_64

// Non-zero once SMAP is on: the assembly that must bracket user accesses with
// stac/clac (mmu/user_copy.S, cpu/exception_entry.S) tests it, because those
// instructions raise #UD on CPUs without SMAP.
extern "C" uint8_t x86_64_smap_enabled;
// Non-zero once PCIDs are on (CR4.PCIDE): the inline activate_user_root()
// (include/hal/arch/mm_inline.h) tests it.
extern "C" uint8_t x86_64_pcids_enabled;
