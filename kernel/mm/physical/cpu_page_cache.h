// Per-CPU page lists (Linux's per-CPU pagesets): each CPU keeps a short list
// of free order-0 frames of its own node, so the common single-page
// allocate() and free() take no node lock and touch no shared cache line.
// PhysicalMemory owns one list per CPU; its side of them (the hit paths in
// physical_memory.cc, refill and drain in cpu_page_cache.cc) keeps these
// rules:
//
//  - Only the CPU itself touches its list, with interrupts masked
//    (InterruptGuard) so that an interrupt handler on that CPU cannot
//    interleave; no lock. A list changes under its node's lock as well when
//    it is refilled or drained, since the frames move to or from the node's
//    buddy lists.
//  - Draining another CPU's list (drain_cpu_lists(), set_cpu_node(), and
//    before an allocation fails) is only safe while that CPU cannot run the
//    allocator: true today, when only the boot CPU allocates (the others
//    idle in secondary_main() until there is a scheduler), and in host
//    tests, whose simulated CPUs take turns on one thread. Once other CPUs
//    allocate, it must become a cross-call (an IPI) that has every CPU
//    drain its own list, as Linux's drain_all_pages() does.
//  - A list holds frames of one node only, its CPU's (cpu_nodes_), and
//    never more than CpuPageListLimits::high of them.
//  - A listed frame is kCpuListed, order 0, without references or owner:
//    free memory in every statistic, invisible to the buddy system (it is
//    not kFree, so no buddy merges with it) and rejected by free() as a
//    double free (it is not kAllocated).
//  - Before any allocation fails with kOutOfMemory, the lists of every node
//    it may use are drained and it is tried once more: memory is never lost
//    on a CPU list.
#pragma once

#include <stdint.h>

#include "kernel/mm/physical/page_frame.h"

namespace kernel::mm {

// How many frames a CPU's list moves at once and how many it may hold.
// The defaults are Linux's classic per-CPU pageset figures, for the same
// reasons:
//  - batch 31: a refill or drain takes the node lock once and walks the
//    buddy lists 31 times, which spreads the lock and the shared cache
//    lines over 31 operations. A refill takes its frames in the order the
//    buddy lists give them, so a batch is mostly one run of neighbours
//    (31 of an order-5 block) and merges back as a run when drained.
//  - high = 6 batches: between an empty list (refilled to 31) and a full
//    one (drained to 155) lie 155 frames of slack, so no mix of
//    allocations and frees can bounce a list between refill and drain;
//    a burst of frees (an address space going away) drains one batch per
//    31 frees. The cost is at most 186 frames (744 KiB) per CPU kept from
//    merging: 0.15% of a 512 MiB machine per CPU, and never lost (see above).
struct CpuPageListLimits {
    uint32_t batch = 31;  // frames per refill and per drain; 1..high
    uint32_t high = 186;  // the most a list holds; 0 turns the lists off (batch 0 too)
};

// One CPU's list: a LIFO of free order-0 frames of one node, doubly linked
// through the frames' free-list fields. The links are 32-bit indices into
// the node's descriptors, which are one run per node (physical_memory_setup.cc),
// so a list may hold frames of every zone of its node. The hot end is
// where frees push and allocations pop (the most recently used frame, warm
// in the cache, is reused first); drains take from the cold end.
class CpuPageList {
public:
    constexpr CpuPageList() = default;
    CpuPageList(const CpuPageList&) = delete;
    CpuPageList& operator=(const CpuPageList&) = delete;

    // The first descriptor of the node whose frames the list holds; only
    // while the list is empty.
    void set_node_frames(PageFrame* node_frames) { node_frames_ = node_frames; }

    bool empty() const { return hot_ == PageFrame::kNoFrame; }
    // Read by statistics on any CPU, written by the owner: atomic.
    uint32_t count() const { return __atomic_load_n(&count_, __ATOMIC_RELAXED); }

    // A freed frame (an allocated order-0 head, checked by the caller)
    // becomes kCpuListed at the hot end.
    void put(PageFrame* frame) {
        make_listed(frame);
        uint32_t index = index_of(frame);
        frame->previous_free_ = PageFrame::kNoFrame;
        frame->next_free_ = hot_;
        if (hot_ != PageFrame::kNoFrame) {
            frame_at(hot_)->previous_free_ = index;
        } else {
            cold_ = index;
        }
        hot_ = index;
        set_count(count_ + 1);
    }

    // A frame a refill just took from the buddy lists goes to the cold end:
    // a refill's frames then come out in the order the buddy lists gave them.
    void put_cold(PageFrame* frame) {
        make_listed(frame);
        uint32_t index = index_of(frame);
        frame->next_free_ = PageFrame::kNoFrame;
        frame->previous_free_ = cold_;
        if (cold_ != PageFrame::kNoFrame) {
            frame_at(cold_)->next_free_ = index;
        } else {
            hot_ = index;
        }
        cold_ = index;
        set_count(count_ + 1);
    }

    // The hot end's frame as an allocated order-0 block with one reference,
    // as Zone::allocate() hands them out. The list must not be empty.
    PageFrame* take() {
        PageFrame* frame = frame_at(hot_);
        hot_ = frame->next_free_;
        if (hot_ != PageFrame::kNoFrame) {
            frame_at(hot_)->previous_free_ = PageFrame::kNoFrame;
        } else {
            cold_ = PageFrame::kNoFrame;
        }
        set_count(count_ - 1);
        frame->state_ = FrameState::kAllocated;
        frame->references_ = 1;
        frame->owner = nullptr;
        frame->usage_ = FrameUsage::kGeneral;
        return frame;
    }

    // The cold end's frame, still kCpuListed: a drain hands it to
    // Zone::free(). The list must not be empty.
    PageFrame* take_cold() {
        PageFrame* frame = frame_at(cold_);
        cold_ = frame->previous_free_;
        if (cold_ != PageFrame::kNoFrame) {
            frame_at(cold_)->next_free_ = PageFrame::kNoFrame;
        } else {
            hot_ = PageFrame::kNoFrame;
        }
        set_count(count_ - 1);
        return frame;
    }

    // Calls visit(frame) for every listed frame, hot end first. Not
    // synchronized: for quiescent allocators (tests).
    template <typename Visitor>
    void for_each(Visitor&& visit) const {
        for (uint32_t index = hot_; index != PageFrame::kNoFrame;
             index = frame_at(index)->next_free_) {
            visit(static_cast<const PageFrame*>(frame_at(index)));
        }
    }

private:
    static void make_listed(PageFrame* frame) {
        frame->state_ = FrameState::kCpuListed;
        frame->order_ = 0;
        frame->references_ = 0;
        frame->owner = nullptr;
    }
    uint32_t index_of(const PageFrame* frame) const {
        return static_cast<uint32_t>(frame - node_frames_);
    }
    PageFrame* frame_at(uint32_t index) const { return node_frames_ + index; }
    void set_count(uint32_t count) { __atomic_store_n(&count_, count, __ATOMIC_RELAXED); }

    PageFrame* node_frames_ = nullptr;
    uint32_t hot_ = PageFrame::kNoFrame;  // index of the most recently pushed frame
    uint32_t cold_ = PageFrame::kNoFrame;
    uint32_t count_ = 0;
};

}  // namespace kernel::mm
