// From the firmware's hand-off to kernel::main: entry.S calls riscv64_boot
// with the boot hart's id and the device tree, and this file turns the tree
// into a hal::BootInfo.
//
// The device tree is input from outside the kernel: every field taken from it
// is checked before the kernel relies on it, and a tree the kernel cannot use
// ends in a panic that says why.
#include "hal/boot_info.h"
#include "hal/riscv64/console_select.h"
#include "hal/riscv64/firmware_description.h"
#include "hal/riscv64/kernel_image.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/lib/fdt/platform.h"

namespace hal::riscv64 {
namespace {

// An upper bound for the blob, not its size (that comes from its header):
// QEMU's virt trees are a few KiB, real boards' well below 1 MiB.
constexpr size_t kMaxDeviceTreeSize = 2 * 1024 * 1024;

// The flattened device tree format requires 8-byte alignment.
constexpr uint64_t kDeviceTreeAlignment = 8;

using Constructor = void (*)();
extern "C" Constructor __init_array_start[];
extern "C" Constructor __init_array_end[];

void run_global_constructors() {
    for (Constructor* constructor = __init_array_start; constructor < __init_array_end;
         ++constructor) {
        (*constructor)();
    }
}

// Too large for the boot stack; filled once, by the boot hart.
constinit os::fdt::Platform platform;
constinit hal::BootInfo boot_info;

// True if [base, base + size) lies within a single range of `kind`. Ranges of
// one kind that touch are merged (memory_map.h), so one range suffices.
bool lies_in_range_of_kind(const os::MemoryMap& map, uint64_t base, uint64_t size,
                           os::MemoryKind kind) {
    for (const os::MemoryRange& range : map) {
        bool starts_inside = range.base <= base && base < range.end();
        if (range.kind == kind && starts_inside && size <= range.end() - base)
            return true;
    }
    return false;
}

// The boot archive QEMU's -initrd placed in RAM, or an empty view if there is
// none or /chosen describes one the kernel cannot trust.
os::Bytes find_boot_archive() {
    uint64_t start = platform.initrd_start;
    uint64_t end = platform.initrd_end;
    if (start == end)
        return {};  // no initrd, or an empty one
    // read_platform() marked the initrd as kBootArchive where it overlaps RAM,
    // so an initrd outside RAM, or overlapping the tree or firmware memory,
    // is not one kBootArchive range.
    if (end <= start ||
        !lies_in_range_of_kind(platform.memory, start, end - start, os::MemoryKind::kBootArchive)) {
        kernel::print("riscv64: ignoring the initrd at [0x%llx-0x%llx): not a free RAM range\n",
                      static_cast<unsigned long long>(start), static_cast<unsigned long long>(end));
        return {};
    }
    return os::Bytes(reinterpret_cast<const unsigned char*>(start), end - start);
}

void reserve_kernel_image() {
    uint64_t start = kernel_image_start();
    uint64_t size = kernel_image_size();
    if (platform.memory.reserve(start, size, os::MemoryKind::kKernel).is_error() ||
        !lies_in_range_of_kind(platform.memory, start, size, os::MemoryKind::kKernel)) {
        // The kernel is running there: a map that does not show that range as
        // free RAM would hand the kernel's own memory out later.
        kernel::panic("riscv64: the kernel image [0x%llx-0x%llx) is not free RAM in the memory map",
                      static_cast<unsigned long long>(start),
                      static_cast<unsigned long long>(start + size));
    }
}

// Moves the console to the UART the tree names. Until now it has been the
// virt board's fixed address, which may not exist on another machine.
void select_console(const os::fdt::DeviceTree& tree) {
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "ns16550a");
    if (uart.present && uart.base != 0) {
        console_use_uart(uart.base);
    } else {
        console_use_firmware();
        kernel::print("riscv64: no ns16550a in the device tree; using the SBI console\n");
    }
}

}  // namespace

extern "C" [[noreturn]] void riscv64_boot(uint64_t hart_id, uint64_t device_tree_address) {
    run_global_constructors();

    if (device_tree_address == 0 || device_tree_address % kDeviceTreeAlignment != 0) {
        kernel::panic("riscv64: hart %llu was given no usable device tree (a1 = 0x%llx)",
                      static_cast<unsigned long long>(hart_id),
                      static_cast<unsigned long long>(device_tree_address));
    }
    auto tree = os::fdt::DeviceTree::from_blob(reinterpret_cast<const void*>(device_tree_address),
                                               kMaxDeviceTreeSize);
    if (tree.is_error()) {
        kernel::panic("riscv64: device tree at 0x%llx rejected: %s",
                      static_cast<unsigned long long>(device_tree_address),
                      os::to_string(tree.error()));
    }
    select_console(tree.value());

    auto result = os::fdt::read_platform(tree.value(), device_tree_address, platform);
    if (result.is_error()) {
        kernel::panic("riscv64: cannot read the machine from the device tree: %s",
                      os::to_string(result.error()));
    }
    reserve_kernel_image();

    if (platform.cpu_count == 0) {
        // We are running, so there is at least this hart.
        kernel::print("riscv64: the device tree lists no enabled CPU; assuming 1\n");
        platform.cpu_count = 1;
    }

    boot_info.architecture = "riscv64";
    boot_info.boot_protocol = describe_firmware();
    boot_info.command_line = platform.bootargs != nullptr ? platform.bootargs : "";
    boot_info.cpu_count = platform.cpu_count;
    boot_info.memory_map = platform.memory;
    boot_info.boot_archive = find_boot_archive();
    kernel::main(boot_info);
}

}  // namespace hal::riscv64
