// hal/mm.h on x86_64, the static part: the address-space layout, the direct
// map, the kernel's root table and segments, and the boot mappings.
#include "hal/x86_64/mmu/kernel_mappings.h"

#include "hal/mm.h"
#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/mmu/paging.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/utility.h"

// boot/boot.S
extern "C" uint64_t x86_64_boot_pml4[];
extern "C" uint64_t x86_64_boot_kernel_page_directory[];
// linker.ld
extern "C" const char __kernel_start[], __kernel_end[];
extern "C" const char __text_start[], __text_end[];
extern "C" const char __rodata_start[], __rodata_end[];
extern "C" const char __data_start[], __data_end[];
extern "C" const char __bss_start[], __bss_end[];

namespace hal::x86_64 {
namespace {

using namespace paging;

constexpr uint64_t kTwoMiB = uint64_t{1} << 21;
// The kernel window's page-directory-pointer entry (boot.S: PML4[511] -> PDPT[510]).
constexpr size_t kKernelWindowPdptIndex = 510;
constexpr size_t kDirectMapRootIndex = kFirstKernelRootEntry;  // PML4[256]
constexpr size_t kEarlyDirectMapDirectories = kEarlyDirectMapSize >> 30;

uint64_t* kernel_root() {
    return table_at(mm::kernel_root_table());
}

// The size of the leaf that maps `virtual_address` in the kernel's tables,
// or 0 if nothing maps it.
uint64_t mapped_leaf_size(uint64_t virtual_address) {
    uint64_t table = mm::kernel_root_table();
    for (unsigned level = 0; level < 4; ++level) {
        unsigned shift = kLevelShifts[level];
        uint64_t entry = table_at(table)[table_index(virtual_address, shift)];
        if (!(entry & kPresent)) return 0;
        bool leaf = level == 3 || (level > 0 && (entry & kLargePage));
        if (leaf) return uint64_t{1} << shift;
        table = entry & kAddressMask;
    }
    return 0;
}

bool in_image(const void* address) {
    return address >= __kernel_start && address < __kernel_end;
}

}  // namespace

const void* direct_map(uint64_t physical_address, uint64_t size) {
    if (physical_address > kDirectMapMaxSize || size > kDirectMapMaxSize - physical_address) {
        return nullptr;
    }
    // Leaf by leaf: 2 MiB or 1 GiB steps over the boot map and kernel/mm's.
    uint64_t end = physical_address + size;
    for (uint64_t address = physical_address; address < end;) {
        uint64_t leaf = mapped_leaf_size(kDirectMapBase + address);
        if (leaf == 0) return nullptr;
        address = os::align_down(address, leaf) + leaf;
    }
    return reinterpret_cast<const void*>(kDirectMapBase + physical_address);
}

void harden_boot_mappings() {
    uint64_t* root = kernel_root();
    uint64_t* direct_map_pdpt = table_at(root[kDirectMapRootIndex] & kAddressMask);
    for (size_t directory = 0; directory < kEarlyDirectMapDirectories; ++directory) {
        uint64_t* entries = table_at(direct_map_pdpt[directory] & kAddressMask);
        for (size_t index = 0; index < kEntriesPerTable; ++index) {
            entries[index] |= kGlobal | kNoExecute;
        }
    }
    // The image runs from here: global, but executable until kernel/mm maps
    // it segment by segment.
    for (size_t index = 0; index < kEntriesPerTable; ++index) {
        x86_64_boot_kernel_page_directory[index] |= kGlobal;
    }
    mm::flush_all();
}

}  // namespace hal::x86_64

namespace hal::mm {

using namespace x86_64::paging;

VirtualAddress user_space_end() {
    return x86_64::kUserSpaceEnd;
}

VirtualAddress kernel_space_base() {
    return x86_64::kDirectMapBase;
}

void* physical_to_virtual(PhysicalAddress address) {
    return reinterpret_cast<void*>(x86_64::kDirectMapBase + address);
}

PhysicalAddress virtual_to_physical(const void* address) {
    auto virtual_address = reinterpret_cast<VirtualAddress>(address);
    if (virtual_address - x86_64::kDirectMapBase < x86_64::kDirectMapMaxSize) {
        return virtual_address - x86_64::kDirectMapBase;
    }
    if (x86_64::in_image(address)) return x86_64::kernel_physical_address(address);
    return 0;
}

bool early_direct_map_covers(PhysicalAddress address, size_t size) {
    return address <= x86_64::kEarlyDirectMapSize && size <= x86_64::kEarlyDirectMapSize - address;
}

PhysicalAddress kernel_root_table() {
    return x86_64::kernel_physical_address(x86_64_boot_pml4);
}

void initialize_user_root(PhysicalAddress root) {
    KERNEL_ASSERT(root % kPageSize == 0 && root != kernel_root_table());
    const uint64_t* kernel = table_at(kernel_root_table());
    uint64_t* user = table_at(root);
    for (size_t index = kFirstKernelRootEntry; index < kEntriesPerTable; ++index) {
        user[index] = kernel[index];
    }
}

size_t kernel_segments(KernelSegment* segments, size_t capacity) {
    struct Bounds {
        const char* start;
        const char* end;
        bool writable;
        bool executable;
        const char* name;
    };
    const Bounds all[] = {
        {__text_start, __text_end, false, true, "text"},
        {__rodata_start, __rodata_end, false, false, "rodata"},
        {__data_start, __data_end, true, false, "data"},
        {__bss_start, __bss_end, true, false, "bss"},
    };
    size_t count = 0;
    for (const Bounds& bounds : all) {
        if (bounds.start == bounds.end) continue;  // e.g. no initialized data at all
        if (count < capacity) {
            segments[count] = {
                .start = reinterpret_cast<VirtualAddress>(bounds.start),
                .end = reinterpret_cast<VirtualAddress>(bounds.end),
                .physical_start = x86_64::kernel_physical_address(bounds.start),
                .writable = bounds.writable,
                .executable = bounds.executable,
                .name = bounds.name,
            };
        }
        ++count;
    }
    return count;
}

void finish_early_mappings() {
    // The identity map: boot.S cleared its root entry already; the kernel's
    // root maps nothing in the lower half.
    uint64_t* root = table_at(kernel_root_table());
    for (size_t index = 0; index < kFirstKernelRootEntry; ++index)
        root[index] = 0;

    // The kernel window mapped physical 0-1 GiB read/write/execute. If it
    // still uses boot.S's directory, keep only the 2 MiB pages that hold the
    // image: the rest is an executable alias of RAM that nothing needs.
    // (A window kernel/mm has rebuilt on its own tables is left alone.)
    uint64_t* kernel_pdpt = table_at(root[kEntriesPerTable - 1] & kAddressMask);
    uint64_t boot_directory = x86_64::kernel_physical_address(x86_64_boot_kernel_page_directory);
    if ((kernel_pdpt[x86_64::kKernelWindowPdptIndex] & kAddressMask) == boot_directory) {
        uint64_t first = x86_64::kernel_physical_address(__kernel_start) / x86_64::kTwoMiB;
        uint64_t last = (x86_64::kernel_physical_address(__kernel_end) - 1) / x86_64::kTwoMiB;
        for (size_t index = 0; index < kEntriesPerTable; ++index) {
            if (index < first || index > last) x86_64_boot_kernel_page_directory[index] = 0;
        }
    }
    flush_all();
}

}  // namespace hal::mm
