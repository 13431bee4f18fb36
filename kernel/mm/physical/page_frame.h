// The descriptor of one 4 KiB physical frame. Every frame of every zone has
// one, in the zone's descriptor array, so the array costs 24 bytes per 4 KiB
// (0.6% of RAM): keep it that small.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/debug/panic.h"

namespace kernel::mm {

// Blocks hold 2^order frames: orders 0..10 are 4 KiB .. 4 MiB.
inline constexpr unsigned kMaxOrder = 10;

// What the physical memory manager knows about a frame. Only the first frame
// of a block (its head) says free/allocated and carries the order; every
// other frame of a block is kTail, whatever the block's state. That keeps
// allocate() and free() O(1) per buddy level instead of touching every frame.
enum class FrameState : uint8_t {
    kReserved,   // never handed out (descriptor arrays)
    kFree,       // head of a free block on its zone's free list of `order`
    kAllocated,  // head of a block allocate() returned (or the BootAllocator took)
    kTail,       // any other frame of a free or allocated block
    // A free order-0 frame on a CPU's page list (cpu_page_cache.h): free
    // memory, but not on a zone list, so the buddy system must not merge it
    // (it is not kFree) and free() must reject it (it is not kAllocated).
    kCpuListed,
};

// What the owner of an allocated block uses it for; the allocator resets it
// to kGeneral on allocate() and never looks at it otherwise. Owners may add
// kinds here.
enum class FrameUsage : uint8_t {
    kGeneral,
    kSlab,        // a slab cache's block; `owner` is the Slab
    kKernelHeap,  // a large kmalloc block
    kPageTable,
    kUserMemory,  // anonymous or memory-object pages mapped into address spaces
};

class PageFrame {
public:
    // Free for whoever allocated the block (slab keeps its Slab* in every
    // frame of a slab block). The allocator sets it to nullptr in the head
    // frame on allocate() and free(), and never touches the other frames':
    // an owner that tags every frame clears them before freeing the block.
    void* owner = nullptr;

    FrameState state() const { return state_; }
    bool is_allocated_head() const { return state_ == FrameState::kAllocated; }
    // The block's order; meaningful for block heads (kFree, kAllocated) only.
    unsigned order() const { return order_; }
    uint32_t node() const { return node_; }

    FrameUsage usage() const { return usage_; }
    void set_usage(FrameUsage usage) { usage_ = usage; }

    // References to an allocated block (mappings sharing a copy-on-write
    // frame, for instance). allocate() returns blocks with one reference.
    uint32_t reference_count() const { return __atomic_load_n(&references_, __ATOMIC_RELAXED); }

    void add_reference() {
        uint32_t before = __atomic_fetch_add(&references_, 1, __ATOMIC_RELAXED);
        // Taking a reference needs one already: from zero it is a use after free.
        if (before == 0)
            panic("page frame %p: add_reference() on a frame with no references", this);
    }

    // Returns the references left; at zero the caller frees the block
    // (PhysicalMemory::release() does both).
    uint32_t drop_reference() {
        // Acquire-release: the last dropper sees every other holder's writes
        // before it frees (and possibly zeroes) the frame.
        uint32_t before = __atomic_fetch_sub(&references_, 1, __ATOMIC_ACQ_REL);
        if (before == 0) panic("page frame %p: reference count dropped below zero", this);
        return before - 1;
    }

private:
    friend class Zone;
    friend class PhysicalMemory;
    friend class CpuPageList;

    static constexpr uint32_t kNoFrame = 0xffffffff;

    void reset(uint32_t node, uint8_t zone) {
        owner = nullptr;
        next_free_ = kNoFrame;
        previous_free_ = kNoFrame;
        references_ = 0;
        order_ = 0;
        state_ = FrameState::kTail;
        split_ = false;
        usage_ = FrameUsage::kGeneral;
        node_ = static_cast<uint8_t>(node);
        zone_ = zone;
    }

    // Free-list neighbours while the frame heads a free block, as indices
    // into the zone's descriptor array (on a CPU page list: into the node's
    // descriptors, see CpuPageList): 32-bit indices instead of pointers
    // leave room for `owner` in 24 bytes.
    uint32_t next_free_ = kNoFrame;
    uint32_t previous_free_ = kNoFrame;
    uint32_t references_ = 0;
    uint8_t order_ : 4 = 0;  // 0..kMaxOrder
    FrameState state_ : 3 = FrameState::kTail;
    // Set by split_block() in every frame of the block, cleared when a block
    // is allocated: free() returns such a frame to the buddy lists at once,
    // not to a CPU page list, so the block can merge again as split_block()
    // promises (a huge page coming back 4 KiB by 4 KiB).
    bool split_ : 1 = false;
    FrameUsage usage_ = FrameUsage::kGeneral;
    uint8_t node_ = 0;  // fixed at initialize(), like zone_
    uint8_t zone_ = 0;  // index into PhysicalMemory's zones: free() finds the zone in O(1)
};

static_assert(kMaxOrder < 16, "PageFrame keeps the order in 4 bits");
static_assert(static_cast<unsigned>(FrameState::kCpuListed) < 8,
              "PageFrame keeps the state in 3 bits");
static_assert(sizeof(PageFrame) <= 24, "a descriptor per 4 KiB frame must stay small");

}  // namespace kernel::mm
