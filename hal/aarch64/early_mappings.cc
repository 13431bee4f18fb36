#include "hal/aarch64/early_mappings.h"

#include "hal/aarch64/memory_layout.h"
#include "hal/aarch64/mmu/page_table_format.h"
#include "kernel/debug/print.h"

// The tables boot_mmu.S builds (in .page_tables, so they have image addresses).
extern "C" {
extern uint64_t kernel_root_l0[512];
extern uint64_t boot_identity_l0[512];
extern uint64_t device_window_l3[512];
extern uint64_t boot_direct_map_pool[BOOT_DIRECT_MAP_TABLES][512];
extern uint64_t boot_direct_map_pool_used;
extern uint64_t empty_user_root[512];
extern char __kernel_start[];
extern char __kernel_end[];
}

namespace hal::aarch64 {
namespace {

using u64 = unsigned long long;  // what the %llx conversions take

constexpr uint64_t kGiB = uint64_t{1} << GIB_SHIFT;
constexpr size_t kEntriesPerTable = 512;
constexpr size_t kDeviceWindowPages = DEVICE_WINDOW_SIZE / mm::kPageSize;

// The same as boot_mmu.S's direct-map blocks: read-write, never executable.
constexpr uint64_t kDirectMapBlock = AARCH64_PTE_BLOCK | AARCH64_PTE_LEAF_COMMON |
                                     AARCH64_PTE_ATTR_NORMAL | AARCH64_PTE_UXN | AARCH64_PTE_PXN;
constexpr uint64_t kDevicePage = AARCH64_PTE_PAGE | AARCH64_PTE_LEAF_COMMON |
                                 AARCH64_PTE_ATTR_DEVICE | AARCH64_PTE_UXN | AARCH64_PTE_PXN;

// physical - virtual for every byte of the image; set once, before any use.
constinit uint64_t image_physical_offset = 0;

// Device window pages handed out so far; they are never given back.
constinit size_t device_pages_used = 0;

size_t index_at(mm::VirtualAddress address, unsigned shift) {
    return (address >> shift) % kEntriesPerTable;
}

bool is_table(uint64_t entry) {
    return (entry & AARCH64_PTE_TYPE_MASK) == AARCH64_PTE_TABLE;
}

bool is_block(uint64_t entry) {
    return (entry & AARCH64_PTE_TYPE_MASK) == AARCH64_PTE_BLOCK;
}

// Table entries hold physical addresses; every table the kernel walks lies in
// RAM that the direct map covers (boot tables: the kernel's GiB).
uint64_t* table_at(uint64_t entry) {
    return static_cast<uint64_t*>(mm::physical_to_virtual(entry & AARCH64_PTE_ADDRESS_MASK));
}

// Makes new entries visible to the table walker. No TLB maintenance: they
// replace invalid entries, which TLBs never hold.
void publish_new_entries() {
    asm volatile("dsb ishst\n\tisb" ::: "memory");
}

// The level-1 table of the direct map for `gib`, or nullptr if there is none
// and `create` is false or the pool is exhausted.
uint64_t* direct_map_l1_for(uint64_t gib, bool create) {
    mm::VirtualAddress address = DIRECT_MAP_BASE + gib * kGiB;
    uint64_t& root_entry = kernel_root_l0[index_at(address, 39)];
    if (is_table(root_entry)) return table_at(root_entry);
    if (!create || boot_direct_map_pool_used == BOOT_DIRECT_MAP_TABLES) return nullptr;
    uint64_t* table = boot_direct_map_pool[boot_direct_map_pool_used++];
    root_entry = image_physical_address(table) | AARCH64_PTE_TABLE;
    return table;
}

bool map_direct_gib(uint64_t gib) {
    uint64_t* l1 = direct_map_l1_for(gib, true);
    if (l1 == nullptr) return false;
    uint64_t& entry = l1[index_at(DIRECT_MAP_BASE + gib * kGiB, GIB_SHIFT)];
    // A table there means kernel/mm mapped this GiB in smaller pieces.
    if (entry == 0) entry = (gib * kGiB) | kDirectMapBlock;
    return true;
}

// The index of the first of `count` device window pages that map the
// physical pages from `first_page` on, or kDeviceWindowPages if none do.
size_t find_device_pages(mm::PhysicalAddress first_page, size_t count) {
    for (size_t start = 0; start + count <= device_pages_used; ++start) {
        size_t matching = 0;
        while (matching < count && device_window_l3[start + matching] ==
                                       ((first_page + matching * mm::kPageSize) | kDevicePage)) {
            ++matching;
        }
        if (matching == count) return start;
    }
    return kDeviceWindowPages;
}

}  // namespace

void initialize_early_mappings(mm::PhysicalAddress image_physical_start) {
    image_physical_offset = image_physical_start - reinterpret_cast<uint64_t>(__kernel_start);
}

mm::PhysicalAddress image_physical_address(const void* address) {
    return reinterpret_cast<uint64_t>(address) + image_physical_offset;
}

mm::PhysicalAddress identity_root_table() {
    return image_physical_address(boot_identity_l0);
}

mm::PhysicalAddress empty_user_root_table() {
    return image_physical_address(empty_user_root);
}

void* map_device(mm::PhysicalAddress physical, size_t size) {
    mm::PhysicalAddress first_page = physical & ~(mm::kPageSize - 1);
    if (size == 0 || size > DEVICE_WINDOW_SIZE || physical > AARCH64_PTE_ADDRESS_MASK)
        return nullptr;
    size_t count = (physical - first_page + size + mm::kPageSize - 1) / mm::kPageSize;

    size_t start = find_device_pages(first_page, count);
    if (start == kDeviceWindowPages) {
        if (count > kDeviceWindowPages - device_pages_used) return nullptr;
        start = device_pages_used;
        for (size_t i = 0; i < count; ++i)
            device_window_l3[start + i] = (first_page + i * mm::kPageSize) | kDevicePage;
        device_pages_used += count;
        publish_new_entries();
    }
    return reinterpret_cast<void*>(DEVICE_WINDOW_BASE + start * mm::kPageSize +
                                   (physical - first_page));
}

void extend_direct_map(const os::MemoryMap& map) {
    for (const os::MemoryRange& range : map) {
        if (range.size == 0) continue;
        uint64_t last = range.end() - 1;
        for (uint64_t gib = range.base / kGiB; gib <= last / kGiB; ++gib) {
            if (gib * kGiB >= DIRECT_MAP_SIZE || !map_direct_gib(gib)) {
                kernel::print("aarch64: early direct map does not reach [0x%llx-0x%llx]\n",
                              static_cast<u64>(gib * kGiB), static_cast<u64>(last));
                break;
            }
        }
    }
    publish_new_entries();
}

}  // namespace hal::aarch64

namespace hal::mm {

bool early_direct_map_covers(PhysicalAddress address, size_t size) {
    PhysicalAddress last = address + (size == 0 ? 0 : size - 1);
    if (last < address || last >= DIRECT_MAP_SIZE) return false;
    for (uint64_t gib = address >> GIB_SHIFT; gib <= last >> GIB_SHIFT; ++gib) {
        const uint64_t* l1 = aarch64::direct_map_l1_for(gib, false);
        if (l1 == nullptr ||
            !aarch64::is_block(
                l1[aarch64::index_at(DIRECT_MAP_BASE + (gib << GIB_SHIFT), GIB_SHIFT)]))
            return false;
    }
    return true;
}

}  // namespace hal::mm
