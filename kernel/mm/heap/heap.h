// The kernel object allocator: a registry of named slab caches, the caches
// kmalloc's size classes use, and large allocations straight from the page
// source. The kernel has one Heap (kmalloc.h); host tests make their own.
//
// kmalloc alignment guarantee: allocate(n) returns memory aligned to the
// largest power of two dividing n's size class, i.e. to at least 16 bytes,
// and to n itself when n is a power of two from 16 to 8 KiB. Allocations
// above 8 KiB are whole page blocks, aligned to their block size (the next
// power of two of pages). allocate_aligned() serves any power-of-two
// alignment.
//
// Lock order: registry lock -> a cache's lock -> the metadata caches' locks
// (magazines, off-slab headers) -> the page source.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/mm/heap/owner_tag.h"
#include "kernel/mm/heap/page_source.h"
#include "kernel/mm/heap/slab_cache.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

struct LargeAllocationStatistics {
    uint64_t blocks = 0;  // outstanding large allocations
    uint64_t pages = 0;   // pages they hold
    uint64_t allocations = 0;
    uint64_t frees = 0;
};

class Heap {
public:
    // Size classes: 16, 32, 64, 96, 128, 192, 256, 512, 1 Ki, 2 Ki, 4 Ki, 8 Ki.
    static constexpr size_t kSizeClassCount = 12;
    static constexpr size_t kMaxSizeClass = 8192;
    // The largest block a large allocation may use (4 MiB, the buddy's top).
    static constexpr unsigned kMaxLargeOrder = 10;

    // Makes only the metadata caches; takes no memory yet.
    explicit Heap(PageSource& pages);
    // Destroys every cache; panics if any still has objects in use. Large
    // allocations still outstanding are not tracked and stay allocated.
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Creates the size-class caches and the page-table cache.
    os::ErrorOr<void> initialize();

    // A new cache, registered under config.name (unique, shorter than
    // kMaxCacheName). The kernel's object caches are made by the code that
    // owns each type, under these names so statistics read alike:
    // "address-space", "region", "memory-object", "thread", "ipc-message"
    // (see ObjectCache in object_cache.h). The heap itself makes
    // "page-table" and the kmalloc-* size classes.
    //
    // kInvalidArgument for a zero or too large size (objects
    // must fit a 64 KiB slab), an alignment that is not a power of two or a
    // bad name; kAlreadyExists for a taken name; kOutOfMemory.
    os::ErrorOr<SlabCache*> create_cache(const CacheConfig& config);
    // Destroys a cache from create_cache(); all its objects must be free.
    void destroy_cache(SlabCache* cache);
    // The registered cache called `name`, or nullptr.
    SlabCache* find_cache(const char* name) const;

    // kmalloc: nullptr when out of memory or above 4 MiB. allocate(0)
    // returns a 16-byte object.
    inline void* allocate(size_t size);
    // `alignment` must be a power of two (nullptr otherwise).
    void* allocate_aligned(size_t size, size_t alignment);
    // kfree: `pointer` must come from allocate()/allocate_aligned();
    // nullptr is ignored. Panics on a pointer the heap does not own.
    inline void free(void* pointer);

    // 4 KiB objects aligned to 4 KiB, for page tables.
    SlabCache& page_table_cache() { return *page_table_cache_; }
    // The size class serving `size` (<= kMaxSizeClass).
    inline SlabCache& size_class_for(size_t size);

    // shrink() on every cache, metadata caches last. Returns pages released.
    // Same condition as SlabCache::drain.
    size_t shrink();

    // Calls `visit` with the statistics of every registered cache.
    void visit_caches(void (*visit)(const CacheStatistics&, void* context), void* context) const;
    LargeAllocationStatistics large_statistics() const;
    // A table of every cache's statistics on the kernel console.
    void print_statistics() const;

    PageSource& pages() { return pages_; }

private:
    void* allocate_large(size_t size, unsigned minimum_order);
    // free() of anything but a slab object: a large block, or a panic.
    void free_not_in_slab(void* pointer, void* owner);
    void check_kmalloc_slab(void* pointer, const Slab* slab) const;
    void free_large(void* pointer, unsigned order);
    void register_cache_locked(SlabCache* cache);
    void unregister_cache_locked(SlabCache* cache);
    SlabCache* find_cache_locked(const char* name) const;
    bool is_metadata_cache(const SlabCache* cache) const;

    PageSource& pages_;
    // Metadata caches, in dependency order (members are destroyed in
    // reverse): off-slab headers, magazines, then the SlabCache objects of
    // create_cache().
    SlabCache header_cache_;
    SlabCache magazine_cache_;
    SlabCache cache_cache_;
    SlabCache* size_classes_[kSizeClassCount] = {};
    SlabCache* page_table_cache_ = nullptr;

    mutable SpinLock registry_lock_;
    SlabCache* registry_head_ = nullptr;  // guarded by registry_lock_

    mutable SpinLock large_lock_;
    LargeAllocationStatistics large_;  // guarded by large_lock_
};

// ---- Inline paths -------------------------------------------------------

inline SlabCache& Heap::size_class_for(size_t size) {
    // Sizes up to 192 in 16-byte steps, with the 96 and 192 classes.
    static constexpr uint8_t kSmallClass[13] = {0, 0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5};
    if (size <= 192) return *size_classes_[kSmallClass[(size + 15) >> 4]];
    // Powers of two from 256 (class 6) up: ceil(log2(size)) - 8 + 6.
    unsigned log2 = 64 - static_cast<unsigned>(__builtin_clzll(size - 1));
    return *size_classes_[log2 - 2];
}

inline void Heap::free(void* pointer) {
    if (pointer == nullptr) return;
    // The page's owner tag leads to the slab, and the slab to its cache.
    void* owner = pages_.owner_of(pointer);
    if (Slab* slab = owner_tag::slab(owner)) [[likely]] {
        if constexpr (kAllocatorChecks) check_kmalloc_slab(pointer, slab);
        slab->cache->free(pointer);
        return;
    }
    free_not_in_slab(pointer, owner);
}

inline void* Heap::allocate(size_t size) {
    if (size <= kMaxSizeClass) [[likely]] {
        return size_class_for(size).allocate();
    }
    return allocate_large(size, 0);
}

}  // namespace kernel::mm
