// The kernel's virtual address space as boot.S leaves it, shared by the
// assembly entry, the C++ code and (by value, checked at link time) linker.ld.
//
//   0xffffffff80000000 + p   kernel window: physical 0-1 GiB. The image is
//                            linked here because -mcmodel=kernel requires the
//                            top 2 GiB; it is loaded at 1 MiB physical.
//   0xffff800000000000 + p   direct map: physical 0-4 GiB, read/write.
//   0x0000000000000000       nothing: the boot identity map is removed once
//                            the higher half runs, so null pointers fault.
//
// Both maps use 2 MiB pages and share page directories (see boot.S). 4 GiB
// is enough for everything boot reads: multiboot 1 passes only 32-bit
// addresses, so the multiboot information and the modules lie below 4 GiB, as
// do the RSDP, the RSDT and the tables it lists. Only XSDT entries and the
// FADT's X_DSDT can point higher; direct_map() refuses those ranges and the
// ACPI code reports them.
#pragma once

#define X86_64_KERNEL_VIRTUAL_BASE 0xffffffff80000000
#define X86_64_DIRECT_MAP_BASE 0xffff800000000000
#define X86_64_DIRECT_MAP_SIZE 0x100000000

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

namespace hal::x86_64 {

inline constexpr uint64_t kKernelVirtualBase = X86_64_KERNEL_VIRTUAL_BASE;
inline constexpr uint64_t kDirectMapBase = X86_64_DIRECT_MAP_BASE;
inline constexpr uint64_t kDirectMapSize = X86_64_DIRECT_MAP_SIZE;

// The physical range [physical_address, physical_address + size) as seen
// through the direct map, or nullptr if any byte of it lies outside the map.
inline const void* direct_map(uint64_t physical_address, uint64_t size) {
    if (physical_address > kDirectMapSize || size > kDirectMapSize - physical_address) {
        return nullptr;
    }
    return reinterpret_cast<const void*>(kDirectMapBase + physical_address);
}

// The physical address of something inside the kernel image.
inline uint64_t kernel_physical_address(const void* image_address) {
    return reinterpret_cast<uint64_t>(image_address) - kKernelVirtualBase;
}

}  // namespace hal::x86_64

#endif  // __ASSEMBLER__
