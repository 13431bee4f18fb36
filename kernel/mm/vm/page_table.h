// The page-table walker: builds and edits a tree of hardware page tables in
// any architecture's format (hal/page_table_format.h). Kernel code uses
// kernel::mm::PageTable, the walker over the target CPU's format; host tests
// instantiate PageTableOf<> with each architecture's format.
//
// What the walker keeps true about the tree it edits:
//  - a table page is reachable from exactly one entry (or is the root);
//  - no table below the root is empty, except those a root entry of the
//    kernel half points to: x86_64 and riscv64 copy those root entries into
//    every user root (hal::mm::initialize_user_root), so they must never
//    change once made;
//  - every entry is written with one 64-bit store, and a new table is fully
//    built before the entry linking it is stored, so a hardware walker on
//    another CPU never sees a half-made entry or table.
//
// What it leaves to the caller:
//  - locking: one caller at a time per tree (the address space's lock);
//  - TLB maintenance: map/unmap/protect report what they changed, the
//    caller flushes. Table pages go back through TablePageSource::free_table
//    before that flush; a source whose pages other CPUs could reuse at once
//    must hold them until the flush (see TablePageSource). A new mapping
//    needs no flush on x86_64 and aarch64, but riscv64 CPUs without Svvptc
//    may keep using a cached invalid entry until sfence.vma: flush after
//    map() there, or treat the fault that follows as spurious.
//
// Splitting a huge leaf replaces it with an equivalent table. Where the
// format demands break-before-make (aarch64: Format::kBreakBeforeMake) and
// the tree has a SplitFlusher (user address spaces do), the leaf is first
// made invalid and flushed, then the table is written; an access in between
// faults and is retried by the fault handler. Kernel trees have no flusher:
// breaking a block of the direct map that holds the very tables being
// written would fault the kernel, so kernel-half blocks are split in place,
// which is safe on CPUs with FEAT_BBM level 2 (and on QEMU).
//
// On aarch64 a tree holds one half only (a TTBR0 or a TTBR1 root): both
// halves index the root with the same address bits.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mapping_attributes.h"
#include "hal/mm.h"
#include "hal/page_table_format.h"
#include "kernel/lib/error.h"

namespace kernel::mm {

using hal::mm::PhysicalAddress;
using hal::mm::VirtualAddress;
using CachePolicy = hal::mm::CachePolicy;
using MappingAttributes = hal::mm::MappingAttributes;

enum class PageSize : uint8_t { k4KiB, k2MiB, k1GiB };

inline constexpr uint64_t page_size_bytes(PageSize size) {
    return uint64_t{1} << (12 + 9 * static_cast<unsigned>(size));
}

// Where page-table pages come from (the buddy allocator in the kernel, a
// counting fake in tests).
class TablePageSource {
public:
    // A zeroed, 4 KiB-aligned page reachable through the direct map.
    virtual os::ErrorOr<PhysicalAddress> allocate_table() = 0;
    // A page from allocate_table() the walker no longer links. Hardware
    // walkers may still hold it in their caches until the caller's TLB
    // flush, so a source shared between CPUs must not reuse it before then.
    virtual void free_table(PhysicalAddress table) = 0;

protected:
    ~TablePageSource() = default;
};

// Told about every leaf unmap() removes, so the owner can drop its frames.
class UnmapVisitor {
public:
    virtual void on_unmapped(VirtualAddress address, PhysicalAddress physical, PageSize size) = 0;

protected:
    ~UnmapVisitor() = default;
};

// True if `address` is in user space (below hal::mm::user_space_end()).
inline bool is_user_address(VirtualAddress address) {
    return address < hal::mm::user_space_end();
}
// True if [address, address + length) lies in user space, without wrapping.
inline bool is_user_range(VirtualAddress address, size_t length) {
    VirtualAddress end = hal::mm::user_space_end();
    return length <= end && address <= end - length;
}

// Told to invalidate the TLB entries of a huge leaf that is being split (see
// above), after the leaf was made invalid and before the table replaces it.
class SplitFlusher {
public:
    virtual void flush_split(VirtualAddress start, size_t length) = 0;

protected:
    ~SplitFlusher() = default;
};

// A page-table tree in format `Format`, identified by its root table. The
// object is a handle: copies refer to the same tables, and destroying one
// frees nothing (destroy_user_half() and the root's owner do).
template <typename Format>
class PageTableOf {
public:
    struct Translation {
        PhysicalAddress physical = 0;     // what the queried address translates to
        PageSize size = PageSize::k4KiB;  // the leaf that maps it
        MappingAttributes attributes;
    };

    // A new tree: an empty root from `source`.
    static os::ErrorOr<PageTableOf> create(TablePageSource& source);
    // Adopts an existing tree, e.g. hal::mm::kernel_root_table().
    PageTableOf(PhysicalAddress root, TablePageSource& source) : root_(root), source_(&source) {}

    PhysicalAddress root() const { return root_; }

    // Where break-before-make flushes go (nullptr: split in place).
    void set_split_flusher(SplitFlusher* flusher) { split_flusher_ = flusher; }

    // Maps one page of `size` at `address` (both addresses aligned to it).
    // Errors: kInvalidArgument (misaligned, non-canonical address, physical
    // address the format cannot hold), kUnsupported (the CPU lacks that page
    // size), kAlreadyExists (anything is mapped in the range: a leaf, or a
    // table under it), kOutOfMemory. On error the tree is unchanged.
    os::ErrorOr<void> map(VirtualAddress address, PhysicalAddress physical, PageSize size,
                          MappingAttributes attributes);

    // Maps [address, address + length) to physically contiguous memory at
    // `physical` with the largest pages alignment allows, up to `largest`.
    // Errors as map(), kInvalidArgument also for a length that is zero or
    // not a multiple of 4 KiB. On error nothing of the range is mapped.
    os::ErrorOr<void> map_range(VirtualAddress address, PhysicalAddress physical, size_t length,
                                MappingAttributes attributes, PageSize largest = PageSize::k1GiB);

    // Unmaps [start, start + length): splits huge leaves that straddle an
    // edge (the part outside keeps its translation and attributes), removes
    // every leaf inside, telling `visitor` about each, and frees tables that
    // become empty. Unmapped parts of the range are skipped. Returns how many
    // leaves were removed (0: nothing changed, no flush needed). Errors:
    // kInvalidArgument (zero length, misaligned, not inside one half of the
    // address space), kOutOfMemory (for a split; then nothing was removed).
    os::ErrorOr<size_t> unmap(VirtualAddress start, size_t length, UnmapVisitor& visitor);

    // Gives every leaf in [start, start + length) `attributes`, splitting
    // huge leaves that straddle an edge unless they already have them.
    // Unmapped parts are skipped. Returns how many leaves changed (0: no
    // flush needed). Errors as unmap(); on kOutOfMemory no leaf changed.
    os::ErrorOr<size_t> protect(VirtualAddress start, size_t length, MappingAttributes attributes);

    // Splits the huge leaves that contain `address` without starting there,
    // keeping every translation and attribute, so that a later unmap() or
    // protect() with an edge at `address` has nothing left to split and
    // cannot fail. For callers that must change several ranges all or
    // nothing (an address space's unmap and protect). Errors:
    // kInvalidArgument (not 4 KiB-aligned), kOutOfMemory (then some leaves
    // may be split already, which changes no translation).
    os::ErrorOr<void> split_huge_leaves_at(VirtualAddress address);

    // The translation of `address`; false if it is not mapped.
    bool query(VirtualAddress address, Translation* translation) const;

    // Frees every table of the lower half and clears the root's lower-half
    // entries. The pages leaves map are not touched; the root stays.
    void destroy_user_half();

private:
    using Entry = typename Format::Entry;

    static unsigned root_level() { return Format::levels() - 1; }
    static unsigned shift(unsigned level) {
        return Format::kPageShift + Format::kIndexBits * level;
    }
    static uint64_t span(unsigned level) { return uint64_t{1} << shift(level); }
    static size_t index(VirtualAddress address, unsigned level) {
        return (address >> shift(level)) & ((size_t{1} << Format::kIndexBits) - 1);
    }
    static Entry* entries(PhysicalAddress table) {
        return static_cast<Entry*>(hal::mm::physical_to_virtual(table));
    }
    static Entry load(const Entry* slot) { return __atomic_load_n(slot, __ATOMIC_RELAXED); }
    static void store(Entry* slot, Entry value) { __atomic_store_n(slot, value, __ATOMIC_RELAXED); }

    bool is_valid_range(VirtualAddress start, size_t length) const;
    bool is_shared_kernel_table(unsigned level, VirtualAddress address) const;
    os::ErrorOr<void> split_leaf(Entry* slot, unsigned level, VirtualAddress leaf_start);
    os::ErrorOr<void> split_at(VirtualAddress address, const MappingAttributes* unless_already);
    size_t unmap_in(PhysicalAddress table, unsigned level, VirtualAddress first,
                    VirtualAddress last, UnmapVisitor& visitor);
    size_t protect_in(PhysicalAddress table, unsigned level, VirtualAddress first,
                      VirtualAddress last, const MappingAttributes& attributes);
    static bool is_empty(PhysicalAddress table);
    void free_tree(PhysicalAddress table, unsigned level);

    PhysicalAddress root_;
    TablePageSource* source_;
    SplitFlusher* split_flusher_ = nullptr;
};

// The walker over the target CPU's format, for kernel code.
using PageTable = PageTableOf<hal::PageTableFormat>;
extern template class PageTableOf<hal::PageTableFormat>;

}  // namespace kernel::mm

#include "kernel/mm/vm/page_table_impl.h"
