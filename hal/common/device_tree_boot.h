// The architecture-neutral half of booting from a flattened device tree
// (aarch64 and riscv64): validate the blob the loader passed, read the
// machine from it and fill hal::BootInfo.
//
// The device tree is input from outside the kernel: every field taken from it
// is checked before the kernel relies on it, and a tree the kernel cannot use
// ends in a panic that says why.
#pragma once

#include <stdint.h>

#include "hal/boot_info.h"
#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/fdt/platform.h"

namespace hal {

// Where the kernel runs in physical memory: from the first byte of the image
// to the end of .bss and the boot stacks (linker.ld's __kernel_start and
// __kernel_end on the device-tree architectures, translated with
// hal::mm::virtual_to_physical).
struct KernelImage {
    uint64_t start = 0;
    uint64_t size = 0;
};

KernelImage kernel_image();

// The validated tree at physical `address`, read through the direct map
// (hal::mm::physical_to_virtual), which the HAL's early boot must make cover
// it; panics if the loader passed none the kernel can use, since without it
// the kernel knows no memory.
os::fdt::DeviceTree open_device_tree(const char* architecture, uint64_t address);

// Reads the machine from `tree` into `platform` (kept by the caller: the
// boot info refers to it), reserves the kernel image, and fills `boot_info`.
// boot_info.boot_archive points into the direct map; the HAL makes the
// direct map cover it before kernel::main reads it.
void fill_boot_info_from_device_tree(const char* architecture, const os::fdt::DeviceTree& tree,
                                     uint64_t tree_address, os::fdt::Platform& platform,
                                     BootInfo& boot_info);

// Fills boot_info.numa from the tree's numa-node-id properties (see
// device_tree_numa.h); `boot_cpu_id` is the boot CPU's reg in /cpus (MPIDR
// affinity on aarch64, hart id on riscv64). A description the kernel cannot
// use is reported and replaced by the single-node default.
void fill_numa_from_device_tree(const char* architecture, const os::fdt::DeviceTree& tree,
                                uint64_t boot_cpu_id, BootInfo& boot_info);

}  // namespace hal
