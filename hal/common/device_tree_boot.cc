#include "hal/common/device_tree_boot.h"

#include "hal/common/device_tree_numa.h"
#include "hal/mm.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

extern "C" {
extern char __kernel_start[];
extern char __kernel_end[];
}

namespace hal {
namespace {

using u64 = unsigned long long;  // what the %llx conversions take

// An upper bound for the blob, not its size (that comes from its header):
// Linux uses the same limit; QEMU's virt trees are at most 1 MiB.
constexpr size_t kMaxDeviceTreeSize = 2 * 1024 * 1024;

// Both boot protocols place the blob on an 8-byte boundary; the parser reads
// byte-wise, but a misaligned pointer means the register held no tree.
constexpr uint64_t kDeviceTreeAlignment = 8;

// The blob header's fixed part, and where in it the big-endian totalsize is.
constexpr size_t kDeviceTreeHeaderSize = 40;
constexpr size_t kTotalSizeOffset = 4;

uint32_t read_big_endian_32(const unsigned char* bytes) {
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
           bytes[3];
}

void reserve_kernel_image(const char* architecture, os::MemoryMap& memory) {
    KernelImage image = kernel_image();
    if (memory.reserve(image.start, image.size, os::MemoryKind::kKernel).is_error() ||
        !memory.contains(image.start, image.size, os::MemoryKind::kKernel)) {
        // The kernel is running there: a map that does not show that range as
        // free RAM would hand the kernel's own memory out later.
        kernel::panic("%s: the kernel image [0x%llx-0x%llx) is not free RAM in the memory map",
                      architecture, static_cast<u64>(image.start),
                      static_cast<u64>(image.start + image.size));
    }
}

// The boot archive the loader placed in RAM, or an empty view if there is
// none or /chosen describes one the kernel cannot trust.
os::Bytes find_boot_archive(const char* architecture, const os::fdt::Platform& platform) {
    uint64_t start = platform.initrd_start;
    uint64_t end = platform.initrd_end;
    if (start == end) return {};  // no initrd, or an empty one
    // read_platform() marked the initrd as kBootArchive where it overlaps RAM,
    // so an initrd outside RAM, or overlapping the tree, the kernel or
    // firmware memory, is not one kBootArchive range.
    if (end < start ||
        !platform.memory.contains(start, end - start, os::MemoryKind::kBootArchive)) {
        kernel::print("%s: ignoring the initrd at [0x%llx-0x%llx): not a free RAM range\n",
                      architecture, static_cast<u64>(start), static_cast<u64>(end));
        return {};
    }
    // Through the direct map, which the HAL's early boot makes cover the
    // boot archive before kernel::main reads it.
    return os::Bytes(static_cast<const unsigned char*>(mm::physical_to_virtual(start)),
                     end - start);
}

}  // namespace

KernelImage kernel_image() {
    auto size =
        reinterpret_cast<uintptr_t>(__kernel_end) - reinterpret_cast<uintptr_t>(__kernel_start);
    return {mm::virtual_to_physical(__kernel_start), size};
}

os::fdt::DeviceTree open_device_tree(const char* architecture, uint64_t address) {
    if (address == 0 || address % kDeviceTreeAlignment != 0) {
        kernel::panic("%s: the loader passed no usable device tree (0x%llx)", architecture,
                      static_cast<u64>(address));
    }
    KernelImage image = kernel_image();
    if (address - image.start < image.size) {
        // Boot code zeroed .bss and the stack is in use: the blob is overwritten.
        kernel::panic("%s: the device tree at 0x%llx lies inside the kernel image", architecture,
                      static_cast<u64>(address));
    }
    // Read through the direct map: the HAL's early boot maps the blob there,
    // but only so far. Check the header, then the size it claims.
    if (!mm::early_direct_map_covers(address, kDeviceTreeHeaderSize)) {
        kernel::panic("%s: the device tree at 0x%llx is outside the early direct map", architecture,
                      static_cast<u64>(address));
    }
    auto* blob = static_cast<const unsigned char*>(mm::physical_to_virtual(address));
    size_t total_size = read_big_endian_32(blob + kTotalSizeOffset);
    // A size over the limit is from_blob's to reject (it reads no further).
    if (total_size <= kMaxDeviceTreeSize && !mm::early_direct_map_covers(address, total_size)) {
        kernel::panic("%s: the device tree at 0x%llx extends beyond the early direct map",
                      architecture, static_cast<u64>(address));
    }
    auto tree = os::fdt::DeviceTree::from_blob(
        blob, total_size <= kMaxDeviceTreeSize ? total_size : kDeviceTreeHeaderSize);
    if (tree.is_error()) {
        kernel::panic("%s: device tree at 0x%llx rejected: %s", architecture,
                      static_cast<u64>(address), os::to_string(tree.error()));
    }
    return tree.value();
}

void fill_boot_info_from_device_tree(const char* architecture, const os::fdt::DeviceTree& tree,
                                     uint64_t tree_address, os::fdt::Platform& platform,
                                     BootInfo& boot_info) {
    auto result = os::fdt::read_platform(tree, tree_address, platform);
    if (result.is_error()) {
        kernel::panic("%s: cannot read the machine from the device tree: %s", architecture,
                      os::to_string(result.error()));
    }
    // Known from here on: a panic while reading the rest may power off.
    kernel::configure_panic(os::CommandLine(platform.bootargs));
    reserve_kernel_image(architecture, platform.memory);

    if (platform.cpu_count == 0) {
        // We are running, so there is at least this CPU.
        kernel::print("%s: the device tree lists no enabled CPU; assuming 1\n", architecture);
        platform.cpu_count = 1;
    }
    boot_info.architecture = architecture;
    boot_info.command_line = platform.bootargs != nullptr ? platform.bootargs : "";
    boot_info.cpu_count = platform.cpu_count;
    boot_info.memory_map = platform.memory;
    boot_info.boot_archive = find_boot_archive(architecture, platform);
}

void fill_numa_from_device_tree(const char* architecture, const os::fdt::DeviceTree& tree,
                                uint64_t boot_cpu_id, BootInfo& boot_info) {
    auto result = read_numa_topology(tree, boot_cpu_id, boot_info.numa);
    if (result.is_error()) {
        // The memory works without NUMA information, only less well.
        kernel::print("%s: ignoring the device tree's NUMA description: %s\n", architecture,
                      os::to_string(result.error()));
    }
}

}  // namespace hal
