// The sparse page list of a memory object: page index -> PageFrame*.
//
// A radix tree of 512-slot nodes, one 4 KiB frame each (the same shape as a
// page table, for the same reason: sparse, no heap, fast to walk). The tree
// has just enough levels for the object's page count: 1 level covers 2 MiB,
// 2 levels 1 GiB, 3 levels 512 GiB, 4 levels the whole user half.
//
// Ownership: every frame stored in the list carries one reference that the
// list owns. insert() takes over the caller's reference; remove_range()
// hands each removed frame's reference to the caller's visitor; clear()
// drops them all.
//
// Not synchronised: the owning MemoryObject's lock protects it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::mm {

class PhysicalMemory;
class PageFrame;

class PageList {
public:
    // Visits one present page: its index and frame.
    using Visitor = void (*)(void* context, uint64_t index, PageFrame* frame);

    PageList(PhysicalMemory& frames, uint64_t page_count);
    ~PageList();  // clear()s
    PageList(const PageList&) = delete;
    PageList& operator=(const PageList&) = delete;

    uint64_t page_count() const { return page_count_; }
    uint64_t resident_pages() const { return resident_pages_; }

    // The frame at `index`, or nullptr if the page is not present.
    PageFrame* find(uint64_t index) const;

    // Stores `frame` at the empty slot `index`; kOutOfMemory if a tree node
    // cannot be allocated (the list is unchanged but may keep empty nodes).
    os::ErrorOr<void> insert(uint64_t index, PageFrame* frame);

    // Puts `frame` where a present page is and returns the old one (whose
    // reference passes to the caller).
    PageFrame* replace(uint64_t index, PageFrame* frame);

    // Calls `visit` for each present page in [first, first + count), in
    // index order. `visit` must not change the list.
    template <typename Function>
    void for_each(uint64_t first, uint64_t count, Function&& visit) const {
        walk(first, count, false, trampoline<Function>, &visit);
    }

    // Removes every present page in [first, first + count), handing each
    // frame (and its reference) to `take`; frees tree nodes the range covers
    // entirely.
    template <typename Function>
    void remove_range(uint64_t first, uint64_t count, Function&& take) {
        walk(first, count, true, trampoline<Function>, &take);
    }

    // Drops every page's reference and frees every node.
    void clear();

private:
    static constexpr unsigned kBitsPerLevel = 9;
    static constexpr size_t kSlots = size_t{1} << kBitsPerLevel;

    struct Node {
        void* slots[kSlots];  // interior: Node*; last level: PageFrame*
    };

    template <typename Function>
    static void trampoline(void* context, uint64_t index, PageFrame* frame) {
        (*static_cast<Function*>(context))(index, frame);
    }

    void walk(uint64_t first, uint64_t count, bool remove, Visitor visitor, void* context) const;
    // Returns true if the subtree became empty and `node` was freed.
    bool walk_node(Node* node, unsigned level, uint64_t node_base, uint64_t first, uint64_t last,
                   bool remove, Visitor visitor, void* context) const;
    void** slot_for(uint64_t index, bool create);
    Node* allocate_node() const;
    void free_node(Node* node) const;
    static uint64_t span_of_level(unsigned level) {
        return uint64_t{1} << (kBitsPerLevel * (level + 1));
    }
    static size_t slot_index(uint64_t index, unsigned level) {
        return (index >> (kBitsPerLevel * level)) & (kSlots - 1);
    }

    PhysicalMemory& frames_;
    uint64_t page_count_;
    unsigned top_level_;  // levels are counted from 0 (the leaves)
    mutable Node* root_ = nullptr;
    mutable uint64_t resident_pages_ = 0;
};

}  // namespace kernel::mm
