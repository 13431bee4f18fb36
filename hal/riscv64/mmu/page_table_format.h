// The riscv64 page-table entry format: Sv48 (4 levels, 48-bit virtual
// addresses) or Sv39 (3 levels, 39-bit), from the privileged spec, "Supervisor-
// Level ISA". Which one is a boot-time decision: the riscv HAL tries Sv48,
// falls back to Sv39 on CPUs without it, and calls
// PageTableFormat::set_levels() before any table is built. kernel/mm/vm walks
// tables through this header (see hal/page_table_format.h); the HAL's
// early-boot assembly builds its first tables from the #defines.
//
// Levels are numbered from the leaves up, as the spec does:
//   level 3  (Sv48 only)  each entry covers 512 GiB   tables
//   level 2               each entry covers   1 GiB   tables or 1 GiB pages
//   level 1               each entry covers   2 MiB   tables or 2 MiB pages
//   level 0               each entry covers   4 KiB   4 KiB pages
// An entry with V=1 and R=W=X=0 points to a table; any other valid one is a
// leaf, at any level. We build leaves only at levels 0-2 and never the
// execute-only or write-only combinations: every leaf has R.
//
// Leaves get A and D set when they are written: implementations may either
// update them in hardware or fault when they are clear, and nothing uses
// accessed/dirty tracking yet.
//
// Device memory: without Svpbmt, the platform's physical memory attributes
// (fixed per address range) decide cacheability, so a device leaf only
// carries a software mark (RSW bit 8) that lets the kernel read the policy
// back. With Svpbmt (set_svpbmt_supported(true)), it also gets PBMT=IO.
#pragma once

#define RISCV64_PTE_VALID 0x1
#define RISCV64_PTE_READ 0x2
#define RISCV64_PTE_WRITE 0x4
#define RISCV64_PTE_EXECUTE 0x8
#define RISCV64_PTE_USER 0x10
#define RISCV64_PTE_GLOBAL 0x20
#define RISCV64_PTE_ACCESSED 0x40
#define RISCV64_PTE_DIRTY 0x80
#define RISCV64_PTE_SOFTWARE_DEVICE 0x100       // RSW bit 8: our device mark
#define RISCV64_PTE_PBMT_IO 0x4000000000000000  // Svpbmt bits 62-61 = 2
#define RISCV64_PTE_PBMT_MASK 0x6000000000000000
// The physical page number: bits 53-10 hold physical address bits 55-12.
#define RISCV64_PTE_PPN_SHIFT 10
#define RISCV64_PTE_PPN_MASK 0x003ffffffffffc00

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

#include "hal/mapping_attributes.h"
#include "hal/mm.h"

namespace hal::riscv64 {

struct PageTableFormat {
    using Entry = uint64_t;

    static constexpr unsigned kPageShift = 12;
    static constexpr unsigned kIndexBits = 9;
    // Whether splitting a live huge leaf must go through an invalid entry
    // and a TLB flush first: the privileged spec allows replacing a superpage by an equivalent
    // table in place.
    static constexpr bool kBreakBeforeMake = false;
    static constexpr unsigned kHighestLeafLevel = 2;  // 1 GiB pages
    static constexpr mm::PhysicalAddress kPhysicalAddressLimit = mm::PhysicalAddress{1} << 56;

    static constexpr Entry kValid = RISCV64_PTE_VALID;
    static constexpr Entry kRead = RISCV64_PTE_READ;
    static constexpr Entry kWrite = RISCV64_PTE_WRITE;
    static constexpr Entry kExecute = RISCV64_PTE_EXECUTE;
    static constexpr Entry kUser = RISCV64_PTE_USER;
    static constexpr Entry kGlobal = RISCV64_PTE_GLOBAL;
    static constexpr Entry kAccessed = RISCV64_PTE_ACCESSED;
    static constexpr Entry kDirty = RISCV64_PTE_DIRTY;
    static constexpr Entry kSoftwareDevice = RISCV64_PTE_SOFTWARE_DEVICE;
    static constexpr Entry kPbmtIo = RISCV64_PTE_PBMT_IO;

    // The scheme in use; set once by the HAL before the first table exists.
    static inline unsigned level_count = 4;
    static inline bool svpbmt_supported = false;

    static void set_levels(unsigned levels) { level_count = levels == 3 ? 3 : 4; }
    static void set_svpbmt_supported(bool supported) { svpbmt_supported = supported; }
    static unsigned levels() { return level_count; }
    static unsigned virtual_address_bits() { return kPageShift + kIndexBits * level_count; }

    // Valid addresses sign-extend bit 38 (Sv39) or bit 47 (Sv48) into bits 63 and up.
    static bool is_canonical(mm::VirtualAddress address) {
        uint64_t top = address >> (virtual_address_bits() - 1);
        return top == 0 || top == (~uint64_t{0} >> (virtual_address_bits() - 1));
    }
    static mm::VirtualAddress lower_half_end() {
        return mm::VirtualAddress{1} << (virtual_address_bits() - 1);
    }

    static bool can_hold_leaf(unsigned level) { return level <= kHighestLeafLevel; }

    static bool is_table(Entry entry, unsigned level) {
        return level >= 1 && (entry & (kValid | kRead | kWrite | kExecute)) == kValid;
    }
    static bool is_leaf(Entry entry, unsigned) {
        return (entry & kValid) && (entry & (kRead | kExecute));
    }

    static mm::PhysicalAddress table_address(Entry entry) {
        return (entry & RISCV64_PTE_PPN_MASK) >> RISCV64_PTE_PPN_SHIFT << kPageShift;
    }
    static mm::PhysicalAddress leaf_address(Entry entry, unsigned level) {
        return table_address(entry) & ~((Entry{1} << (kPageShift + kIndexBits * level)) - 1);
    }

    // Non-leaf entries must keep D, A and U clear (reserved by the spec).
    static Entry table_entry(mm::PhysicalAddress table) {
        return (table >> kPageShift << RISCV64_PTE_PPN_SHIFT) | kValid;
    }

    static Entry leaf_entry(mm::PhysicalAddress address, unsigned,
                            const mm::MappingAttributes& attributes) {
        Entry entry =
            (address >> kPageShift << RISCV64_PTE_PPN_SHIFT) | kValid | kRead | kAccessed | kDirty;
        if (attributes.writable) entry |= kWrite;
        if (attributes.executable) entry |= kExecute;
        if (attributes.user) entry |= kUser;
        if (attributes.global) entry |= kGlobal;
        if (attributes.cache == mm::CachePolicy::kDevice) {
            entry |= kSoftwareDevice;
            if (svpbmt_supported) entry |= kPbmtIo;
        }
        return entry;
    }

    static mm::MappingAttributes leaf_attributes(Entry entry, unsigned) {
        mm::MappingAttributes attributes;
        attributes.writable = entry & kWrite;
        attributes.executable = entry & kExecute;
        attributes.user = entry & kUser;
        attributes.global = entry & kGlobal;
        attributes.cache =
            (entry & kSoftwareDevice) ? mm::CachePolicy::kDevice : mm::CachePolicy::kNormal;
        return attributes;
    }
};

}  // namespace hal::riscv64

#endif  // __ASSEMBLER__
