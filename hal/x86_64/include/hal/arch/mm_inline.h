// hal/mm.h's activate_user_root on x86_64, inline: without PCIDs one CR3
// load, which a call would cost more than (every switch of address space
// runs it); with them, mmu/tlb.cc's out-of-line half. Included by
// hal/mm.h; include that instead.
#pragma once

#include <stdint.h>

// 1 once enable_cpu_features() turned CR4.PCIDE on (cpu/features.cc),
// before any user root is activated; never changes afterwards.
extern "C" uint8_t x86_64_pcids_enabled;
// activate_user_root() with PCIDs (mmu/tlb.cc): PcidTracker decides
// whether the CR3 load may keep `asid`'s TLB entries.
extern "C" void x86_64_activate_user_root_with_pcid(uint64_t root, uint32_t asid);

namespace hal::mm {

// CR3 as loaded: the root, with the PCID in bits 0-11 (0 without PCIDs:
// asid_count() is 1 then, so every ASID is).
inline UserRoot make_user_root(PhysicalAddress root, uint32_t asid) {
    return {root | asid, asid};
}

inline void activate_user_root(const UserRoot& root) {
    if (x86_64_pcids_enabled != 0) [[unlikely]] {
        x86_64_activate_user_root_with_pcid(root.value & ~uint64_t{0xfff}, root.asid);
        return;
    }
    // Without PCIDs every address space is asid 0 and the load drops every
    // non-global TLB entry (the kernel's are global and stay), as hal/mm.h
    // requires. The root is a page frame from kernel/mm/vm's
    // PageTable::root() (the PCID half asserts it). The "memory" clobber
    // keeps the page-table stores before the load.
    asm volatile("movq %0, %%cr3" : : "r"(root.value) : "memory");
}

}  // namespace hal::mm
