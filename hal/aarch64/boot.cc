// From the loader's hand-off to kernel::main: boot.S calls aarch64_boot_main
// with the device tree, and this file turns the tree into a hal::BootInfo.
//
// The device tree is input from outside the kernel: every field taken from it
// is checked before the kernel relies on it, and a tree the kernel cannot use
// ends in a panic that says why.
#include "hal/boot_info.h"

#include "hal/aarch64/kernel_image.h"
#include "hal/aarch64/pl011.h"
#include "hal/aarch64/psci.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/lib/fdt/platform.h"
#include "kernel/lib/format.h"

namespace hal::aarch64 {
namespace {

using u64 = unsigned long long;  // what the %llx conversions take

// An upper bound for the blob, not its size (that comes from its header):
// Linux uses the same limit; QEMU's virt trees are 1 MiB with padding.
constexpr size_t kMaxDeviceTreeSize = 2 * 1024 * 1024;

// The arm64 boot protocol places the blob on an 8-byte boundary; the parser
// reads byte-wise, but a misaligned pointer means x0 is not a device tree.
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

// Too large for the boot stack, and kernel::main keeps a reference to
// boot_info for good. Filled once, by the boot CPU.
constinit os::fdt::Platform platform;
constinit hal::BootInfo boot_info;
char boot_protocol[80];

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

// The device tree the loader passed in x0, validated; panics if there is none
// the kernel can use, since without it the kernel knows no memory.
os::fdt::DeviceTree open_device_tree(uint64_t address) {
    if (address == 0 || address % kDeviceTreeAlignment != 0) {
        kernel::panic("aarch64: the loader passed no usable device tree (x0 = 0x%llx)",
                      static_cast<u64>(address));
    }
    if (address - kernel_image_start() < kernel_image_size()) {
        // boot.S zeroed .bss and the stack is in use: the blob is overwritten.
        kernel::panic(
            "aarch64: the device tree at 0x%llx lies inside the kernel image; the "
            "loader ignored the Image header's image_size",
            static_cast<u64>(address));
    }
    auto tree =
        os::fdt::DeviceTree::from_blob(reinterpret_cast<const void*>(address), kMaxDeviceTreeSize);
    if (tree.is_error()) {
        kernel::panic("aarch64: device tree at 0x%llx rejected: %s", static_cast<u64>(address),
                      os::to_string(tree.error()));
    }
    return tree.value();
}

// Moves the console to the PL011 the tree names. Until now it has been the
// virt board's fixed address, which may not exist on another machine.
void select_console(const os::fdt::DeviceTree& tree) {
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "arm,pl011");
    if (!uart.present || uart.base == 0 || uart.size < PL011_REGISTERS_USED) {
        kernel::print("aarch64: no usable arm,pl011 in the device tree; keeping 0x%x\n",
                      PL011_FALLBACK_BASE);
        return;
    }
    use_pl011_at(uart.base);
}

void reserve_kernel_image() {
    uint64_t start = kernel_image_start();
    uint64_t size = kernel_image_size();
    if (platform.memory.reserve(start, size, os::MemoryKind::kKernel).is_error() ||
        !lies_in_range_of_kind(platform.memory, start, size, os::MemoryKind::kKernel)) {
        // The kernel is running there: a map that does not show that range as
        // free RAM would hand the kernel's own memory out later.
        kernel::panic("aarch64: the kernel image [0x%llx-0x%llx) is not free RAM in the memory map",
                      static_cast<u64>(start), static_cast<u64>(start + size));
    }
}

// The boot archive QEMU's -initrd placed in RAM, or an empty view if there is
// none or /chosen describes one the kernel cannot trust.
os::Bytes find_boot_archive() {
    uint64_t start = platform.initrd_start;
    uint64_t end = platform.initrd_end;
    if (start == end)
        return {};  // no initrd, or an empty one
    // read_platform() marked the initrd as kBootArchive where it overlaps RAM,
    // so an initrd outside RAM, or overlapping the tree, the kernel or
    // firmware memory, is not one kBootArchive range.
    if (end < start ||
        !lies_in_range_of_kind(platform.memory, start, end - start, os::MemoryKind::kBootArchive)) {
        kernel::print("aarch64: ignoring the initrd at [0x%llx-0x%llx): not a free RAM range\n",
                      static_cast<u64>(start), static_cast<u64>(end));
        return {};
    }
    return os::Bytes(reinterpret_cast<const unsigned char*>(start), end - start);
}

}  // namespace

// Called by boot.S on the boot CPU at EL1, MMU off, interrupts masked, with
// .bss zeroed and VBAR_EL1 set. `entry_level` is the EL the loader entered
// the kernel at (2 if boot.S left EL2).
extern "C" [[noreturn]] void aarch64_boot_main(uint64_t device_tree_address, uint64_t entry_level) {
    run_global_constructors();

    os::fdt::DeviceTree tree = open_device_tree(device_tree_address);
    select_console(tree);

    auto result = os::fdt::read_platform(tree, device_tree_address, platform);
    if (result.is_error()) {
        kernel::panic("aarch64: cannot read the machine from the device tree: %s",
                      os::to_string(result.error()));
    }
    set_psci_conduit(platform.psci);
    reserve_kernel_image();

    if (platform.cpu_count == 0) {
        // We are running, so there is at least this CPU.
        kernel::print("aarch64: the device tree lists no enabled CPU; assuming 1\n");
        platform.cpu_count = 1;
    }

    os::format(boot_protocol, sizeof(boot_protocol),
               "Linux arm64 boot protocol (device tree, entered at EL%llu)",
               static_cast<u64>(entry_level));
    boot_info.architecture = "aarch64";
    boot_info.boot_protocol = boot_protocol;
    boot_info.command_line = platform.bootargs != nullptr ? platform.bootargs : "";
    boot_info.cpu_count = platform.cpu_count;
    boot_info.memory_map = platform.memory;
    boot_info.boot_archive = find_boot_archive();
    kernel::main(boot_info);
}

}  // namespace hal::aarch64
