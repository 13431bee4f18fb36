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
    // /memory nodes' reg as kUsable; /reserved-memory children and the
    // header's memory reservation block as kReserved; the blob itself as
    // kFirmwareData and the initrd as kBootArchive.
    MemoryMap memory;
    uint64_t installed_memory = 0;  // sum of all /memory reg sizes, in bytes
    uint32_t cpu_count = 0;         // /cpus/cpu@* nodes whose status is not "disabled"
    const char* bootargs = "";      // /chosen/bootargs, "" if absent
    uint64_t initrd_start = 0;      // /chosen/linux,initrd-{start,end}; 0 if absent
    uint64_t initrd_end = 0;
    PsciConduit psci = PsciConduit::kNone;  // /psci "method"
};

// Fills `platform` from `tree`, whose blob lives at physical address
// `blob_physical_address` (so it can be reserved). Fails on a tree that lacks
// a /memory node or whose reg properties are malformed.
ErrorOr<void> read_platform(const DeviceTree& tree, uint64_t blob_physical_address,
                            Platform& platform);

// The first node compatible with `compatible` that is not disabled: its first
// reg entry, translated by #address-cells/#size-cells of its parent.
DeviceRegion find_compatible(const DeviceTree& tree, const char* compatible);

}  // namespace os::fdt
