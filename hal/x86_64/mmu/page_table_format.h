// The x86_64 page-table entry format: 4-level paging with 48-bit virtual
// addresses (Intel SDM vol. 3, 4.5). kernel/mm/vm walks tables through this
// header (see hal/page_table_format.h for what a format provides); the HAL's
// early-boot assembly builds its first tables from the #defines.
//
// Levels are numbered from the leaves up, the same on every architecture:
//   level 3  PML4  each entry covers 512 GiB   tables only
//   level 2  PDPT  each entry covers   1 GiB   tables or 1 GiB pages (PS=1)
//   level 1  PD    each entry covers   2 MiB   tables or 2 MiB pages (PS=1)
//   level 0  PT    each entry covers   4 KiB   4 KiB pages
// Every table is 4 KiB: 512 eight-byte entries, indexed by 9 address bits.
//
// Leaves get A and D set when they are written: nothing uses the CPU's
// accessed/dirty tracking yet, and preset bits spare the page walker a locked
// write back into the entry on first access.
#pragma once

#define X86_64_PTE_PRESENT 0x1
#define X86_64_PTE_WRITABLE 0x2
#define X86_64_PTE_USER 0x4
#define X86_64_PTE_WRITE_THROUGH 0x8   // PWT
#define X86_64_PTE_CACHE_DISABLE 0x10  // PCD
#define X86_64_PTE_ACCESSED 0x20
#define X86_64_PTE_DIRTY 0x40
#define X86_64_PTE_HUGE 0x80  // PS in a PDPT or PD entry: a 1 GiB or 2 MiB page
#define X86_64_PTE_GLOBAL 0x100
#define X86_64_PTE_NO_EXECUTE 0x8000000000000000  // needs EFER.NXE
// Bits 12-51 hold the physical address (of a table or a 4 KiB page; 2 MiB
// and 1 GiB pages use bits 21-51 and 30-51 - bit 12 is PAT there).
#define X86_64_PTE_ADDRESS_MASK 0x000ffffffffff000

// PWT|PCD selects PAT entry 3, which the power-on PAT makes UC (uncached):
// what device memory needs, without reprogramming the PAT.
#define X86_64_PTE_DEVICE (X86_64_PTE_WRITE_THROUGH | X86_64_PTE_CACHE_DISABLE)
// A table entry grants everything; the leaf below decides (the CPU ANDs the
// permissions of every level).
#define X86_64_PTE_TABLE \
    (X86_64_PTE_PRESENT | X86_64_PTE_WRITABLE | X86_64_PTE_USER | X86_64_PTE_ACCESSED)

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

#include "hal/mapping_attributes.h"
#include "hal/mm.h"

namespace hal::x86_64 {

struct PageTableFormat {
    using Entry = uint64_t;

    static constexpr unsigned kPageShift = 12;
    static constexpr unsigned kIndexBits = 9;
    // Whether splitting a live huge leaf must go through an invalid entry
    // and a TLB flush first: x86_64 allows replacing a large page by an equivalent table in place.
    static constexpr bool kBreakBeforeMake = false;
    static constexpr unsigned kHighestLeafLevel = 2;  // 1 GiB pages
    static constexpr mm::PhysicalAddress kPhysicalAddressLimit = mm::PhysicalAddress{1} << 52;

    static constexpr Entry kPresent = X86_64_PTE_PRESENT;
    static constexpr Entry kWritable = X86_64_PTE_WRITABLE;
    static constexpr Entry kUser = X86_64_PTE_USER;
    static constexpr Entry kDevice = X86_64_PTE_DEVICE;
    static constexpr Entry kAccessed = X86_64_PTE_ACCESSED;
    static constexpr Entry kDirty = X86_64_PTE_DIRTY;
    static constexpr Entry kHuge = X86_64_PTE_HUGE;
    static constexpr Entry kGlobal = X86_64_PTE_GLOBAL;
    static constexpr Entry kNoExecute = X86_64_PTE_NO_EXECUTE;
    static constexpr Entry kAddressMask = X86_64_PTE_ADDRESS_MASK;

    static unsigned levels() { return 4; }
    static unsigned virtual_address_bits() { return 48; }

    // Canonical: bits 63-47 all equal (sign extension of bit 47).
    static bool is_canonical(mm::VirtualAddress address) {
        uint64_t top = address >> 47;
        return top == 0 || top == 0x1ffff;
    }
    // The lower (user) half is [0, this); PML4 entries 0-255.
    static mm::VirtualAddress lower_half_end() { return mm::VirtualAddress{1} << 47; }

    // 1 GiB pages need CPUID.80000001H:EDX.Page1GB; the x86_64 HAL clears
    // this at boot on CPUs without them, and 1 GiB mappings are refused.
    static inline bool gigabyte_pages_supported = true;
    static void set_gigabyte_pages_supported(bool supported) {
        gigabyte_pages_supported = supported;
    }
    static bool can_hold_leaf(unsigned level) {
        return level <= 1 || (level == 2 && gigabyte_pages_supported);
    }

    static bool is_table(Entry entry, unsigned level) {
        return (entry & kPresent) && level >= 1 && (level == 3 || !(entry & kHuge));
    }
    static bool is_leaf(Entry entry, unsigned level) {
        return (entry & kPresent) && (level == 0 || (level <= 2 && (entry & kHuge)));
    }

    static mm::PhysicalAddress table_address(Entry entry) { return entry & kAddressMask; }
    static mm::PhysicalAddress leaf_address(Entry entry, unsigned level) {
        return entry & kAddressMask & ~((Entry{1} << (kPageShift + kIndexBits * level)) - 1);
    }

    static Entry table_entry(mm::PhysicalAddress table) { return table | X86_64_PTE_TABLE; }

    static Entry leaf_entry(mm::PhysicalAddress address, unsigned level,
                            const mm::MappingAttributes& attributes) {
        Entry entry = address | kPresent | kAccessed | kDirty;
        if (level > 0) entry |= kHuge;
        if (attributes.writable) entry |= kWritable;
        if (attributes.user) entry |= kUser;
        if (attributes.global) entry |= kGlobal;
        if (!attributes.executable) entry |= kNoExecute;
        if (attributes.cache == mm::CachePolicy::kDevice) entry |= kDevice;
        return entry;
    }

    static mm::MappingAttributes leaf_attributes(Entry entry, unsigned) {
        mm::MappingAttributes attributes;
        attributes.writable = entry & kWritable;
        attributes.executable = !(entry & kNoExecute);
        attributes.user = entry & kUser;
        attributes.global = entry & kGlobal;
        attributes.cache =
            (entry & kDevice) == kDevice ? mm::CachePolicy::kDevice : mm::CachePolicy::kNormal;
        return attributes;
    }
};

}  // namespace hal::x86_64

#endif  // __ASSEMBLER__
