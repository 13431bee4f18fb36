// What the kernel needs to know from a flattened device tree at boot, read in
// one pass. Architecture-neutral: aarch64 and riscv64 both boot with a DTB.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/memory_map.h"

namespace os::fdt {

struct DeviceRegion {
    uint64_t base = 0;
    uint64_t size = 0;
    bool present = false;
};

enum class PsciConduit : uint8_t { kNone, kHvc, kSmc };

struct Platform {
    // The reg entries of all enabled memory nodes as kUsable; the enabled
    // /reserved-memory children with a reg and the header's memory
    // reservation block as kReserved; the blob itself as kFirmwareData and
    // the initrd as kBootArchive. Reservations only ever cover RAM.
    MemoryMap memory;
    uint64_t installed_memory = 0;  // sum of all memory reg sizes, in bytes
    uint32_t cpu_count = 0;         // enabled /cpus children with device_type "cpu"
    const char* bootargs = "";      // /chosen/bootargs (points into the blob), "" if absent
    uint64_t initrd_start = 0;      // /chosen/linux,initrd-{start,end}; 0 if absent
    uint64_t initrd_end = 0;
    PsciConduit psci = PsciConduit::kNone;  // "method" of the arm,psci* node
};

// Fills `platform` from `tree`, whose blob lives at physical address
// `blob_physical_address` (so it can be reserved). Ranges are added to
// platform.memory, which may already hold ranges of the caller's. Fails with
// kNotFound on a tree without memory, kMalformed on unreadable reg,
// bootargs or initrd properties, kNoSpace if the memory map fills up.
ErrorOr<void> read_platform(const DeviceTree& tree, uint64_t blob_physical_address,
                            Platform& platform);

// The first enabled node compatible with `compatible`: its first reg entry,
// read with its parent's #address-cells/#size-cells and translated into a CPU
// physical address through the `ranges` of the buses above it. Not present if
// there is no such node, it has no reg, or its bus does not map it.
DeviceRegion find_compatible(const DeviceTree& tree, const char* compatible);

// The `interrupts` cells of the first enabled node compatible with
// `compatible`, to be read in the interrupt controller's format. kNotFound
// without such a node or without the property.
ErrorOr<CellReader> find_compatible_interrupts(const DeviceTree& tree, const char* compatible);

}  // namespace os::fdt
