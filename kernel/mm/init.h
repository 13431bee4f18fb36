// Memory management bring-up, once, on the boot CPU, before anything
// allocates:
//   1. page tables for the rest of the direct map come from a bump
//      allocator over the RAM the HAL's early mapping reaches;
//   2. the direct map grows to cover all RAM (largest pages that fit);
//   3. the kernel image gets W^X permissions per segment (text R+X,
//      rodata R, data R+W) — huge boot leaves are split as needed;
//   4. the HAL drops its boot-only mappings (identity map);
//   5. the buddy allocator takes over all usable RAM (the bump allocator's
//      pages become ordinary allocated frames), then the heap (slab caches,
//      kmalloc) and the VM layer (address spaces, faults) start on top.
#pragma once

#include "hal/boot_info.h"
#include "kernel/lib/error.h"

namespace kernel::mm {

os::ErrorOr<void> initialize(const hal::BootInfo& boot_info);

// The NUMA topology the HAL reported at boot (for diagnostics and tests).
const hal::NumaTopology& boot_numa_topology();

// The physical memory map the HAL reported at boot (a copy): which ranges
// are RAM, so that device memory objects can refuse them.
const os::MemoryMap& boot_memory_map();

// Prints one line per NUMA node: "memory: node N: X MiB free of Y MiB".
void report_free_memory();

// Free blocks per node and order, and every slab cache's statistics
// (`mm_stats` on the command line prints them after boot).
void report_statistics();

}  // namespace kernel::mm
