#include "hal/x86_64/mmu/device_memory.h"

#include "hal/mm.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/mmu/paging.h"

namespace hal::x86_64 {
namespace {

using namespace paging;

constexpr uint64_t kChipsetWindowStart = 0xfe000000;
constexpr uint64_t kChipsetWindowEnd = 0x100000000;
constexpr uint64_t kUncached = X86_64_PTE_DEVICE;

// The leaf entry that maps `virtual_address` in the kernel's tables and its
// size, or nullptr if nothing maps it.
uint64_t* find_leaf(uint64_t virtual_address, uint64_t* leaf_size) {
    uint64_t table = mm::kernel_root_table();
    for (unsigned level = 0; level < 4; ++level) {
        unsigned shift = kLevelShifts[level];
        uint64_t* entry = &table_at(table)[table_index(virtual_address, shift)];
        if (!(*entry & kPresent)) return nullptr;
        if (level == 3 || (level > 0 && (*entry & kLargePage))) {
            *leaf_size = uint64_t{1} << shift;
            return entry;
        }
        table = *entry & kAddressMask;
    }
    return nullptr;
}

}  // namespace

os::ErrorOr<volatile void*> map_device_registers(uint64_t physical_address, uint64_t size) {
    if (size == 0 || physical_address < kChipsetWindowStart ||
        size > kChipsetWindowEnd - physical_address) {
        return os::Error::kUnsupported;
    }
    uint64_t end = physical_address + size;
    for (uint64_t address = physical_address; address < end;) {
        uint64_t virtual_address = kDirectMapBase + address;
        uint64_t leaf_size = 0;
        uint64_t* leaf = find_leaf(virtual_address, &leaf_size);
        if (leaf == nullptr) return os::Error::kNotFound;
        // A 1 GiB leaf would take RAM below the window with it.
        if (leaf_size > mm::kHugePageSize) return os::Error::kUnsupported;
        if ((*leaf & kUncached) != kUncached) {
            *leaf |= kUncached;
            invalidate_page(virtual_address);
        }
        address = (address & ~(leaf_size - 1)) + leaf_size;
    }
    return reinterpret_cast<volatile void*>(kDirectMapBase + physical_address);
}

}  // namespace hal::x86_64
