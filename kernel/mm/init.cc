#include "kernel/mm/init.h"

#include "hal/mm.h"
#include "kernel/debug/print.h"
#include "kernel/lib/command_line.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/heap/physical_page_source.h"
#include "kernel/mm/physical/boot_allocator.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/asid_allocator.h"
#include "kernel/mm/vm/kernel_vm.h"
#include "kernel/mm/vm/page_table.h"
#include "kernel/mm/vm/vm_environment.h"

namespace kernel::mm {
namespace {

// Page tables for step 2 and 3, before the buddy allocator exists. Tables
// are never freed while booting (the kernel half keeps its tables), so a
// free here would be a bug in the walker.
class BootTableSource final : public TablePageSource {
public:
    explicit BootTableSource(BootAllocator& allocator) : allocator_(allocator) {}
    os::ErrorOr<PhysicalAddress> allocate_table() override { return allocator_.allocate(); }
    void free_table(PhysicalAddress table) override {
        print("mm: boot page table 0x%llx freed while booting; kept\n",
              static_cast<unsigned long long>(table));
    }

private:
    BootAllocator& allocator_;
};

// RAM that belongs in the direct map: everything but what the firmware
// reserved (which may be MMIO or may not exist) and defective memory.
bool is_ram(os::MemoryKind kind) {
    return kind != os::MemoryKind::kReserved && kind != os::MemoryKind::kDefective;
}

constexpr MappingAttributes kDirectMapAttributes{
    .writable = true, .executable = false, .user = false, .global = true};

uint64_t align_down(uint64_t value, uint64_t alignment) {
    return value & ~(alignment - 1);
}

uint64_t align_up(uint64_t value, uint64_t alignment) {
    return (value + alignment - 1) & ~(alignment - 1);
}

// Maps [base, end) into the direct map with the largest pages that fit,
// leaving whatever the HAL already mapped (its early direct map) as it is.
os::ErrorOr<void> map_direct(PageTable& table, PhysicalAddress base, PhysicalAddress end) {
    static constexpr PageSize kSizes[] = {PageSize::k1GiB, PageSize::k2MiB, PageSize::k4KiB};
    PhysicalAddress address = base;
    while (address < end) {
        auto virtual_address =
            reinterpret_cast<VirtualAddress>(hal::mm::physical_to_virtual(address));
        if (virtual_address == 0) return os::Error::kOutOfRange;  // past the direct map's span
        PageTable::Translation existing;
        if (table.query(virtual_address, &existing)) {
            address = align_down(address, page_size_bytes(existing.size)) +
                      page_size_bytes(existing.size);
            continue;
        }
        bool mapped = false;
        for (PageSize size : kSizes) {
            uint64_t bytes = page_size_bytes(size);
            if (address % bytes != 0 || end - address < bytes) continue;
            auto result = table.map(virtual_address, address, size, kDirectMapAttributes);
            if (!result.is_error()) {
                address += bytes;
                mapped = true;
                break;
            }
            // Something (a boot leaf, a table) already sits in this range,
            // or the CPU lacks the page size: try a smaller page.
            if (result.error() != os::Error::kAlreadyExists &&
                result.error() != os::Error::kUnsupported) {
                return result.error();
            }
        }
        if (!mapped) return os::Error::kAlreadyExists;  // a 4 KiB page cannot collide
    }
    return {};
}

os::ErrorOr<void> map_all_ram(PageTable& table, const os::MemoryMap& map) {
    for (const os::MemoryRange& range : map) {
        if (!is_ram(range.kind)) continue;
        PhysicalAddress base = align_up(range.base, hal::mm::kPageSize);
        PhysicalAddress end = align_down(range.end(), hal::mm::kPageSize);
        if (base == 0) base = hal::mm::kPageSize;  // page 0 stays unmapped: null stays null
        if (base >= end) continue;
        TRY(map_direct(table, base, end));
    }
    return {};
}

// W^X for the kernel image: each segment gets exactly the access it needs.
os::ErrorOr<void> protect_kernel_image(PageTable& table) {
    hal::mm::KernelSegment segments[8];
    size_t count = hal::mm::kernel_segments(segments, 8);
    if (count > 8) count = 8;
    for (size_t i = 0; i < count; ++i) {
        const hal::mm::KernelSegment& segment = segments[i];
        MappingAttributes attributes{.writable = segment.writable,
                                     .executable = segment.executable,
                                     .user = false,
                                     .global = true};
        TRY(table.protect(segment.start, segment.end - segment.start, attributes));
    }
    return {};
}

hal::NumaTopology numa_topology;
os::MemoryMap memory_map;  // boot_memory_map()

// The CPU's ASIDs, or fewer with `asids=<n>` (n >= 1) on the command line:
// tests run address spaces beyond them as ASID 0 (asid_allocator.h).
uint32_t usable_asids(const os::CommandLine& command_line) {
    uint32_t count = hal::mm::asid_count();
    char text[24];
    uint64_t wanted = 0;
    if (!command_line.value("asids", text, sizeof(text))) return count;
    if (!os::parse_decimal(text, &wanted) || wanted == 0) {
        print("mm: ignoring asids=%s (1 or more)\n", text);
        return count;
    }
    return wanted < count ? static_cast<uint32_t>(wanted) : count;
}

}  // namespace

os::ErrorOr<void> initialize(const hal::BootInfo& boot_info) {
    BootAllocator boot_allocator(boot_info.memory_map);
    {
        BootTableSource boot_tables(boot_allocator);
        PageTable kernel_table(hal::mm::kernel_root_table(), boot_tables);
        TRY(map_all_ram(kernel_table, boot_info.memory_map));
        TRY(protect_kernel_image(kernel_table));
        hal::mm::flush_all();
    }
    hal::mm::finish_early_mappings();

    PhysicalMemory& frames = physical_memory();
    TRY(frames.initialize(boot_info.memory_map, boot_info.numa, boot_allocator.hand_over()));
    // Every CPU's page list draws from its own node (firmware's per-CPU
    // affinity; the boot CPU, index 0, is boot_cpu_node).
    for (uint32_t cpu = 0; cpu < hal::kMaxCpus; ++cpu)
        frames.set_cpu_node(cpu, boot_info.numa.node_of_cpu(cpu));
    frames.set_cpu_node(hal::current_cpu_index(), boot_info.numa.boot_cpu_node);

    numa_topology = boot_info.numa;
    memory_map = boot_info.memory_map;
    static PhysicalPageSource page_source(frames);
    TRY(initialize_kernel_heap(page_source));
    TRY(initialize_kernel_vm(frames, kernel_heap(),
                             usable_asids(os::CommandLine(boot_info.command_line))));
    return {};
}

const hal::NumaTopology& boot_numa_topology() {
    return numa_topology;
}

const os::MemoryMap& boot_memory_map() {
    return memory_map;
}

void report_free_memory() {
    char asid_text[24] = "no ASIDs";
    const AsidAllocator& asids = *vm_environment().asids;
    if (asids.has_asids()) os::format(asid_text, sizeof(asid_text), "%u ASIDs", asids.count());
    print("mm: %u-level page tables, %s, user space below 0x%llx, direct map at 0x%llx\n",
          hal::PageTableFormat::levels(), asid_text,
          static_cast<unsigned long long>(hal::mm::user_space_end()),
          static_cast<unsigned long long>(
              reinterpret_cast<uintptr_t>(hal::mm::physical_to_virtual(0))));
    physical_memory().print_statistics();
}

void report_statistics() {
    physical_memory().print_statistics(/*per_order=*/true);
    kernel_heap().print_statistics();
}

}  // namespace kernel::mm
