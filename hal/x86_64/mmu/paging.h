// The few facts about x86_64 4-level page tables that the HAL's own walks
// need (kernel/mm/vm owns the general page-table code; the entry format is
// mmu/page_table_format.h): entry bits, the geometry, and access to a table
// through the direct map.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/mmu/page_table_format.h"

namespace hal::x86_64::paging {

inline constexpr uint64_t kPresent = X86_64_PTE_PRESENT;
inline constexpr uint64_t kLargePage =
    X86_64_PTE_HUGE;  // in a PDPT or PD entry: a 1 GiB or 2 MiB leaf
inline constexpr uint64_t kGlobal = X86_64_PTE_GLOBAL;
inline constexpr uint64_t kNoExecute = X86_64_PTE_NO_EXECUTE;
inline constexpr uint64_t kAddressMask = X86_64_PTE_ADDRESS_MASK;  // bits 12-51

inline constexpr size_t kEntriesPerTable = 512;
// Root (PML4) entries from here on map the upper, kernel half.
inline constexpr size_t kFirstKernelRootEntry = kEntriesPerTable / 2;
// Virtual address bits each level translates: PML4, PDPT, PD, PT.
inline constexpr unsigned kLevelShifts[] = {39, 30, 21, 12};

inline size_t table_index(uint64_t virtual_address, unsigned shift) {
    return (virtual_address >> shift) % kEntriesPerTable;
}

// A page table at `physical_address`, reached through the direct map (which
// always covers page-table pages: boot's are in the image, kernel/mm's in RAM).
inline uint64_t* table_at(uint64_t physical_address) {
    return reinterpret_cast<uint64_t*>(kDirectMapBase + physical_address);
}

}  // namespace hal::x86_64::paging
