// The aarch64 stage-1 translation table format for the 4 KiB granule with
// 48-bit virtual addresses (Arm ARM D8.3, VMSAv8-64). kernel/mm/vm walks tables
// through this header (see hal/page_table_format.h for what a format
// provides); the HAL's early-boot assembly builds its first tables from the
// #defines. TTBR0_EL1 holds a user root, TTBR1_EL1 the kernel's; both index
// their level-3 table with VA bits 47-39, so one format serves both.
//
// Levels are numbered from the leaves up, the same on every architecture
// (the Arm ARM counts the other way: its "level 0" is our level 3):
//   level 3  (Arm L0)  each entry covers 512 GiB   tables only
//   level 2  (Arm L1)  each entry covers   1 GiB   tables or 1 GiB blocks
//   level 1  (Arm L2)  each entry covers   2 MiB   tables or 2 MiB blocks
//   level 0  (Arm L3)  each entry covers   4 KiB   4 KiB pages
//
// Memory attributes go through MAIR_EL1; the arm HAL programs it with
// AARCH64_MAIR_VALUE so that AttrIndx 0 is normal write-back RAM and
// AttrIndx 1 is Device-nGnRE. Permissions:
//   kernel page  AP[1]=0 (no EL0 access), UXN=1 always, PXN=0 only if executable
//   user page    AP[1]=1, PXN=1 always, UXN=0 only if executable
//   read-only    AP[2]=1
//   not global   nG=1: the TLB tags it with the ASID (user mappings; the
//                kernel maps its own memory global)
// Every leaf is inner shareable and has AF set (no access-flag faults).
#pragma once

// Descriptor types, bits [1:0].
#define AARCH64_PTE_VALID 0x1
#define AARCH64_PTE_TABLE 0x3  // levels 3-1: points at the next-level table
#define AARCH64_PTE_BLOCK 0x1  // levels 2-1: a 1 GiB or 2 MiB block
#define AARCH64_PTE_PAGE 0x3   // level 0: a 4 KiB page
#define AARCH64_PTE_TYPE_MASK 0x3

// Lower attributes of blocks and pages.
#define AARCH64_PTE_ATTR_NORMAL (0 << 2)  // AttrIndx[2:0] (bits 4-2) = MAIR_EL1 index 0
#define AARCH64_PTE_ATTR_DEVICE (1 << 2)  // MAIR_EL1 index 1
#define AARCH64_PTE_ATTR_INDEX_MASK (7 << 2)
#define AARCH64_PTE_USER (1 << 6)             // AP[1]: EL0 may access
#define AARCH64_PTE_READ_ONLY (1 << 7)        // AP[2]: no writes at any EL
#define AARCH64_PTE_INNER_SHAREABLE (3 << 8)  // SH[1:0]
#define AARCH64_PTE_ACCESSED (1 << 10)        // AF
#define AARCH64_PTE_NOT_GLOBAL (1 << 11)      // nG
// Upper attributes.
#define AARCH64_PTE_PXN 0x0020000000000000  // bit 53: EL1 may not execute
#define AARCH64_PTE_UXN 0x0040000000000000  // bit 54: EL0 may not execute
// Output address bits [47:12] (blocks use [47:21] or [47:30]).
#define AARCH64_PTE_ADDRESS_MASK 0x0000fffffffff000

// MAIR_EL1 attribute 0: normal memory, inner and outer write-back
// non-transient, read- and write-allocate (0xff). Attribute 1: Device-nGnRE
// (0x04).
#define AARCH64_MAIR_VALUE 0x04ff

// Attributes every block and page carries.
#define AARCH64_PTE_LEAF_COMMON (AARCH64_PTE_INNER_SHAREABLE | AARCH64_PTE_ACCESSED)

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

#include "hal/mapping_attributes.h"
#include "hal/mm.h"

namespace hal::aarch64 {

struct PageTableFormat {
    using Entry = uint64_t;

    static constexpr unsigned kPageShift = 12;
    static constexpr unsigned kIndexBits = 9;
    // Whether splitting a live huge leaf must go through an invalid entry
    // and a TLB flush first: the architecture requires break-before-make to change a block into a
    // table (ARM ARM D8.16.1) unless FEAT_BBM level 2.
    static constexpr bool kBreakBeforeMake = true;
    static constexpr unsigned kHighestLeafLevel = 2;  // 1 GiB blocks
    static constexpr mm::PhysicalAddress kPhysicalAddressLimit = mm::PhysicalAddress{1} << 48;

    static constexpr Entry kTypeMask = AARCH64_PTE_TYPE_MASK;
    static constexpr Entry kAttrIndexMask = AARCH64_PTE_ATTR_INDEX_MASK;
    static constexpr Entry kDevice = AARCH64_PTE_ATTR_DEVICE;
    static constexpr Entry kEl0 = AARCH64_PTE_USER;
    static constexpr Entry kReadOnly = AARCH64_PTE_READ_ONLY;
    static constexpr Entry kNotGlobal = AARCH64_PTE_NOT_GLOBAL;
    static constexpr Entry kPxn = AARCH64_PTE_PXN;
    static constexpr Entry kUxn = AARCH64_PTE_UXN;
    static constexpr Entry kAddressMask = AARCH64_PTE_ADDRESS_MASK;

    static unsigned levels() { return 4; }
    static unsigned virtual_address_bits() { return 48; }

    // TTBR0 translates addresses whose bits 63-48 are all 0, TTBR1 those
    // whose bits 63-48 are all 1 (T0SZ = T1SZ = 16).
    static bool is_canonical(mm::VirtualAddress address) {
        uint64_t top = address >> 48;
        return top == 0 || top == 0xffff;
    }
    // The TTBR0 (user) range is [0, this): all 512 entries of a user root.
    static mm::VirtualAddress lower_half_end() { return mm::VirtualAddress{1} << 48; }

    static bool can_hold_leaf(unsigned level) { return level <= kHighestLeafLevel; }

    static bool is_table(Entry entry, unsigned level) {
        return level >= 1 && (entry & kTypeMask) == AARCH64_PTE_TABLE;
    }
    static bool is_leaf(Entry entry, unsigned level) {
        Entry type = entry & kTypeMask;
        return level == 0 ? type == AARCH64_PTE_PAGE
                          : level <= kHighestLeafLevel && type == AARCH64_PTE_BLOCK;
    }

    static mm::PhysicalAddress table_address(Entry entry) { return entry & kAddressMask; }
    static mm::PhysicalAddress leaf_address(Entry entry, unsigned level) {
        return entry & kAddressMask & ~((Entry{1} << (kPageShift + kIndexBits * level)) - 1);
    }

    // Table descriptors leave APTable/XNTable/PXNTable at 0: no limits from
    // above, the leaf decides.
    static Entry table_entry(mm::PhysicalAddress table) { return table | AARCH64_PTE_TABLE; }

    static Entry leaf_entry(mm::PhysicalAddress address, unsigned level,
                            const mm::MappingAttributes& attributes) {
        Entry entry = address | AARCH64_PTE_LEAF_COMMON;
        entry |= level == 0 ? AARCH64_PTE_PAGE : AARCH64_PTE_BLOCK;
        if (attributes.cache == mm::CachePolicy::kDevice) entry |= kDevice;
        if (!attributes.writable) entry |= kReadOnly;
        if (!attributes.global) entry |= kNotGlobal;
        if (attributes.user) {
            // EL1 never executes user memory, whatever EL0 may do.
            entry |= kEl0 | kPxn;
            if (!attributes.executable) entry |= kUxn;
        } else {
            entry |= kUxn;
            if (!attributes.executable) entry |= kPxn;
        }
        return entry;
    }

    static mm::MappingAttributes leaf_attributes(Entry entry, unsigned) {
        mm::MappingAttributes attributes;
        attributes.writable = !(entry & kReadOnly);
        attributes.user = entry & kEl0;
        attributes.executable = !(entry & (attributes.user ? kUxn : kPxn));
        attributes.global = !(entry & kNotGlobal);
        attributes.cache = (entry & kAttrIndexMask) == kDevice ? mm::CachePolicy::kDevice
                                                               : mm::CachePolicy::kNormal;
        return attributes;
    }
};

}  // namespace hal::aarch64

#endif  // __ASSEMBLER__
