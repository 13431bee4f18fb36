#include "hal/riscv64/mmu/early_mappings.h"

#include "hal/mm.h"
#include "hal/riscv64/mmu/address_space_layout.h"
#include "hal/riscv64/mmu/csr.h"
#include "hal/riscv64/mmu/page_table_format.h"
#include "hal/riscv64/mmu/paging.h"

extern "C" {
// boot_paging.S; accessed through the kernel window.
extern uint64_t riscv64_boot_root[];
extern uint64_t riscv64_boot_direct_l2[];
extern uint64_t riscv64_fixmap_l0[];
}

namespace hal::riscv64::mmu {
namespace {

using Format = PageTableFormat;

constexpr size_t kTableEntries = 512;
constexpr uint64_t kPageSize = hal::mm::kPageSize;
constexpr unsigned kGibLevel = 2;

constexpr hal::mm::MappingAttributes kDirectMap{.writable = true, .global = true};
constexpr hal::mm::MappingAttributes kDevice{
    .writable = true, .global = true, .cache = hal::mm::CachePolicy::kDevice};

// How many physical GiBs the boot tables can put in the direct map: Sv39
// uses root entries 256..383 (one GiB each, a quarter of the address space),
// Sv48 the first root entry of the upper half (512 GiB in one L2 table).
constexpr uint64_t kSv39DirectMapGibs = 128;
constexpr uint64_t kSv48BootDirectMapGibs = 512;

// Bit g: the HAL mapped physical GiB g into the direct map at boot.
constinit uint64_t early_direct_gibs[kSv48BootDirectMapGibs / 64];
constinit size_t fixmap_pages_used = 0;

uint64_t boot_direct_map_gibs() {
    return paging_mode() == PagingMode::kSv48 ? kSv48BootDirectMapGibs : kSv39DirectMapGibs;
}

// The boot-table entry that maps physical GiB `gib` into the direct map.
uint64_t& direct_map_entry(uint64_t gib) {
    if (paging_mode() == PagingMode::kSv48) return riscv64_boot_direct_l2[gib];
    return riscv64_boot_root[kTableEntries / 2 + gib];
}

bool gib_recorded(uint64_t gib) {
    return (early_direct_gibs[gib / 64] >> (gib % 64) & 1) != 0;
}

}  // namespace

void record_boot_direct_map() {
    for (uint64_t gib = 0; gib < boot_direct_map_gibs(); ++gib) {
        if (Format::is_leaf(direct_map_entry(gib), kGibLevel))
            early_direct_gibs[gib / 64] |= uint64_t{1} << (gib % 64);
    }
}

bool early_direct_map_covers(uint64_t physical, uint64_t size) {
    uint64_t last = physical + (size == 0 ? 0 : size - 1);
    if (last < physical) return false;
    for (uint64_t gib = physical / kGiB; gib <= last / kGiB; ++gib) {
        if (gib >= boot_direct_map_gibs() || !gib_recorded(gib)) return false;
    }
    return true;
}

bool extend_early_direct_map(uint64_t physical, uint64_t size) {
    uint64_t last = physical + (size == 0 ? 0 : size - 1);
    if (last < physical || last / kGiB >= boot_direct_map_gibs()) return false;
    for (uint64_t gib = physical / kGiB; gib <= last / kGiB; ++gib) {
        if (gib_recorded(gib)) continue;
        direct_map_entry(gib) = Format::leaf_entry(gib * kGiB, kGibLevel, kDirectMap);
        early_direct_gibs[gib / 64] |= uint64_t{1} << (gib % 64);
        // A hart may cache invalid entries (unless it has Svvptc).
        fence_address(direct_map_base() + gib * kGiB);
    }
    return true;
}

void* map_device(uint64_t physical, size_t size) {
    uint64_t first = physical & ~(kPageSize - 1);
    uint64_t end = physical + (size == 0 ? 1 : size);
    if (end < physical || end > UINT64_MAX - kPageSize) return nullptr;
    size_t pages = ((end + kPageSize - 1) & ~(kPageSize - 1)) - first;
    pages /= kPageSize;

    // Asked before (the console's UART, then its driver's): the same pages.
    for (size_t slot = 0; slot + pages <= fixmap_pages_used; ++slot) {
        bool same = true;
        for (size_t page = 0; page < pages && same; ++page)
            same = riscv64_fixmap_l0[slot + page] ==
                   Format::leaf_entry(first + page * kPageSize, 0, kDevice);
        if (same)
            return reinterpret_cast<void*>(kFixmapBase + slot * kPageSize + (physical - first));
    }
    if (pages > kFixmapSize / kPageSize - fixmap_pages_used) return nullptr;

    size_t slot = fixmap_pages_used;
    for (size_t page = 0; page < pages; ++page) {
        riscv64_fixmap_l0[slot + page] = Format::leaf_entry(first + page * kPageSize, 0, kDevice);
        fence_address(kFixmapBase + (slot + page) * kPageSize);
    }
    fixmap_pages_used += pages;
    // Without Svpbmt the platform's physical memory attributes alone make
    // device registers uncached and strongly ordered (page_table_format.h).
    return reinterpret_cast<void*>(kFixmapBase + slot * kPageSize + (physical - first));
}

void drop_identity_map() {
    uint64_t kernel_gib = kernel_physical_start() / kGiB;
    if (paging_mode() == PagingMode::kSv48) {
        // root[0] points at the identity L2, which holds nothing else; the
        // table stays in .bss, unused.
        riscv64_boot_root[0] = 0;
    } else {
        riscv64_boot_root[kernel_gib] = 0;
    }
    // The identity entries are non-global ASID 0 translations.
    fence_all();
}

}  // namespace hal::riscv64::mmu

namespace hal::mm {

bool early_direct_map_covers(PhysicalAddress address, size_t size) {
    return riscv64::mmu::early_direct_map_covers(address, size);
}

}  // namespace hal::mm
