#include "kernel/mm/heap/slab.h"

#include "kernel/lib/utility.h"
#include "kernel/mm/heap/page_source.h"

namespace kernel::mm {
namespace {

using hal::mm::kPageShift;
using hal::mm::kPageSize;

// Objects at or above this stride get their header off the slab when that
// saves room (Bonwick's rule: a header inside would cost a large object).
constexpr uint32_t kOffSlabThreshold = 512;
// A slab should hold at least this many objects, so that slab creation and
// the cache lock stay rare...
constexpr uint32_t kPreferredObjects = 8;
// ...and waste at most 1/16 of its block.
constexpr size_t kWasteDivisor = 16;

uint32_t words_for(uint32_t objects) {
    return (objects + 63) / 64;
}

SlabLayout on_slab(unsigned order, uint32_t stride, size_t alignment) {
    SlabLayout layout;
    layout.order = order;
    layout.stride = stride;
    size_t block = kPageSize << order;
    // Size the bitmap for an upper bound of the count; the real count can
    // only be lower, so the reserved header always suffices.
    uint32_t bound = static_cast<uint32_t>(block / stride);
    size_t header = sizeof(Slab) + size_t{words_for(bound)} * 8;
    size_t first = os::align_up(header, alignment);
    if (first >= block) return layout;  // capacity 0
    layout.first_object = static_cast<uint32_t>(first);
    layout.capacity = static_cast<uint32_t>((block - first) / stride);
    layout.bitmap_words = words_for(bound);
    return layout;
}

SlabLayout off_slab(unsigned order, uint32_t stride) {
    SlabLayout layout;
    layout.order = order;
    layout.stride = stride;
    layout.off_slab_header = true;
    uint32_t capacity = static_cast<uint32_t>((kPageSize << order) / stride);
    if (words_for(capacity) > kOffSlabBitmapWords) return layout;  // capacity 0
    layout.capacity = capacity;
    layout.bitmap_words = kOffSlabBitmapWords;
    return layout;
}

// The better layout of one order: on-slab unless the header would cost
// objects.
SlabLayout best_of_order(unsigned order, uint32_t stride, size_t alignment, bool allow_off_slab) {
    SlabLayout inside = on_slab(order, stride, alignment);
    if (!allow_off_slab || stride < kOffSlabThreshold) return inside;
    SlabLayout outside = off_slab(order, stride);
    return outside.capacity > inside.capacity ? outside : inside;
}

bool waste_is_small(const SlabLayout& layout) {
    return layout.wasted_bytes() * kWasteDivisor <= layout.block_bytes();
}

// True if `a` wastes a smaller fraction of its block than `b`.
bool wastes_less(const SlabLayout& a, const SlabLayout& b) {
    return a.wasted_bytes() * b.block_bytes() < b.wasted_bytes() * a.block_bytes();
}

}  // namespace

size_t SlabLayout::block_bytes() const {
    return kPageSize << order;
}

size_t SlabLayout::wasted_bytes() const {
    return block_bytes() - size_t{capacity} * stride;
}

SlabLayout choose_slab_layout(size_t size, size_t alignment, bool has_constructor,
                              bool allow_off_slab) {
    size_t object = os::align_up(os::max(size, sizeof(void*)), sizeof(void*));
    size_t link_offset = 0;
    if (has_constructor) {
        link_offset = object;
        object += sizeof(void*);
    }
    size_t stride = os::align_up(object, alignment);
    SlabLayout none;
    if (stride > (kPageSize << kMaxSlabOrder)) return none;

    // The smallest order that holds enough objects with little waste;
    // failing that, the order wasting the smallest fraction.
    SlabLayout best;
    for (unsigned order = 0; order <= kMaxSlabOrder; ++order) {
        SlabLayout layout =
            best_of_order(order, static_cast<uint32_t>(stride), alignment, allow_off_slab);
        if (layout.capacity == 0) continue;
        layout.link_offset = static_cast<uint32_t>(link_offset);
        if (layout.capacity >= kPreferredObjects && waste_is_small(layout)) return layout;
        if (best.capacity == 0 || wastes_less(layout, best)) best = layout;
    }
    return best;
}

}  // namespace kernel::mm
