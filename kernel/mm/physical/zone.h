// A zone: one physically contiguous run of usable frames on one NUMA node,
// with its own descriptor array and buddy free lists. Zones know nothing of
// locking; PhysicalMemory holds the node's lock around every call.
//
// Invariants (kept by allocate(), free() and add_free_run()):
//  - a block of order k starts at a physical frame number that is a multiple
//    of 2^k (buddies are computed on physical frame numbers, not on indices
//    into the zone), and lies entirely inside the zone;
//  - every free block is on exactly the list of its order, its head is kFree
//    with that order, and all its other frames are kTail;
//  - no free block has a free buddy of the same order inside the zone
//    (below kMaxOrder): free() merges them at once.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/mm/physical/page_frame.h"

namespace kernel::mm {

// Free memory of one node (summed over its zones).
struct FreeCounts {
    uint64_t pages = 0;
    uint64_t blocks[kMaxOrder + 1] = {};
};

class Zone {
public:
    static constexpr uint8_t kNoZone = 0xff;
    // Free-list links are 32-bit indices into the descriptor array; bigger
    // ranges (beyond 8 TiB) become several zones.
    static constexpr uint64_t kMaxFrames = uint64_t{1} << 31;

    constexpr Zone() = default;

    // Describes (or, to grow it, redescribes) the zone; set_frames() then
    // points it at its descriptor array of frame_count() entries, which
    // PhysicalMemory::initialize() fills.
    void set_up(uint64_t first_frame_number, uint64_t frame_count, uint32_t node) {
        first_frame_number_ = first_frame_number;
        frame_count_ = frame_count;
        node_ = node;
    }
    void set_frames(PageFrame* frames) { frames_ = frames; }

    uint64_t first_frame_number() const { return first_frame_number_; }
    uint64_t end_frame_number() const { return first_frame_number_ + frame_count_; }
    uint64_t frame_count() const { return frame_count_; }
    uint32_t node() const { return node_; }
    PageFrame* frames() const { return frames_; }

    bool contains(uint64_t frame_number) const {
        return frame_number - first_frame_number_ < frame_count_;  // unsigned: below wraps high
    }
    bool owns(const PageFrame* frame) const {
        return frame >= frames_ && frame < frames_ + frame_count_;
    }
    PageFrame* frame(uint64_t frame_number) const {
        return frames_ + (frame_number - first_frame_number_);
    }
    uint64_t frame_number(const PageFrame* frame) const {
        return first_frame_number_ + static_cast<uint64_t>(frame - frames_);
    }

    // Takes the smallest free block of at least 2^order frames, splitting
    // off and freeing the halves it does not need. Returns the head, now
    // kAllocated with one reference, or nullptr if no block is big enough.
    PageFrame* allocate(unsigned order, FreeCounts& counts);

    // Returns the block headed by `head` (kAllocated, checked by the caller)
    // and merges it with its free buddies.
    void free(PageFrame* head, FreeCounts& counts);

    // Makes every frame of the allocated block headed by `head` an
    // allocated order-0 block with one reference, the head's usage and the
    // split mark (PageFrame::split_; the caller checked `head`). Free counts
    // do not change: nothing is freed.
    void split(PageFrame* head);

    // Frees [first, first + count): frames of this zone that are kTail and
    // belong to no block yet (used once, by PhysicalMemory::initialize).
    void add_free_run(uint64_t first, uint64_t count, FreeCounts& counts);

    // Calls visit(head, order) for every free block, list by list.
    template <typename Visitor>
    void for_each_free_block(Visitor&& visit) const {
        for (unsigned order = 0; order <= kMaxOrder; ++order) {
            for (uint32_t index = free_lists_[order]; index != PageFrame::kNoFrame;
                 index = frames_[index].next_free_) {
                visit(static_cast<const PageFrame*>(&frames_[index]), order);
            }
        }
    }

    // Zones of one node form a chain, highest address first (see PhysicalMemory).
    uint8_t next_in_node = kNoZone;

private:
    static constexpr uint32_t kNoList = PageFrame::kNoFrame;
    static_assert(kMaxOrder == 10, "free_lists_ initializer lists every order");

    uint32_t index_of(const PageFrame* frame) const {
        return static_cast<uint32_t>(frame - frames_);
    }
    void push(PageFrame* head, unsigned order, FreeCounts& counts);
    void remove(PageFrame* head, unsigned order, FreeCounts& counts);

    uint64_t first_frame_number_ = 0;
    uint64_t frame_count_ = 0;
    PageFrame* frames_ = nullptr;
    uint32_t node_ = 0;
    // Bit k set <=> free_lists_[k] is not empty: allocate() finds the
    // smallest sufficient order with one count-trailing-zeros.
    uint32_t nonempty_orders_ = 0;
    // Doubly linked through PageFrame::next_free_/previous_free_ (indices
    // into frames_), so free() can unlink a buddy from the middle of its list
    // in O(1).
    uint32_t free_lists_[kMaxOrder + 1] = {kNoList, kNoList, kNoList, kNoList, kNoList, kNoList,
                                           kNoList, kNoList, kNoList, kNoList, kNoList};
};

}  // namespace kernel::mm
