// The owner tags the heap writes into the pages it takes from its
// PageSource. The low two bits say what the tag is, so a tag written by any
// other subsystem (a plain pointer: low bits 00, or nullptr) can never be
// mistaken for one of the heap's:
//
//   ....01  a Slab* (slab headers are at least 8-byte aligned);
//   ....11  a large kmalloc block; bits 2..7 hold its order.
#pragma once

#include <stdint.h>

namespace kernel::mm {

struct Slab;

namespace owner_tag {

inline constexpr uintptr_t kKindMask = 3;
inline constexpr uintptr_t kSlabKind = 1;
inline constexpr uintptr_t kLargeKind = 3;

inline void* for_slab(Slab* slab) {
    return reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(slab) | kSlabKind);
}

inline void* for_large_block(unsigned order) {
    return reinterpret_cast<void*>((uintptr_t{order} << 2) | kLargeKind);
}

// The slab a tag names, or nullptr if the tag is not a slab tag.
inline Slab* slab(void* tag) {
    uintptr_t value = reinterpret_cast<uintptr_t>(tag);
    if ((value & kKindMask) != kSlabKind) return nullptr;
    return reinterpret_cast<Slab*>(value & ~kKindMask);
}

inline bool is_large_block(void* tag) {
    return (reinterpret_cast<uintptr_t>(tag) & kKindMask) == kLargeKind;
}

inline unsigned large_block_order(void* tag) {
    return static_cast<unsigned>((reinterpret_cast<uintptr_t>(tag) >> 2) & 0x3f);
}

}  // namespace owner_tag
}  // namespace kernel::mm
