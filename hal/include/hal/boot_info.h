// What the architecture's boot code hands to the generic kernel.
//
// Each hal/<arch> starts in its own assembly entry point, sets up a stack, an
// exception vector and the early console, reads the firmware's description of
// the machine (multiboot + ACPI on x86_64, the device tree elsewhere), fills
// a BootInfo and calls kernel::main(). Everything the generic kernel knows
// about the machine at boot arrives through this struct.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/lib/memory_map.h"
#include "kernel/lib/span.h"

namespace hal {

// Which NUMA node a physical range belongs to (ACPI SRAT on x86_64, the
// device tree's numa-node-id on aarch64 and riscv64).
struct MemoryAffinity {
    uint64_t base = 0;
    uint64_t size = 0;
    uint32_t node = 0;
};

// The machine's NUMA topology as firmware describes it. A machine without
// any description is one node (0) holding all memory and every CPU.
struct NumaTopology {
    static constexpr size_t kMaxNodes = 16;
    static constexpr size_t kMaxRanges = 64;

    uint32_t node_count = 1;
    uint32_t boot_cpu_node = 0;  // the node of the CPU that runs kernel::main
    // The node of each CPU by index (hal::current_cpu_index(), as the HAL's
    // interrupt code numbers CPUs); 0 for CPUs firmware gives none.
    // cpu_nodes[0] is boot_cpu_node.
    uint8_t cpu_nodes[kMaxCpus] = {};
    MemoryAffinity ranges[kMaxRanges];
    size_t range_count = 0;  // RAM outside every range belongs to node 0

    uint32_t node_of_cpu(uint32_t cpu) const { return cpu < kMaxCpus ? cpu_nodes[cpu] : 0; }

    // The node of physical address `address` (0 if no range covers it).
    uint32_t node_of(uint64_t address) const {
        for (size_t i = 0; i < range_count; ++i) {
            if (address >= ranges[i].base && address - ranges[i].base < ranges[i].size) {
                return ranges[i].node;
            }
        }
        return 0;
    }
};

struct BootInfo {
    const char* architecture = "";   // "x86_64", "aarch64", "riscv64"
    const char* boot_protocol = "";  // how we were loaded, e.g. "multiboot (GRUB 2.06)"
    const char* command_line = "";   // never null; empty if the loader gave none
    uint32_t cpu_count = 0;          // CPUs the firmware describes (enabled ones)

    // Physical memory as reported by firmware, with the kernel image, boot
    // archive and firmware data the HAL found already marked as reserved.
    os::MemoryMap memory_map;

    // NUMA nodes of the memory in memory_map and of the boot CPU.
    NumaTopology numa;

    // The boot archive (cpio "newc") as mapped in the kernel's address space;
    // empty if the loader passed none.
    os::Bytes boot_archive;
};

}  // namespace hal

namespace kernel {

// The generic kernel's entry point, called once by the boot CPU.
[[noreturn]] void main(const hal::BootInfo& boot_info);

}  // namespace kernel
