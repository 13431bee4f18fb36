// The kernel's half of the riscv64 virtual address space, shared by the
// assembly that turns paging on (boot_paging.S), the C++ code and, by value,
// linker.ld.
//
// Sv48 (4 levels, 48-bit addresses) when the CPU has it, Sv39 (3 levels,
// 39-bit addresses) otherwise; the upper half starts at the first address
// with bit (va_bits - 1) set, sign-extended:
//
//   Sv48                   Sv39
//   0xffff800000000000     0xffffffc000000000   direct map: physical address p at base + p,
//                                               read/write, global. Span: a quarter of the
//                                               address space (64 TiB / 128 GiB).
//   0xffffffff80000000     0xffffffff80000000   kernel window: the GiB the image was loaded
//                                               in (1 GiB leaf, RWX, global). The image is
//                                               linked at window + (load address mod 1 GiB).
//   0xffffffffc0000000     0xffffffffc0000000   fixmap: 2 MiB of early device mappings
//                                               (early_mappings.h), one .bss last-level table.
//
// Boot also identity-maps the kernel's GiB (non-global) so that the
// instructions after `csrw satp` keep running; finish_early_mappings() drops it.
#pragma once

#define RISCV64_KERNEL_WINDOW_BASE 0xffffffff80000000
#define RISCV64_FIXMAP_BASE 0xffffffffc0000000
#define RISCV64_FIXMAP_SIZE 0x200000
#define RISCV64_DIRECT_MAP_BASE_SV48 0xffff800000000000
#define RISCV64_DIRECT_MAP_BASE_SV39 0xffffffc000000000
#define RISCV64_GIB_SHIFT 30

// satp.MODE values (privileged specification, "Supervisor Address Translation
// and Protection Register").
#define RISCV64_SATP_MODE_SV39 8
#define RISCV64_SATP_MODE_SV48 9
#define RISCV64_SATP_MODE_SHIFT 60
#define RISCV64_SATP_ASID_SHIFT 44
#define RISCV64_SATP_ASID_MASK 0xffff

#ifndef __ASSEMBLER__

#include <stdint.h>

namespace hal::riscv64::mmu {

inline constexpr uint64_t kKernelWindowBase = RISCV64_KERNEL_WINDOW_BASE;
inline constexpr uint64_t kGiB = uint64_t{1} << RISCV64_GIB_SHIFT;
inline constexpr uint64_t kFixmapBase = RISCV64_FIXMAP_BASE;
inline constexpr uint64_t kFixmapSize = RISCV64_FIXMAP_SIZE;

}  // namespace hal::riscv64::mmu

#endif  // __ASSEMBLER__
