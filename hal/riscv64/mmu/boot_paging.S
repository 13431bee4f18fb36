/* Builds the boot page tables and turns paging on, from entry.S, while the
 * kernel still runs at its physical load address with satp = 0.
 *
 * Everything here is position-independent (lla and branches are PC-relative;
 * nothing reads a linked address), so it works at the load address although
 * the image is linked in the upper half. It uses no stack.
 *
 * The tables (address_space_layout.h has the picture):
 *   identity      the kernel's GiB at its physical address, non-global, so
 *                 the instructions after `csrw satp` keep running; dropped by
 *                 finish_early_mappings()
 *   direct map    the kernel's GiB and the device tree's GiB at
 *                 direct-map base + physical address (more is added in C++)
 *   kernel window the kernel's GiB at 0xffffffff80000000
 *   fixmap        the path down to the last-level table that early_mappings.cc
 *                 fills with device pages
 * All leaves are 1 GiB and have A and D set, so no hart needs to update them
 * (hardware A/D updating is optional: Svade).
 *
 * Sv48 or Sv39: the tables are built for Sv48 and satp is written with MODE
 * Sv48; the privileged specification says a write of an unsupported MODE
 * leaves satp unchanged (still Bare), so reading it back tells whether the CPU
 * has Sv48. If not, the same is done for Sv39.
 */

#include "hal/riscv64/mmu/address_space_layout.h"
#include "hal/riscv64/mmu/page_table_format.h"

#define PAGE_SHIFT 12
#define TABLE_INDEX_MASK 511

/* Index of `va` in a table at `level` (0 = last level, 4 KiB pages). */
#define TABLE_INDEX(va, level) (((va) >> (PAGE_SHIFT + 9 * (level))) & TABLE_INDEX_MASK)

/* The direct map can hold this many GiB in a boot table: Sv39 gives the
   direct map a quarter of its 512 GiB, Sv48 the whole of one 512 GiB root
   entry (the rest is added by kernel/mm). */
#define SV39_DIRECT_MAP_GIBS 128
#define SV48_BOOT_DIRECT_MAP_GIBS 512

#define LEAF_RW_ACCESSED (RISCV64_PTE_VALID | RISCV64_PTE_READ | RISCV64_PTE_WRITE | \
                          RISCV64_PTE_ACCESSED | RISCV64_PTE_DIRTY)
#define LEAF_IDENTITY (LEAF_RW_ACCESSED | RISCV64_PTE_EXECUTE)
#define LEAF_KERNEL_WINDOW (LEAF_RW_ACCESSED | RISCV64_PTE_EXECUTE | RISCV64_PTE_GLOBAL)
#define LEAF_DIRECT_MAP (LEAF_RW_ACCESSED | RISCV64_PTE_GLOBAL)

/* \dst <- an entry pointing at the next-level table at physical \table. */
.macro table_entry dst, table
    srli    \dst, \table, PAGE_SHIFT
    slli    \dst, \dst, RISCV64_PTE_PPN_SHIFT
    ori     \dst, \dst, RISCV64_PTE_VALID
.endm

/* \dst <- a 1 GiB leaf for physical GiB number \gib. */
.macro gib_leaf dst, gib, flags
    slli    \dst, \gib, RISCV64_GIB_SHIFT - PAGE_SHIFT + RISCV64_PTE_PPN_SHIFT
    ori     \dst, \dst, \flags
.endm

/* \table[\index] <- \value, with \index in a register. Clobbers t6. */
.macro store_entry table, index, value
    slli    t6, \index, 3
    add     t6, t6, \table
    sd      \value, 0(t6)
.endm

/* Same with a constant index. */
.macro store_entry_at table, index, value
    li      t6, (\index) * 8
    add     t6, t6, \table
    sd      \value, 0(t6)
.endm

/* Writes satp = \mode | root and sets a0 to 1 if the CPU kept the mode. */
.macro try_satp_mode mode
    lla     t0, riscv64_boot_root
    srli    t0, t0, PAGE_SHIFT
    li      t1, \mode
    slli    t1, t1, RISCV64_SATP_MODE_SHIFT
    or      t0, t0, t1
    sfence.vma                      /* the table stores before any walk */
    csrw    satp, t0
    sfence.vma
    csrr    t1, satp
    srli    t1, t1, RISCV64_SATP_MODE_SHIFT
    addi    t1, t1, -(\mode)
    seqz    a0, t1
.endm

    .section .text.boot, "ax", @progbits

/* uint64_t riscv64_enable_boot_paging(uint64_t kernel_physical_start,
 *                                     uint64_t device_tree_physical)
 * Returns the satp MODE now in force (RISCV64_SATP_MODE_SV48 or _SV39), or 0
 * with paging still off if the CPU has neither. Requires: .bss zeroed, the
 * kernel below 256 GiB (so its identity entry is in the lower half in both
 * modes). Clobbers a0-a3 and t0-t6. */
    .globl riscv64_enable_boot_paging
    .type riscv64_enable_boot_paging, @function
riscv64_enable_boot_paging:
    srli    a2, a0, RISCV64_GIB_SHIFT   /* a2: the kernel's GiB number */
    srli    a3, a1, RISCV64_GIB_SHIFT   /* a3: the device tree's GiB number */

    /* ---- Sv48: root -> L2 tables of 1 GiB leaves ---- */
    lla     t0, riscv64_boot_root

    /* Identity: root[0] -> identity L2 (the kernel is below 256 GiB). */
    lla     t3, riscv64_boot_identity_l2
    table_entry t1, t3
    sd      t1, 0(t0)
    gib_leaf t1, a2, LEAF_IDENTITY
    store_entry t3, a2, t1

    /* Direct map: root[256] -> direct L2, one slot per physical GiB. */
    lla     t3, riscv64_boot_direct_l2
    table_entry t1, t3
    store_entry_at t0, TABLE_INDEX(RISCV64_DIRECT_MAP_BASE_SV48, 3), t1
    gib_leaf t1, a2, LEAF_DIRECT_MAP
    store_entry t3, a2, t1
    li      t2, SV48_BOOT_DIRECT_MAP_GIBS
    bgeu    a3, t2, 1f                  /* beyond the boot table: boot.cc reports it */
    gib_leaf t1, a3, LEAF_DIRECT_MAP
    store_entry t3, a3, t1
1:
    /* The top 512 GiB: root[511] -> high L2 holding the kernel window and
       the fixmap's L1. */
    lla     t3, riscv64_boot_high_l2
    table_entry t1, t3
    store_entry_at t0, TABLE_INDEX(RISCV64_KERNEL_WINDOW_BASE, 3), t1
    gib_leaf t1, a2, LEAF_KERNEL_WINDOW
    store_entry_at t3, TABLE_INDEX(RISCV64_KERNEL_WINDOW_BASE, 2), t1
    lla     t4, riscv64_fixmap_l1
    table_entry t1, t4
    store_entry_at t3, TABLE_INDEX(RISCV64_FIXMAP_BASE, 2), t1
    lla     t5, riscv64_fixmap_l0
    table_entry t1, t5
    store_entry_at t4, TABLE_INDEX(RISCV64_FIXMAP_BASE, 1), t1

    try_satp_mode RISCV64_SATP_MODE_SV48
    beqz    a0, 2f
    li      a0, RISCV64_SATP_MODE_SV48
    ret

2:  /* ---- No Sv48 (satp is still 0): rebuild for Sv39 ---- */
    lla     t0, riscv64_boot_root
    lla     t1, riscv64_boot_page_tables_end
3:  sd      zero, 0(t0)
    addi    t0, t0, 8
    bltu    t0, t1, 3b

    lla     t0, riscv64_boot_root

    /* Identity: root[kernel GiB] (< 256, so in the lower half). */
    gib_leaf t1, a2, LEAF_IDENTITY
    store_entry t0, a2, t1

    /* Direct map: root[256 + GiB] for the first SV39_DIRECT_MAP_GIBS. */
    li      t2, SV39_DIRECT_MAP_GIBS
    bgeu    a2, t2, 4f                  /* kernel beyond the direct map: boot.cc panics */
    gib_leaf t1, a2, LEAF_DIRECT_MAP
    addi    t3, a2, TABLE_INDEX(RISCV64_DIRECT_MAP_BASE_SV39, 2)
    store_entry t0, t3, t1
4:  bgeu    a3, t2, 5f
    gib_leaf t1, a3, LEAF_DIRECT_MAP
    addi    t3, a3, TABLE_INDEX(RISCV64_DIRECT_MAP_BASE_SV39, 2)
    store_entry t0, t3, t1
5:
    /* Kernel window and fixmap: root[510] and root[511] -> fixmap L1. */
    gib_leaf t1, a2, LEAF_KERNEL_WINDOW
    store_entry_at t0, TABLE_INDEX(RISCV64_KERNEL_WINDOW_BASE, 2), t1
    lla     t4, riscv64_fixmap_l1
    table_entry t1, t4
    store_entry_at t0, TABLE_INDEX(RISCV64_FIXMAP_BASE, 2), t1
    lla     t5, riscv64_fixmap_l0
    table_entry t1, t5
    store_entry_at t4, TABLE_INDEX(RISCV64_FIXMAP_BASE, 1), t1

    try_satp_mode RISCV64_SATP_MODE_SV39
    beqz    a0, 6f
    li      a0, RISCV64_SATP_MODE_SV39
6:  ret
    .size riscv64_enable_boot_paging, . - riscv64_enable_boot_paging

/* The boot tables: in .bss (zeroed by entry.S before use), page-aligned, and
 * part of the kernel image for good: kernel/mm adopts riscv64_boot_root as
 * the kernel's root and only adds entries to it. Only the Sv48 layout uses
 * the three L2 tables. */
    .section .bss.boot_page_tables, "aw", @nobits
    .balign 4096
    .globl riscv64_boot_root
riscv64_boot_root:
    .skip 4096
    .globl riscv64_boot_identity_l2
riscv64_boot_identity_l2:
    .skip 4096
    .globl riscv64_boot_direct_l2
riscv64_boot_direct_l2:
    .skip 4096
riscv64_boot_high_l2:
    .skip 4096
    .globl riscv64_fixmap_l1
riscv64_fixmap_l1:
    .skip 4096
    .globl riscv64_fixmap_l0
riscv64_fixmap_l0:
    .skip 4096
riscv64_boot_page_tables_end:
