// The page-table entry format of the CPU the kernel is built for, as
// hal::PageTableFormat. kernel/mm/vm's walker (kernel::mm::PageTable) is a
// template over a format, so host tests can run it over every architecture's.
//
// A format is a struct of static functions; every architecture's has:
//   using Entry = uint64_t;
//   kPageShift = 12, kIndexBits = 9    4 KiB tables of 512 entries
//   kHighestLeafLevel = 2              leaves exist at levels 0-2 (4 KiB, 2 MiB, 1 GiB)
//   kPhysicalAddressLimit              physical addresses an entry can hold are below it
//   levels()                           4 (3 for riscv64 Sv39); the root is level levels()-1
//   virtual_address_bits()             12 + 9 * levels()
//   is_canonical(va)                   va is translatable at all (sign extension)
//   lower_half_end()                   user roots translate [0, lower_half_end())
//   can_hold_leaf(level)               leaves may be created at `level` on this CPU
//   is_table(entry, level)             entry points to a table one level down
//   is_leaf(entry, level)              entry maps memory (a page or block)
//   table_address(entry)               the physical address of the table below
//   leaf_address(entry, level)         the physical address of the mapped page
//   table_entry(table)                 an entry pointing to `table`
//   leaf_entry(address, level, attrs)  an entry mapping `address` at `level`
//   leaf_attributes(entry, level)      attrs back (leaf_entry's exact inverse)
// Levels count from the leaves: level 0 entries map 4 KiB, level 1 2 MiB,
// level 2 1 GiB, level 3 512 GiB. An entry that is neither table nor leaf is
// empty. Virtual address bits [12 + 9 L, 21 + 9 L) index a level-L table.
//
// Host builds (unit tests) get the host CPU's format here and can include
// every hal/<arch>/mmu/page_table_format.h: all three are header-only.
#pragma once

#if defined(__x86_64__)
#include "hal/x86_64/mmu/page_table_format.h"
namespace hal {
using PageTableFormat = x86_64::PageTableFormat;
}
#elif defined(__aarch64__)
#include "hal/aarch64/mmu/page_table_format.h"
namespace hal {
using PageTableFormat = aarch64::PageTableFormat;
}
#elif defined(__riscv) && __riscv_xlen == 64
#include "hal/riscv64/mmu/page_table_format.h"
namespace hal {
using PageTableFormat = riscv64::PageTableFormat;
}
#else
#error "no page-table format for this CPU"
#endif
