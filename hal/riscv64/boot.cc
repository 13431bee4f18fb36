// From the firmware's hand-off to kernel::main: entry.S turns paging on and
// calls riscv64_boot at the linked (upper-half) address with the boot hart's
// id and the device tree's physical address; hal/common/device_tree_boot
// turns the tree into a hal::BootInfo, and this file adds what is riscv64's
// own (console choice, paging, SBI description).
#include "hal/boot_info.h"
#include "hal/common/device_tree_boot.h"
#include "hal/common/global_constructors.h"
#include "hal/mm.h"
#include "hal/riscv64/boot_platform.h"
#include "hal/riscv64/console_select.h"
#include "hal/riscv64/cycle_counter.h"
#include "hal/riscv64/firmware_description.h"
#include "hal/riscv64/mmu/early_mappings.h"
#include "hal/riscv64/mmu/paging.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal::riscv64 {
namespace {

using u64 = unsigned long long;  // what the %llx conversions take

constexpr char kArchitecture[] = "riscv64";

// The flattened device tree header: magic, then totalsize (big-endian).
constexpr uint64_t kDeviceTreeHeaderSize = 8;
// hal/common reads at most this much of a tree; mapping more is pointless.
constexpr uint64_t kMaxDeviceTreeSize = 2 * 1024 * 1024;

// Too large for the boot stack; filled once, by the boot hart.
constinit os::fdt::Platform platform;
constinit hal::BootInfo boot_info;
// Kept for boot_platform.h.
constinit os::fdt::DeviceTree device_tree;
constinit uint64_t boot_hart = 0;

// Moves the console to the UART the tree names. Until now it has been the
// virt board's fixed address, which may not exist on another machine.
void select_console(const os::fdt::DeviceTree& tree) {
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "ns16550a");
    if (uart.present && uart.base != 0) {
        console_use_uart(uart.base, uart.size);
    } else {
        console_use_firmware();
        kernel::print("riscv64: no ns16550a in the device tree; using the SBI console\n");
    }
}

// entry.S put the GiB holding the tree's first byte into the direct map;
// a tree that runs into the next GiB needs that one too.
void map_device_tree(uint64_t address) {
    if (!mmu::early_direct_map_covers(address, kDeviceTreeHeaderSize)) {
        kernel::panic("riscv64: the device tree at 0x%llx lies outside the boot direct map",
                      static_cast<u64>(address));
    }
    const auto* header = static_cast<const uint8_t*>(hal::mm::physical_to_virtual(address));
    uint64_t total_size = uint64_t{header[4]} << 24 | uint64_t{header[5]} << 16 |
                          uint64_t{header[6]} << 8 | header[7];
    if (total_size > kMaxDeviceTreeSize)
        total_size = kMaxDeviceTreeSize;  // open_device_tree() judges the header
    if (!mmu::extend_early_direct_map(address, total_size)) {
        kernel::panic("riscv64: the device tree at 0x%llx does not fit the boot direct map",
                      static_cast<u64>(address));
    }
}

// The boot archive must be reachable before kernel/mm maps all of RAM
// (hal/mm.h); the loader may have put it in any GiB.
void map_boot_archive() {
    if (platform.initrd_end <= platform.initrd_start || boot_info.boot_archive.size() == 0) return;
    uint64_t size = platform.initrd_end - platform.initrd_start;
    if (!mmu::extend_early_direct_map(platform.initrd_start, size)) {
        kernel::print("riscv64: ignoring the initrd at 0x%llx: beyond the boot direct map\n",
                      static_cast<u64>(platform.initrd_start));
        boot_info.boot_archive = {};
    }
}

// RAM the direct map cannot reach is of no use to the kernel: keep it out of
// the allocators.
void reserve_unreachable_memory() {
    uint64_t limit = mmu::direct_map_size();
    const os::MemoryMap& memory = boot_info.memory_map;
    for (size_t i = 0; i < memory.size(); ++i) {
        const os::MemoryRange& range = memory[i];
        if (range.kind != os::MemoryKind::kUsable || range.base + range.size <= limit) continue;
        uint64_t start = range.base > limit ? range.base : limit;
        kernel::print("riscv64: RAM [0x%llx-0x%llx) lies beyond the direct map; not used\n",
                      static_cast<u64>(start), static_cast<u64>(range.base + range.size));
        (void)boot_info.memory_map.reserve(start, range.base + range.size - start,
                                           os::MemoryKind::kReserved);
    }
}

}  // namespace

const os::fdt::DeviceTree& boot_device_tree() {
    return device_tree;
}

uint64_t boot_hart_id() {
    return boot_hart;
}

extern "C" [[noreturn]] void riscv64_boot(uint64_t hart_id, uint64_t device_tree_address) {
    // Paging is on; nothing but the kernel's GiB, the device tree's GiB and
    // the (empty) fixmap is mapped. Until the UART is mapped, output goes
    // through the SBI.
    mmu::initialize_paging();
    console_use_uart(kVirtUartAddress, kVirtUartSize);
    probe_cycle_counter();
    run_global_constructors();

    map_device_tree(device_tree_address);
    os::fdt::DeviceTree tree = open_device_tree(kArchitecture, device_tree_address);
    device_tree = tree;
    boot_hart = hart_id;
    select_console(tree);
    fill_boot_info_from_device_tree(kArchitecture, tree, device_tree_address, platform, boot_info);
    // A hart's id is its reg in /cpus.
    fill_numa_from_device_tree(kArchitecture, tree, hart_id, boot_info);
    map_boot_archive();
    reserve_unreachable_memory();

    kernel::print("riscv64: booting on hart %llu\n", static_cast<u64>(hart_id));
    kernel::print("riscv64: paging %s (%u levels), %u ASIDs, kernel at 0x%llx loaded at 0x%llx\n",
                  mmu::paging_mode_name(), mmu::page_table_levels(), hal::mm::asid_count(),
                  static_cast<u64>(mmu::kernel_virtual_start()),
                  static_cast<u64>(mmu::kernel_physical_start()));
    kernel::print("riscv64: cycle counter: %s\n", cycle_counter_source());
    boot_info.boot_protocol = describe_firmware();
    kernel::main(boot_info);
}

}  // namespace hal::riscv64
