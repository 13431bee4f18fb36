// The kernel's virtual address space on x86_64, shared by the assembly entry,
// the C++ code and (by value, checked at link time) linker.ld.
//
//   0xffffffff80000000 + p   kernel window: the image, linked here because
//                            -mcmodel=kernel requires the top 2 GiB, loaded
//                            at 1 MiB physical. boot.S maps physical 0-1 GiB
//                            here; finish_early_mappings() trims that to the
//                            2 MiB pages holding the image.
//   0xffff800000000000 + p   direct map: physical memory, read/write, never
//                            executable, global. boot.S maps 0-4 GiB; kernel/mm
//                            extends it to all of RAM (up to 64 TiB).
//   0x0000800000000000       the end of user space (the canonical lower half);
//                            the kernel's own root table maps nothing below it,
//                            so null pointers fault.
//
// boot.S maps both windows with 2 MiB pages from page tables in .bss. 4 GiB
// is enough for everything boot reads: multiboot 1 passes only 32-bit
// addresses, so the multiboot information and the modules lie below 4 GiB, as
// do the RSDP, the RSDT and the tables it lists. Only XSDT entries and the
// FADT's X_DSDT can point higher; direct_map() refuses what is not mapped yet.
#pragma once

#define X86_64_KERNEL_VIRTUAL_BASE 0xffffffff80000000
#define X86_64_DIRECT_MAP_BASE 0xffff800000000000
#define X86_64_EARLY_DIRECT_MAP_SIZE 0x100000000
#define X86_64_DIRECT_MAP_MAX_SIZE 0x400000000000
#define X86_64_USER_SPACE_END 0x0000800000000000

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

namespace hal::x86_64 {

inline constexpr uint64_t kKernelVirtualBase = X86_64_KERNEL_VIRTUAL_BASE;
inline constexpr uint64_t kDirectMapBase = X86_64_DIRECT_MAP_BASE;
// What boot.S maps: everything a multiboot 1 loader can point at.
inline constexpr uint64_t kEarlyDirectMapSize = X86_64_EARLY_DIRECT_MAP_SIZE;
// The direct map's virtual window: PML4 entries 256-383. Nothing else may
// be placed there; physical memory above it is not reachable.
inline constexpr uint64_t kDirectMapMaxSize = X86_64_DIRECT_MAP_MAX_SIZE;
inline constexpr uint64_t kUserSpaceEnd = X86_64_USER_SPACE_END;

// The physical range [physical_address, physical_address + size) as seen
// through the direct map, or nullptr if any page of it is not mapped there
// now (mmu/direct_map.cc walks the kernel's page tables to find out, so the
// answer grows as kernel/mm extends the map).
const void* direct_map(uint64_t physical_address, uint64_t size);

// The physical address of something inside the kernel image.
inline uint64_t kernel_physical_address(const void* image_address) {
    return reinterpret_cast<uint64_t>(image_address) - kKernelVirtualBase;
}

}  // namespace hal::x86_64

#endif  // __ASSEMBLER__
