// The boot page tables and the switch that turns the MMU on.
//
// boot.S calls build_boot_page_tables and then enable_mmu with the MMU off,
// running at the physical load address. Only PC-relative addressing (adr,
// adrp) yields addresses we can use here: adrp of a symbol gives its
// physical address, since the image is where it was linked mod 1 GiB and
// adrp reaches +-4 GiB. `ldr xN, =symbol` gives the linked (virtual) address.
//
// With the MMU off every data access is Device-nGnRnE and non-cacheable: the
// tables are written straight to memory, then any stale cache lines over
// them are invalidated so that the cacheable table walks see what we wrote.
//
// The tables (memory_layout.h has the address map):
//   TTBR0_EL1  boot_identity_l0 -> boot_identity_l1: the kernel's physical
//              GiB at its own address, so the instruction after the MMU
//              switch can still be fetched. Dropped in finish_early_mappings.
//   TTBR1_EL1  kernel_root_l0, which kernel/mm adopts and extends:
//     [511] -> kernel_window_l1
//         [510] -> kernel_window_l2 -> kernel_window_l3 (4 KiB pages): the
//                  image, text read-only+executable, rodata read-only, the
//                  rest read-write; nothing both writable and executable
//         [511] -> device_window_l2 [0] -> device_window_l3: map_device()
//     [0-255] -> level-1 tables from boot_direct_map_pool: the direct map in
//                1 GiB blocks, read-write, never executable. Here: the
//                kernel's GiB and every GiB the device tree may occupy;
//                early_mappings.cc adds the rest of RAM.
// All kernel entries are global (nG = 0) and inner-shareable write-back.

#include "hal/aarch64/mmu/page_table_format.h"
#include "hal/aarch64/memory_layout.h"
#include "hal/aarch64/system_registers.h"

#define NORMAL_MEMORY (AARCH64_PTE_LEAF_COMMON | AARCH64_PTE_ATTR_NORMAL)
#define KERNEL_TEXT_PAGE (AARCH64_PTE_PAGE | NORMAL_MEMORY | AARCH64_PTE_READ_ONLY | AARCH64_PTE_UXN)
#define KERNEL_RODATA_PAGE \
    (AARCH64_PTE_PAGE | NORMAL_MEMORY | AARCH64_PTE_READ_ONLY | AARCH64_PTE_UXN | AARCH64_PTE_PXN)
#define KERNEL_DATA_PAGE (AARCH64_PTE_PAGE | NORMAL_MEMORY | AARCH64_PTE_UXN | AARCH64_PTE_PXN)
#define DIRECT_MAP_BLOCK (AARCH64_PTE_BLOCK | NORMAL_MEMORY | AARCH64_PTE_UXN | AARCH64_PTE_PXN)
// Executable at EL1: the MMU switch runs from it for a few instructions.
#define IDENTITY_BLOCK (AARCH64_PTE_BLOCK | NORMAL_MEMORY | AARCH64_PTE_UXN)

#define GIB_OFFSET_MASK ((1 << GIB_SHIFT) - 1)
#define TABLE_SIZE 4096

// For linker.ld's consistency checks: it cannot include this header.
    .global kernel_window_base_check
    .set    kernel_window_base_check, KERNEL_WINDOW_BASE
    .global kernel_window_mapped_check
    .set    kernel_window_mapped_check, KERNEL_WINDOW_L3_TABLES * 0x200000

// Zeroed by build_boot_page_tables itself (boot.S clears .bss only later,
// with the MMU on); linker.ld gives the section its own place and alignment.
    .section .page_tables, "aw", %nobits
    .balign TABLE_SIZE
    .global boot_identity_l0
boot_identity_l0:
    .space  TABLE_SIZE
boot_identity_l1:
    .space  TABLE_SIZE
    .global kernel_root_l0
kernel_root_l0:
    .space  TABLE_SIZE
kernel_window_l1:
    .space  TABLE_SIZE
kernel_window_l2:
    .space  TABLE_SIZE
kernel_window_l3:
    .space  TABLE_SIZE * KERNEL_WINDOW_L3_TABLES
device_window_l2:
    .space  TABLE_SIZE
    .global device_window_l3
device_window_l3:
    .space  TABLE_SIZE
    .global boot_direct_map_pool
boot_direct_map_pool:
    .space  TABLE_SIZE * BOOT_DIRECT_MAP_TABLES
// TTBR0_EL1 once the identity map is gone and no user space is active.
    .global empty_user_root
empty_user_root:
    .space  TABLE_SIZE
// How many tables of boot_direct_map_pool are in use.
    .global boot_direct_map_pool_used
boot_direct_map_pool_used:
    .space  8

    .section .text.boot_mmu, "ax"

// Stores `entry | flags` at index ((address >> shift) & 511) of `table`.
.macro set_entry table, address, shift, entry, scratch
    ubfx    \scratch, \address, #\shift, #9
    str     \entry, [\table, \scratch, lsl #3]
.endm

// build_boot_page_tables(x0 = physical address of _start, x1 = device tree
// physical address or anything the loader put in x0). MMU off. Uses x0-x17
// and no stack.
    .global build_boot_page_tables
build_boot_page_tables:
    mov     x15, x30

    // Clear every table (the section is NOLOAD: memory holds garbage).
    adrp    x2, __page_tables_start
    add     x2, x2, :lo12:__page_tables_start
    adrp    x3, __page_tables_end
    add     x3, x3, :lo12:__page_tables_end
1:  stp     xzr, xzr, [x2], #16
    cmp     x2, x3
    b.lo    1b

    and     x2, x0, #~GIB_OFFSET_MASK       // x2: physical base of the kernel's GiB
    ldr     x3, =KERNEL_WINDOW_BASE
    sub     x9, x2, x3                      // x9: physical - virtual in the image

    // TTBR0: the identity map of the kernel's GiB.
    adrp    x4, boot_identity_l0
    adrp    x5, boot_identity_l1
    orr     x6, x5, #AARCH64_PTE_TABLE
    set_entry x4, x2, 39, x6, x7
    ldr     x6, =IDENTITY_BLOCK
    orr     x6, x6, x2
    set_entry x5, x2, 30, x6, x7

    // TTBR1: root -> kernel window and device window.
    adrp    x12, kernel_root_l0
    adrp    x4, kernel_window_l1
    orr     x6, x4, #AARCH64_PTE_TABLE
    set_entry x12, x3, 39, x6, x7
    adrp    x5, kernel_window_l2
    orr     x6, x5, #AARCH64_PTE_TABLE
    set_entry x4, x3, 30, x6, x7
    ldr     x8, =DEVICE_WINDOW_BASE
    adrp    x10, device_window_l2
    orr     x6, x10, #AARCH64_PTE_TABLE
    set_entry x4, x8, 30, x6, x7
    adrp    x11, device_window_l3
    orr     x6, x11, #AARCH64_PTE_TABLE
    set_entry x10, x8, 21, x6, x7
    // The window's last-level tables are consecutive, so the image's pages
    // index them as one array from KERNEL_WINDOW_BASE.
    adrp    x6, kernel_window_l3
    orr     x6, x6, #AARCH64_PTE_TABLE
    mov     x7, #0
2:  str     x6, [x5, x7, lsl #3]
    add     x6, x6, #TABLE_SIZE
    add     x7, x7, #1
    cmp     x7, #KERNEL_WINDOW_L3_TABLES
    b.lo    2b

    // The image, page by page, with the permissions of its part.
    ldr     x4, =__kernel_start
    ldr     x5, =__text_end
    ldr     x6, =__rodata_end
    ldr     x7, =__kernel_end
    adrp    x8, kernel_window_l3
    ldr     x10, =KERNEL_TEXT_PAGE
    ldr     x11, =KERNEL_RODATA_PAGE
    ldr     x13, =KERNEL_DATA_PAGE
3:  cmp     x4, x6
    csel    x14, x11, x13, lo               // below __rodata_end: rodata, else data
    cmp     x4, x5
    csel    x14, x10, x14, lo               // below __text_end: text
    add     x16, x4, x9                     // the page's physical address
    orr     x14, x14, x16
    sub     x16, x4, x3
    lsr     x16, x16, #12                   // page index from KERNEL_WINDOW_BASE
    str     x14, [x8, x16, lsl #3]
    add     x4, x4, #TABLE_SIZE
    cmp     x4, x7
    b.lo    3b

    // The direct map: the kernel's GiB, then the device tree's.
    adrp    x10, boot_direct_map_pool       // x10: next free pool table
    add     x11, x10, #(TABLE_SIZE * BOOT_DIRECT_MAP_TABLES)
    mov     x13, x2
    bl      direct_map_gib
    // A pointer too large for the direct map is no tree: leave it unmapped
    // and let the C++ boot code reject it with a message.
    ldr     x3, =(DIRECT_MAP_SIZE - DEVICE_TREE_MAX_SIZE)
    cbz     x1, 4f
    cmp     x1, x3
    b.hs    4f
    mov     x13, x1
    bl      direct_map_gib
    ldr     x13, =(DEVICE_TREE_MAX_SIZE - 1)
    add     x13, x1, x13
    bl      direct_map_gib
4:  adrp    x3, boot_direct_map_pool
    sub     x3, x10, x3
    lsr     x3, x3, #12
    adrp    x4, boot_direct_map_pool_used
    str     x3, [x4, :lo12:boot_direct_map_pool_used]

    // Drop whatever the caches hold over the tables: the walks are cacheable
    // and must see memory. DminLine (CTR_EL0[19:16]) is log2(words per line).
    dsb     sy
    mrs     x3, ctr_el0
    ubfx    x3, x3, #16, #4
    mov     x4, #4
    lsl     x4, x4, x3                      // x4: data cache line size in bytes
    adrp    x2, __page_tables_start
    add     x2, x2, :lo12:__page_tables_start
    adrp    x3, __page_tables_end
    add     x3, x3, :lo12:__page_tables_end
5:  dc      ivac, x2
    add     x2, x2, x4
    cmp     x2, x3
    b.lo    5b
    dsb     sy
    ret     x15

// Maps the GiB holding physical address x13 (< DIRECT_MAP_SIZE) into the
// direct map with a 1 GiB block. x12 = root table, x10 = next free pool
// table, x11 = end of the pool; uses x14, x16, x17. If the pool is exhausted
// the GiB stays unmapped, which early_direct_map_covers() then reports.
direct_map_gib:
    ubfx    x16, x13, #39, #9
    ldr     x14, [x12, x16, lsl #3]
    cbnz    x14, 1f
    cmp     x10, x11
    b.hs    2f
    orr     x14, x10, #AARCH64_PTE_TABLE
    str     x14, [x12, x16, lsl #3]
    add     x10, x10, #TABLE_SIZE
1:  and     x14, x14, #AARCH64_PTE_ADDRESS_MASK
    ldr     x17, =DIRECT_MAP_BLOCK
    and     x16, x13, #~GIB_OFFSET_MASK
    orr     x17, x17, x16
    set_entry x14, x13, 30, x17, x16
2:  ret

// enable_mmu: programs MAIR, TCR and both TTBRs and turns on translation and
// the caches. Returns to its caller through the identity map. Uses x1-x4.
    .global enable_mmu
enable_mmu:
    ldr     x1, =AARCH64_MAIR_VALUE
    msr     mair_el1, x1

    ldr     x1, =TCR_EL1_BASE
    mrs     x2, id_aa64mmfr0_el1
    ubfx    x3, x2, #ID_AA64MMFR0_EL1_PARANGE_SHIFT, #4
    mov     x4, #TCR_EL1_IPS_48_BITS
    cmp     x3, x4
    csel    x3, x3, x4, lo                  // min(PARange, 48 bits)
    orr     x1, x1, x3, lsl #TCR_EL1_IPS_SHIFT
    ubfx    x3, x2, #ID_AA64MMFR0_EL1_ASIDBITS_SHIFT, #4
    cmp     x3, #ID_AA64MMFR0_EL1_ASIDBITS_16
    b.ne    1f
    orr     x1, x1, #TCR_EL1_AS
1:  msr     tcr_el1, x1

    adrp    x1, boot_identity_l0
    msr     ttbr0_el1, x1                   // ASID 0, the kernel's
    adrp    x1, kernel_root_l0
    msr     ttbr1_el1, x1
    isb
    tlbi    vmalle1                         // nothing a loader left may survive
    dsb     nsh
    isb

    ldr     x1, =SCTLR_EL1_MMU_ON
    // With FEAT_PAN, the kernel cannot touch user pages except through the
    // unprivileged ldtr/sttr of user_copy.S: PSTATE.PAN now, and on every
    // exception entry (SPAN = 0).
    mrs     x2, id_aa64mmfr1_el1
    ubfx    x2, x2, #ID_AA64MMFR1_EL1_PAN_SHIFT, #4
    cbz     x2, 2f
    bic     x1, x1, #SCTLR_EL1_SPAN
    .inst   0xd500419f                      // msr pan, #1 (an ARMv8.1 mnemonic)
2:  msr     sctlr_el1, x1
    isb
    ic      iallu                           // no instruction fetched with the MMU off survives
    dsb     nsh
    isb
    ret

    .ltorg
