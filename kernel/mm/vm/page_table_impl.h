// PageTableOf's member definitions; included by page_table.h only.
//
// unmap() and protect() work in two phases so that running out of memory
// leaves every translation as it was: first split_at() splits the huge
// leaves straddling the two edges of the range (a split keeps every
// translation, so stopping halfway is harmless), then the range is edited
// leaf by leaf, which needs no memory and cannot fail.
#pragma once

#include "kernel/debug/panic.h"

namespace kernel::mm {

template <typename Format>
os::ErrorOr<PageTableOf<Format>> PageTableOf<Format>::create(TablePageSource& source) {
    PhysicalAddress root = TRY(source.allocate_table());
    return PageTableOf(root, source);
}

template <typename Format>
os::ErrorOr<void> PageTableOf<Format>::map(VirtualAddress address, PhysicalAddress physical,
                                           PageSize size, MappingAttributes attributes) {
    const unsigned level = static_cast<unsigned>(size);
    if (!Format::can_hold_leaf(level)) return os::Error::kUnsupported;
    if (address % span(level) != 0 || physical % span(level) != 0 ||
        !Format::is_canonical(address) || physical >= Format::kPhysicalAddressLimit) {
        return os::Error::kInvalidArgument;
    }

    // Follow the existing path down to the leaf's level or to its first gap.
    PhysicalAddress table = root_;
    unsigned at = root_level();
    for (; at > level; --at) {
        Entry entry = load(&entries(table)[index(address, at)]);
        if (Format::is_leaf(entry, at)) return os::Error::kAlreadyExists;
        if (!Format::is_table(entry, at)) break;
        table = Format::table_address(entry);
    }
    if (at == level) {
        Entry entry = load(&entries(table)[index(address, at)]);
        if (Format::is_leaf(entry, at) || Format::is_table(entry, at)) {
            return os::Error::kAlreadyExists;
        }
    }

    // Every missing table, for levels at-1 down to `level`, before touching
    // the tree: fresh[i] becomes the table at level at-1-i.
    PhysicalAddress fresh[3];  // at most root_level(): levels() <= 4
    const unsigned missing = at - level;
    for (unsigned i = 0; i < missing; ++i) {
        auto allocated = source_->allocate_table();
        if (allocated.is_error()) {
            while (i > 0)
                source_->free_table(fresh[--i]);
            return allocated.error();
        }
        fresh[i] = allocated.value();
    }

    // Fill the new tables bottom-up; the last store links them all into
    // the tree at once.
    Entry entry = Format::leaf_entry(physical, level, attributes);
    for (unsigned i = missing; i-- > 0;) {
        store(&entries(fresh[i])[index(address, at - 1 - i)], entry);
        entry = Format::table_entry(fresh[i]);
    }
    __atomic_store_n(&entries(table)[index(address, at)], entry, __ATOMIC_RELEASE);
    return {};
}

// Discards what unmap() reports: for undoing map_range()'s own mappings.
class IgnoreUnmapped final : public UnmapVisitor {
public:
    void on_unmapped(VirtualAddress, PhysicalAddress, PageSize) override {}
};

template <typename Format>
os::ErrorOr<void> PageTableOf<Format>::map_range(VirtualAddress address, PhysicalAddress physical,
                                                 size_t length, MappingAttributes attributes,
                                                 PageSize largest) {
    if (!is_valid_range(address, length) || physical % span(0) != 0) {
        return os::Error::kInvalidArgument;
    }
    for (size_t done = 0; done < length;) {
        unsigned level = static_cast<unsigned>(largest);
        while (level > 0 && (!Format::can_hold_leaf(level) || (address + done) % span(level) != 0 ||
                             (physical + done) % span(level) != 0 || length - done < span(level))) {
            --level;
        }
        auto mapped =
            map(address + done, physical + done, static_cast<PageSize>(level), attributes);
        if (mapped.is_error()) {
            // Only whole leaves of ours lie in [address, address + done), so
            // this unmap splits nothing and cannot fail.
            IgnoreUnmapped ignore;
            if (done > 0) KERNEL_ASSERT(!unmap(address, done, ignore).is_error());
            return mapped.error();
        }
        done += span(level);
    }
    return {};
}

template <typename Format>
os::ErrorOr<size_t> PageTableOf<Format>::unmap(VirtualAddress start, size_t length,
                                               UnmapVisitor& visitor) {
    if (!is_valid_range(start, length)) return os::Error::kInvalidArgument;
    const VirtualAddress last = start + (length - 1);
    TRY(split_at(start, nullptr));
    TRY(split_at(last + 1, nullptr));
    return unmap_in(root_, root_level(), start, last, visitor);
}

template <typename Format>
os::ErrorOr<size_t> PageTableOf<Format>::protect(VirtualAddress start, size_t length,
                                                 MappingAttributes attributes) {
    if (!is_valid_range(start, length)) return os::Error::kInvalidArgument;
    const VirtualAddress last = start + (length - 1);
    TRY(split_at(start, &attributes));
    TRY(split_at(last + 1, &attributes));
    return protect_in(root_, root_level(), start, last, attributes);
}

template <typename Format>
os::ErrorOr<void> PageTableOf<Format>::split_huge_leaves_at(VirtualAddress address) {
    if (address % span(0) != 0) return os::Error::kInvalidArgument;
    return split_at(address, nullptr);
}

template <typename Format>
bool PageTableOf<Format>::query(VirtualAddress address, Translation* translation) const {
    if (!Format::is_canonical(address)) return false;
    PhysicalAddress table = root_;
    for (unsigned level = root_level();; --level) {
        Entry entry = load(&entries(table)[index(address, level)]);
        if (Format::is_leaf(entry, level) && level <= Format::kHighestLeafLevel) {
            if (translation != nullptr) {
                translation->physical =
                    Format::leaf_address(entry, level) + (address & (span(level) - 1));
                translation->size = static_cast<PageSize>(level);
                translation->attributes = Format::leaf_attributes(entry, level);
            }
            return true;
        }
        if (level == 0 || !Format::is_table(entry, level)) return false;
        table = Format::table_address(entry);
    }
}

template <typename Format>
void PageTableOf<Format>::destroy_user_half() {
    const unsigned level = root_level();
    uint64_t user_entries = Format::lower_half_end() >> shift(level);
    Entry* root = entries(root_);
    for (size_t i = 0; i < user_entries && i < (size_t{1} << Format::kIndexBits); ++i) {
        Entry entry = load(&root[i]);
        if (entry == 0) continue;
        store(&root[i], 0);
        if (Format::is_table(entry, level)) free_tree(Format::table_address(entry), level - 1);
    }
}

// ---- Helpers ------------------------------------------------------------------

// A range the walker can edit: non-empty, 4 KiB-aligned, not wrapping, and
// inside one half of the address space (so it never crosses the hole).
template <typename Format>
bool PageTableOf<Format>::is_valid_range(VirtualAddress start, size_t length) const {
    VirtualAddress last;
    if (length == 0 || start % span(0) != 0 || length % span(0) != 0 ||
        !os::checked_add(start, VirtualAddress{length - 1}, &last)) {
        return false;
    }
    return Format::is_canonical(start) && Format::is_canonical(last) &&
           (start < Format::lower_half_end()) == (last < Format::lower_half_end());
}

// Tables that kernel-half root entries point to are copied into every user
// root (x86_64, riscv64), so they stay even when empty.
template <typename Format>
bool PageTableOf<Format>::is_shared_kernel_table(unsigned slot_level,
                                                 VirtualAddress address) const {
    return slot_level == root_level() && address >= Format::lower_half_end();
}

// Replaces the huge leaf in `slot` (at `level`) by a table of 512 leaves one
// level down with the same translations and attributes.
template <typename Format>
os::ErrorOr<void> PageTableOf<Format>::split_leaf(Entry* slot, unsigned level,
                                                  VirtualAddress leaf_start) {
    PhysicalAddress table = TRY(source_->allocate_table());
    const Entry leaf = load(slot);
    const PhysicalAddress base = Format::leaf_address(leaf, level);
    const MappingAttributes attributes = Format::leaf_attributes(leaf, level);
    Entry* children = entries(table);
    for (size_t i = 0; i < (size_t{1} << Format::kIndexBits); ++i) {
        store(&children[i], Format::leaf_entry(base + i * span(level - 1), level - 1, attributes));
    }
    if (Format::kBreakBeforeMake && split_flusher_ != nullptr) {
        __atomic_store_n(slot, Entry{0}, __ATOMIC_RELEASE);  // break
        split_flusher_->flush_split(leaf_start, span(level));
    }
    __atomic_store_n(slot, Format::table_entry(table), __ATOMIC_RELEASE);  // make
    return {};
}

// Splits the huge leaves that contain `address` without starting there, until
// no leaf straddles it. With `unless_already`, a leaf that already has those
// attributes is left whole (protect() would not change it anyway).
template <typename Format>
os::ErrorOr<void> PageTableOf<Format>::split_at(VirtualAddress address,
                                                const MappingAttributes* unless_already) {
    // No leaf is larger than the highest leaf level's, so none straddles an
    // address aligned to that (this also covers the top of the address
    // space, where the end of a range wraps to 0, and the hole's edges).
    if (address % span(Format::kHighestLeafLevel) == 0) return {};
    PhysicalAddress table = root_;
    for (unsigned level = root_level(); level > 0; --level) {
        Entry* slot = &entries(table)[index(address, level)];
        Entry entry = load(slot);
        if (Format::is_leaf(entry, level)) {
            if (address % span(level) == 0) return {};
            if (unless_already != nullptr &&
                Format::leaf_attributes(entry, level) == *unless_already) {
                return {};
            }
            TRY(split_leaf(slot, level, address & ~(span(level) - 1)));
            entry = load(slot);
        }
        if (!Format::is_table(entry, level)) return {};
        table = Format::table_address(entry);
    }
    return {};
}

// Removes the leaves of [first, last] under `table` (at `level`) and frees
// the tables that empties. Leaves lie wholly inside: split_at() saw to it.
template <typename Format>
size_t PageTableOf<Format>::unmap_in(PhysicalAddress table, unsigned level, VirtualAddress first,
                                     VirtualAddress last, UnmapVisitor& visitor) {
    size_t removed = 0;
    Entry* slots = entries(table);
    for (VirtualAddress address = first;;) {
        const VirtualAddress entry_start = address & ~(span(level) - 1);
        const VirtualAddress entry_last = entry_start + (span(level) - 1);
        const VirtualAddress part_last = entry_last < last ? entry_last : last;
        Entry* slot = &slots[index(address, level)];
        const Entry entry = load(slot);
        if (Format::is_leaf(entry, level)) {
            KERNEL_ASSERT(level <= Format::kHighestLeafLevel && entry_start >= first &&
                          entry_last <= last);
            store(slot, 0);
            visitor.on_unmapped(entry_start, Format::leaf_address(entry, level),
                                static_cast<PageSize>(level));
            ++removed;
        } else if (Format::is_table(entry, level)) {
            const PhysicalAddress child = Format::table_address(entry);
            removed += unmap_in(child, level - 1, address, part_last, visitor);
            if (is_empty(child) && !is_shared_kernel_table(level, address)) {
                store(slot, 0);
                source_->free_table(child);
            }
        }
        if (part_last == last) return removed;
        address = part_last + 1;
    }
}

// Rewrites the leaves of [first, last] under `table` (at `level`) that do
// not have `attributes` yet.
template <typename Format>
size_t PageTableOf<Format>::protect_in(PhysicalAddress table, unsigned level, VirtualAddress first,
                                       VirtualAddress last, const MappingAttributes& attributes) {
    size_t changed = 0;
    Entry* slots = entries(table);
    for (VirtualAddress address = first;;) {
        const VirtualAddress entry_start = address & ~(span(level) - 1);
        const VirtualAddress entry_last = entry_start + (span(level) - 1);
        const VirtualAddress part_last = entry_last < last ? entry_last : last;
        Entry* slot = &slots[index(address, level)];
        const Entry entry = load(slot);
        if (Format::is_leaf(entry, level)) {
            if (!(Format::leaf_attributes(entry, level) == attributes)) {
                KERNEL_ASSERT(entry_start >= first && entry_last <= last);
                store(slot,
                      Format::leaf_entry(Format::leaf_address(entry, level), level, attributes));
                ++changed;
            }
        } else if (Format::is_table(entry, level)) {
            changed +=
                protect_in(Format::table_address(entry), level - 1, address, part_last, attributes);
        }
        if (part_last == last) return changed;
        address = part_last + 1;
    }
}

template <typename Format>
bool PageTableOf<Format>::is_empty(PhysicalAddress table) {
    const Entry* slots = entries(table);
    for (size_t i = 0; i < (size_t{1} << Format::kIndexBits); ++i) {
        if (load(&slots[i]) != 0) return false;
    }
    return true;
}

template <typename Format>
void PageTableOf<Format>::free_tree(PhysicalAddress table, unsigned level) {
    if (level > 0) {
        const Entry* slots = entries(table);
        for (size_t i = 0; i < (size_t{1} << Format::kIndexBits); ++i) {
            Entry entry = load(&slots[i]);
            if (Format::is_table(entry, level)) free_tree(Format::table_address(entry), level - 1);
        }
    }
    source_->free_table(table);
}

}  // namespace kernel::mm
