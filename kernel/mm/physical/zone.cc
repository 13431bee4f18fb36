#include "kernel/mm/physical/zone.h"

namespace kernel::mm {

void Zone::push(PageFrame* head, unsigned order, FreeCounts& counts) {
    uint32_t index = index_of(head);
    uint32_t first = free_lists_[order];
    head->state_ = FrameState::kFree;
    head->order_ = static_cast<uint8_t>(order);
    head->next_free_ = first;
    head->previous_free_ = kNoList;
    if (first != kNoList) frames_[first].previous_free_ = index;
    free_lists_[order] = index;
    nonempty_orders_ |= 1u << order;
    ++counts.blocks[order];
}

void Zone::remove(PageFrame* head, unsigned order, FreeCounts& counts) {
    uint32_t next = head->next_free_;
    uint32_t previous = head->previous_free_;
    if (previous != kNoList) {
        frames_[previous].next_free_ = next;
    } else {
        free_lists_[order] = next;
        if (next == kNoList) nonempty_orders_ &= ~(1u << order);
    }
    if (next != kNoList) frames_[next].previous_free_ = previous;
    head->next_free_ = kNoList;
    head->previous_free_ = kNoList;
    --counts.blocks[order];
}

PageFrame* Zone::allocate(unsigned order, FreeCounts& counts) {
    uint32_t big_enough = nonempty_orders_ >> order;
    if (big_enough == 0) return nullptr;
    unsigned found = order + static_cast<unsigned>(__builtin_ctz(big_enough));
    PageFrame* head = &frames_[free_lists_[found]];
    remove(head, found, counts);

    // Keep the lower half, free the upper one, until the block fits. The
    // upper half of an aligned block of order k+1 is an aligned block of
    // order k, so the alignment invariant holds for every piece.
    while (found > order) {
        --found;
        push(head + (size_t{1} << found), found, counts);
    }

    head->state_ = FrameState::kAllocated;
    head->order_ = static_cast<uint8_t>(order);
    head->split_ = false;
    head->references_ = 1;
    head->owner = nullptr;
    head->usage_ = FrameUsage::kGeneral;
    counts.pages -= uint64_t{1} << order;
    return head;
}

void Zone::free(PageFrame* head, FreeCounts& counts) {
    unsigned order = head->order_;
    uint64_t number = frame_number(head);
    counts.pages += uint64_t{1} << order;
    head->references_ = 0;
    head->owner = nullptr;
    head->state_ = FrameState::kTail;  // until we know which frame heads the merged block

    // Merge while the buddy is a free block of the same order inside this
    // zone. A buddy outside the zone may be RAM of another zone or a hole:
    // either way it is not ours to merge with.
    while (order < kMaxOrder) {
        uint64_t buddy_number = number ^ (uint64_t{1} << order);
        if (!contains(buddy_number)) break;
        PageFrame* buddy = frame(buddy_number);
        if (buddy->state_ != FrameState::kFree || buddy->order_ != order) break;
        remove(buddy, order, counts);
        buddy->state_ = FrameState::kTail;
        number &= ~(uint64_t{1} << order);
        ++order;
    }
    push(frame(number), order, counts);
}

void Zone::split(PageFrame* head) {
    // A block lies inside one zone, so its descriptors are consecutive.
    size_t count = size_t{1} << head->order_;
    for (size_t i = 0; i < count; ++i) {
        PageFrame* frame = head + i;
        frame->state_ = FrameState::kAllocated;
        frame->order_ = 0;
        frame->split_ = true;  // free() returns it to the buddy lists (see PageFrame)
        frame->references_ = 1;
        frame->usage_ = head->usage_;
        if (i != 0) frame->owner = nullptr;  // tails' owner fields are stale (see PageFrame)
    }
}

void Zone::add_free_run(uint64_t first, uint64_t count, FreeCounts& counts) {
    // Cut the run into the largest naturally aligned blocks, left to right.
    // The result has no two free buddies of one order, like free() leaves it.
    uint64_t number = first;
    uint64_t end = first + count;
    while (number < end) {
        unsigned order = kMaxOrder;
        while (order > 0 && ((number & ((uint64_t{1} << order) - 1)) != 0 ||
                             number + (uint64_t{1} << order) > end)) {
            --order;
        }
        push(frame(number), order, counts);
        counts.pages += uint64_t{1} << order;
        number += uint64_t{1} << order;
    }
}

}  // namespace kernel::mm
