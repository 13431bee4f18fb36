// What the aarch64 HAL maps before kernel/mm exists, on top of the page
// tables boot_mmu.S built: more of the direct map, and device registers.
//
// Everything here edits the kernel's TTBR1 tables (kernel_root_l0 and the
// tables below it, all in the image's .page_tables section). kernel/mm
// adopts that root and only adds to it, so these mappings stay valid for
// good. Boot CPU only, before SMP: nothing here takes a lock.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/memory_map.h"

namespace hal::aarch64 {

// Records where the image was loaded (boot.S found it out); first thing in
// C++, before any of the functions below or in hal/mm.h are used.
void initialize_early_mappings(mm::PhysicalAddress image_physical_start);

// Maps [physical, physical + size) as Device-nGnRE memory, read-write and
// never executable, into the device window and returns the virtual address
// of `physical`. Returns the earlier mapping if the range is mapped already,
// nullptr if the window is full or the range is empty or too large.
void* map_device(mm::PhysicalAddress physical, size_t size);

// Extends the direct map (1 GiB blocks) over every range of `map`: all of the
// RAM the firmware describes. Ranges it cannot map (beyond the direct map's
// reach, or no level-1 table left) are reported and left to kernel/mm.
void extend_direct_map(const os::MemoryMap& map);

// The physical address of a variable in the image (tables, for instance).
mm::PhysicalAddress image_physical_address(const void* address);

// The boot CPU's TTBR0 table with only the kernel's GiB identity-mapped, and
// an empty one for when no user address space is active.
mm::PhysicalAddress identity_root_table();
mm::PhysicalAddress empty_user_root_table();

}  // namespace hal::aarch64
