// The debug checks of SlabCache (see debug_checks.h for what they catch).
// Only called when kAllocatorChecks is true; slow by design (divisions, a
// page-source lookup per free, byte loops over whole objects).
#include "kernel/debug/panic.h"
#include "kernel/mm/heap/owner_tag.h"
#include "kernel/mm/heap/slab_cache.h"

namespace kernel::mm {
namespace {

uint64_t bit_of(size_t index) {
    return uint64_t{1} << (index % 64);
}

// Objects are 8-byte aligned and poison ranges start and end on word
// boundaries (poison_bytes_ is whole words; the link word is one), so both
// loops go a word at a time: a 4 KiB object costs 512 stores, not 4096.
// may_alias: the words overlay whatever types the objects held.
using PoisonWord [[gnu::may_alias]] = uint64_t;
constexpr PoisonWord kPoisonWord = 0x0101010101010101ull * kPoisonByte;

}  // namespace

size_t SlabCache::object_index(const Slab* slab, const void* object) const {
    return static_cast<size_t>(static_cast<const uint8_t*>(object) - slab->objects) /
           layout_.stride;
}

void SlabCache::fill_poison(void* object, size_t begin, size_t end) const {
    auto* words = static_cast<PoisonWord*>(object);
    for (size_t i = begin / 8; i < end / 8; ++i)
        words[i] = kPoisonWord;
}

void SlabCache::check_poison(const void* object, size_t begin, size_t end, const char* when) const {
    const auto* words = static_cast<const PoisonWord*>(object);
    size_t word = begin / 8;
    size_t last = end / 8;
    // Eight words per test, without early exits, so the compiler can keep
    // the loop tight (or vectorise it); the exact byte is found afterwards.
    for (; word + 8 <= last; word += 8) {
        PoisonWord difference = 0;
        for (size_t i = 0; i < 8; ++i)
            difference |= words[word + i] ^ kPoisonWord;
        if (difference != 0) break;
    }
    const auto* bytes = static_cast<const uint8_t*>(object);
    for (size_t i = word * 8; i < end; ++i) {
        if (bytes[i] == kPoisonByte) continue;
        panic(
            "heap: use after free in cache '%s': object %p was written after it was "
            "freed (byte %zu is 0x%02x, not the poison 0x%02x), found when %s",
            name_, object, i, bytes[i], kPoisonByte, when);
    }
}

void SlabCache::check_free(void* object) {
    if (object == nullptr) panic("heap: free of a null pointer to cache '%s'", name_);
    void* tag = backing_.pages->owner_of(object);
    Slab* slab = owner_tag::slab(tag);
    if (slab == nullptr) {
        panic("heap: free of %p to cache '%s': not a heap object (foreign pointer%s)", object,
              name_, owner_tag::is_large_block(tag) ? ": a large kmalloc block" : "");
    }
    if (slab->magic != Slab::kMagic) {
        panic("heap: free of %p to cache '%s': its slab header %p is corrupt (magic 0x%x)", object,
              name_, static_cast<void*>(slab), slab->magic);
    }
    if (slab->cache != this) {
        panic("heap: free of %p to cache '%s': the object belongs to cache '%s'", object, name_,
              slab->cache->name_);
    }
    auto* byte = static_cast<uint8_t*>(object);
    size_t end = size_t{slab->capacity} * layout_.stride;
    if (byte < slab->objects || static_cast<size_t>(byte - slab->objects) >= end) {
        panic("heap: free of %p to cache '%s': not an object (slab header or tail of slab %p)",
              object, name_, static_cast<void*>(slab->block));
    }
    size_t offset = static_cast<size_t>(byte - slab->objects) % layout_.stride;
    if (offset != 0) {
        panic("heap: free of %p to cache '%s': interior pointer, %zu bytes into the object at %p",
              object, name_, offset, static_cast<void*>(byte - offset));
    }
    size_t index = object_index(slab, object);
    uint64_t* word = &slab->allocated_bits()[index / 64];
    uint64_t before = __atomic_fetch_and(word, ~bit_of(index), __ATOMIC_RELAXED);
    if ((before & bit_of(index)) == 0) {
        panic("heap: double free of %p in cache '%s' (object %zu of slab %p)", object, name_, index,
              static_cast<void*>(slab->block));
    }
    if (poisons()) fill_poison(object, 0, poison_bytes_);
}

void SlabCache::check_allocated(void* object) {
    if (poisons()) check_poison(object, 0, poison_bytes_, "it was allocated again");
    Slab* slab = slab_of(object);
    size_t index = object_index(slab, object);
    uint64_t* word = &slab->allocated_bits()[index / 64];
    uint64_t before = __atomic_fetch_or(word, bit_of(index), __ATOMIC_RELAXED);
    if ((before & bit_of(index)) != 0) {
        panic("heap: cache '%s' handed out %p while it was allocated (heap state corrupt)", name_,
              object);
    }
}

// `object` is on the free list of `slab`; its link must name another free
// object of the same slab or end the list.
void SlabCache::check_free_link(Slab* slab, void* object) {
    if (object == nullptr) {
        panic("heap: cache '%s': slab %p has an empty free list with %u of %u objects in use",
              name_, static_cast<void*>(slab->block), slab->in_use, slab->capacity);
    }
    auto* next = static_cast<uint8_t*>(*link_of(object));
    if (next == nullptr) return;
    size_t end = size_t{slab->capacity} * layout_.stride;
    size_t offset = static_cast<size_t>(next - slab->objects);
    bool valid = next >= slab->objects && offset < end && offset % layout_.stride == 0 &&
                 (slab->allocated_bits()[offset / layout_.stride / 64] &
                  bit_of(offset / layout_.stride)) == 0;
    if (valid) return;
    if (poisons()) {
        panic(
            "heap: use after free in cache '%s': object %p was written after it was freed "
            "(byte %u, its free-list link, reads %p)",
            name_, object, layout_.link_offset, static_cast<void*>(next));
    }
    panic(
        "heap: cache '%s': free-list link of object %p (at byte %u) reads %p: written after "
        "free or overrun by the object before it",
        name_, object, layout_.link_offset, static_cast<void*>(next));
}

}  // namespace kernel::mm
