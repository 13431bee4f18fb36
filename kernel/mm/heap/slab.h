// One slab: a naturally aligned block of 2^order pages cut into equal
// objects, and the header that tracks which of them are free.
//
// Free objects of a slab form a singly linked list whose links live inside
// the free objects themselves (at SlabLayout::link_offset), so a slab needs
// no memory per object besides one "allocated" bit for the debug checks.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel::mm {

class SlabCache;

// Which of its cache's lists a slab is on; follows from in_use alone.
enum class SlabState : uint8_t { kEmpty, kPartial, kFull };

struct Slab {
    static constexpr uint32_t kMagic = 0x51ab51ab;

    uint32_t magic = kMagic;  // kMagic while the slab belongs to a cache
    uint16_t capacity = 0;    // objects in the slab
    uint16_t in_use = 0;      // objects not on free_list (handed out or in magazines)
    SlabState state = SlabState::kEmpty;
    SlabCache* cache = nullptr;
    uint8_t* block = nullptr;    // the page block
    uint8_t* objects = nullptr;  // object 0; object i is at objects + i * stride
    void* free_list = nullptr;   // first free object, nullptr if none
    Slab* previous = nullptr;    // neighbours on the cache's list for `state`
    Slab* next = nullptr;

    // One bit per object, set while a caller holds it (not while it sits in
    // a magazine). Follows the header; sized by SlabLayout::bitmap_words.
    // Updated with atomics: the free fast path clears bits without the lock.
    uint64_t* allocated_bits() { return reinterpret_cast<uint64_t*>(this + 1); }
};

// How a cache cuts its blocks; computed once when the cache is created.
struct SlabLayout {
    unsigned order = 0;            // a block is 2^order pages
    uint32_t stride = 0;           // bytes from one object to the next
    uint32_t link_offset = 0;      // where a free object keeps its free-list link
    uint32_t first_object = 0;     // offset of object 0 in the block
    uint32_t capacity = 0;         // objects per slab
    uint32_t bitmap_words = 0;     // uint64_t words of allocated bits
    bool off_slab_header = false;  // header comes from the header cache

    size_t block_bytes() const;
    size_t wasted_bytes() const;  // block bytes that hold no object
};

// The largest block a slab uses: 2^4 pages = 64 KiB.
inline constexpr unsigned kMaxSlabOrder = 4;
// Off-slab headers come from one fixed-size cache, so their bitmap is
// bounded: off-slab layouts hold at most this many objects.
inline constexpr uint32_t kOffSlabBitmapWords = 2;
inline constexpr size_t kOffSlabHeaderSize = sizeof(Slab) + kOffSlabBitmapWords * 8;

// Chooses the order and placement for objects of `size` bytes aligned to
// `alignment` (a power of two, at least 8). A constructed object's bytes must
// survive being freed, so with a constructor the link goes after the object
// instead of over its first word. `allow_off_slab` is false only for the
// header cache itself. Returns a layout with capacity 0 if no slab of at
// most kMaxSlabOrder fits one object.
SlabLayout choose_slab_layout(size_t size, size_t alignment, bool has_constructor,
                              bool allow_off_slab);

}  // namespace kernel::mm
