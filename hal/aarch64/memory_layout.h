// The aarch64 kernel's virtual address layout, shared by the assembly that
// builds the boot page tables and the C++ that implements hal/mm.h.
//
// 48-bit virtual addresses (TCR_EL1.T0SZ = T1SZ = 16), 4 KiB granule:
//
//   0x0000000000000000-0x0000ffffffffffff  user space (TTBR0_EL1, per address space)
//   0xffff000000000000-0xffff7fffffffffff  direct map: physical address P at
//                                          DIRECT_MAP_BASE + P, for P < 128 TiB
//   0xffff800000000000-0xffffffff7fffffff  free: kernel/mm's to hand out
//   0xffffffff80000000-0xffffffffbfffffff  kernel window: the kernel image at its
//                                          offset inside its physical GiB
//   0xffffffffc0000000-0xffffffffc01fffff  device window: early MMIO (map_device)
//
// The direct map takes the lower half of TTBR1's range (root entries 0-255),
// the HAL's windows the last root entry (511), so the two can never collide
// however much RAM there is: a physical address at or above DIRECT_MAP_SIZE
// simply has no direct-map address.
#pragma once

#define USER_SPACE_END 0x0001000000000000
#define KERNEL_SPACE_BASE 0xffff000000000000

#define DIRECT_MAP_BASE 0xffff000000000000
#define DIRECT_MAP_SIZE 0x0000800000000000

// The kernel is linked at KERNEL_WINDOW_BASE + (load address mod 1 GiB):
// 0xffffffff80080000 for QEMU virt (RAM at 0x40000000, text_offset 0x80000).
// boot.S refuses to run from any load address that disagrees mod 1 GiB, so
// virtual - KERNEL_WINDOW_BASE == physical - (physical GiB base) in the image.
#define KERNEL_WINDOW_BASE 0xffffffff80000000
// One last-level table maps 2 MiB; the window has this many, so the image
// (text_offset included) may span at most 8 MiB. linker.ld checks it.
#define KERNEL_WINDOW_L3_TABLES 4

// One last-level table of 4 KiB device pages.
#define DEVICE_WINDOW_BASE 0xffffffffc0000000
#define DEVICE_WINDOW_SIZE 0x200000

// The boot code maps the direct map in 1 GiB blocks. Each 512 GiB of the
// direct map needs its own level-1 table, taken from a pool of this many.
#define BOOT_DIRECT_MAP_TABLES 4

// The device tree blob is at most this large (Linux's limit too); the boot
// code maps every GiB that [blob, blob + DEVICE_TREE_MAX_SIZE) touches.
#define DEVICE_TREE_MAX_SIZE 0x200000

#define GIB_SHIFT 30
