// Mappings the HAL makes before kernel/mm exists, into the boot tables that
// kernel/mm later adopts (it only adds entries, so these stay valid):
//  - device registers in the fixmap (address_space_layout.h), a 2 MiB range
//    of 4 KiB pages served by one last-level table in .bss;
//  - 1 GiB direct-map leaves for boot data outside the GiBs entry.S mapped
//    (a device tree or an initrd elsewhere in RAM).
// Boot runs on one hart; nothing here takes a lock.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::riscv64::mmu {

// Maps the device registers [physical, physical + size) read/write and
// returns the virtual address of `physical`, or nullptr if the fixmap is
// full. A range already mapped is returned again. Mappings are never removed.
void* map_device(uint64_t physical, size_t size);

// Makes [physical, physical + size) reachable through the direct map, in
// whole GiBs. False if part of it lies beyond what the boot tables can hold
// (128 GiB with Sv39, 512 GiB with Sv48).
bool extend_early_direct_map(uint64_t physical, uint64_t size);

// True if every GiB of [physical, physical + size) is in the boot direct map.
bool early_direct_map_covers(uint64_t physical, uint64_t size);

// Notes which GiBs entry.S put in the direct map (for initialize_paging()).
void record_boot_direct_map();

// Removes the identity map of the kernel's GiB (finish_early_mappings()).
void drop_identity_map();

}  // namespace hal::riscv64::mmu
