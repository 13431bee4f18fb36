// A slab cache: objects of one size and alignment, carved from slabs
// (slab.h), with per-CPU magazines in front (Bonwick & Adams, "Magazines and
// Vmem", 2001).
//
// Layers, fastest first:
//  1. Per CPU, a `loaded` and a `previous` magazine: arrays of free object
//     pointers. allocate() pops from `loaded`, free() pushes onto it; when
//     `loaded` is empty (full) and `previous` is full (empty) the two swap.
//     This layer only masks interrupts: no lock, no shared cache line.
//  2. The depot: lists of full and empty magazines shared by all CPUs.
//  3. The slab layer: full, partial and empty slabs. Empty slabs beyond
//     CacheConfig::max_empty_slabs go back to the PageSource.
// Layers 2 and 3 are guarded by the cache's SpinLock.
//
// Constructor and destructor follow Bonwick's object caching: the
// constructor runs once per object when its slab is created, the destructor
// once when the slab is released. A free object stays constructed, so a
// caller must return objects in their constructed state.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/mm/heap/debug_checks.h"
#include "kernel/mm/heap/page_source.h"
#include "kernel/mm/heap/slab.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

using ObjectConstructor = void (*)(void* object);
using ObjectDestructor = void (*)(void* object);

struct CacheConfig {
    const char* name = "";  // copied (up to kMaxCacheName - 1 characters)
    size_t size = 0;        // bytes per object, 1 .. 64 KiB
    size_t alignment = 8;   // a power of two; anything below 8 means 8
    // Run with the cache's lock held and interrupts masked, once per object
    // when its slab is made / released: keep them short, and never allocate
    // from or free to this cache in them.
    ObjectConstructor constructor = nullptr;
    ObjectDestructor destructor = nullptr;
    // Empty slabs the cache keeps for reuse before it returns them.
    uint32_t max_empty_slabs = 2;
    // False only for the heap's own metadata caches (magazines, off-slab
    // headers), which cannot be fronted by magazines themselves.
    bool per_cpu = true;
};

inline constexpr size_t kMaxCacheName = 32;
// current_cpu_index() must stay below this; the per-CPU state is inline.
inline constexpr uint32_t kMaxHeapCpus = hal::kMaxCpus;

struct Magazine {
    static constexpr uint32_t kMaxRounds = 30;  // 256 bytes per magazine

    Magazine* next = nullptr;  // on a depot list
    uint32_t count = 0;        // rounds[0 .. count) hold free objects
    uint32_t capacity = 0;     // <= kMaxRounds; 0 only for the placeholder
    void* rounds[kMaxRounds];
};

struct CacheStatistics {
    const char* name = "";
    size_t object_size = 0;
    size_t stride = 0;
    size_t alignment = 0;
    unsigned slab_order = 0;
    size_t objects_per_slab = 0;
    bool off_slab_header = false;
    size_t slabs = 0;
    size_t full_slabs = 0;
    size_t partial_slabs = 0;
    size_t empty_slabs = 0;
    size_t pages = 0;           // held from the page source
    size_t objects_in_use = 0;  // held by callers
    size_t objects_cached = 0;  // in per-CPU magazines and the depot
    size_t depot_full_magazines = 0;
    size_t depot_empty_magazines = 0;
    // Per-CPU layer: a hit is served by the CPU's magazines alone; a miss
    // took the cache lock.
    uint64_t allocation_hits = 0;
    uint64_t allocation_misses = 0;
    uint64_t free_hits = 0;
    uint64_t free_misses = 0;
    uint64_t slabs_created = 0;
    uint64_t slabs_released = 0;
};

class SlabCache {
public:
    // Where a cache gets its memory and metadata. The heap's metadata caches
    // have no magazine cache (no per-CPU layer) and the header cache has no
    // header cache (its headers are always on-slab).
    struct Backing {
        PageSource* pages = nullptr;
        SlabCache* magazines = nullptr;
        SlabCache* headers = nullptr;
    };

    SlabCache(const SlabCache&) = delete;
    SlabCache& operator=(const SlabCache&) = delete;

    // An object, or nullptr when the page source is exhausted. Aligned to
    // alignment(); its contents are whatever the constructor or the last
    // user left (the poison pattern with debug checks and no constructor).
    inline void* allocate();
    // Returns an object from allocate() of this cache (not nullptr).
    inline void free(void* object);

    // Moves every object of CPU `cpu`'s magazines back to the slabs. The
    // caller must be running on `cpu`, or `cpu` must not be using the cache
    // (before SMP: any CPU; with SMP: run it on each CPU by cross-call).
    void drain_cpu(uint32_t cpu);
    // drain_cpu() for every CPU, then empties the depot: afterwards every
    // free object is on its slab. Same condition as drain_cpu for all CPUs.
    void drain();
    // drain(), then releases every empty slab. Returns the pages released.
    size_t shrink();

    CacheStatistics statistics() const;
    const char* name() const { return name_; }
    size_t object_size() const { return object_size_; }
    size_t alignment() const { return alignment_; }
    const SlabLayout& layout() const { return layout_; }
    uint32_t magazine_capacity() const { return magazine_capacity_; }
    // Objects one refill moves from the slabs into a CPU's magazine.
    uint32_t refill_count() const { return refill_count_; }

private:
    friend class Heap;

    struct SlabList {
        Slab* head = nullptr;
        size_t count = 0;
        void push(Slab* slab);
        void remove(Slab* slab);
    };

    // The per-CPU layer. Invariant (Bonwick): `previous` is always either
    // full or empty; `loaded` may be anything. Both point at kNoMagazine
    // until the CPU first needs a real one and after a drain.
    struct alignas(64) CpuCache {
        Magazine* loaded;
        Magazine* previous;
        uint64_t allocation_hits;
        uint64_t allocation_misses;
        uint64_t free_hits;
        uint64_t free_misses;
    };

    // Caches are made by Heap (heap.h), which owns the metadata caches and
    // the registry. `layout` comes from choose_slab_layout().
    SlabCache(const CacheConfig& config, const SlabLayout& layout, const Backing& backing);
    // Requires every object to have been freed (panics otherwise).
    ~SlabCache();

    void* allocate_slow();
    void free_slow(void* object);
    CpuCache& current_cpu_for_slow_path();

    // Everything below runs with lock_ held.
    void* slab_allocate_locked();
    void slab_free_locked(void* object);
    Slab* grow_locked();
    void release_slab_locked(Slab* slab);
    void update_list_locked(Slab* slab);
    SlabList& list_for(SlabState state);
    Slab* slab_of(void* object) const;
    Magazine* take_empty_magazine_locked();
    void deposit_full_locked(Magazine* magazine);
    void deposit_empty_locked(Magazine* magazine);
    void empty_magazine_locked(Magazine* magazine);
    void drain_cpu_locked(CpuCache& cpu);
    void drain_depot_locked();

    // Debug checks (KERNEL_DEBUG_ALLOCATOR), slab_cache_checks.cc.
    void check_allocated(void* object);
    void check_free(void* object);
    void check_free_link(Slab* slab, void* object);
    void check_poison(const void* object, size_t begin, size_t end, const char* when) const;
    void fill_poison(void* object, size_t begin, size_t end) const;
    bool poisons() const { return kAllocatorChecks && constructor_ == nullptr; }
    size_t object_index(const Slab* slab, const void* object) const;

    void** link_of(void* object) const {
        return reinterpret_cast<void**>(static_cast<uint8_t*>(object) + layout_.link_offset);
    }

    CpuCache cpus_[kMaxHeapCpus];

    char name_[kMaxCacheName];
    size_t object_size_;
    size_t alignment_;
    SlabLayout layout_;
    ObjectConstructor constructor_;
    ObjectDestructor destructor_;
    uint32_t max_empty_slabs_;
    bool per_cpu_;
    bool is_size_class_ = false;  // a kmalloc cache (set by Heap)
    uint32_t magazine_capacity_;  // rounds per magazine, from the object size
    uint32_t refill_count_;       // objects a CPU takes from the slabs at once
    size_t poison_bytes_;         // the object rounded up to whole words
    uintptr_t block_mask_;        // clears the offset inside a slab's block
    size_t depot_limit_;          // magazines the depot keeps of each kind
    Backing backing_;

    mutable SpinLock lock_;
    // Guarded by lock_:
    SlabList empty_;
    SlabList partial_;
    SlabList full_;
    Magazine* depot_full_ = nullptr;
    Magazine* depot_empty_ = nullptr;
    size_t depot_full_count_ = 0;
    size_t depot_empty_count_ = 0;
    size_t slab_objects_in_use_ = 0;  // sum of in_use over all slabs
    uint64_t slabs_created_ = 0;
    uint64_t slabs_released_ = 0;

    // The heap's registry of caches (guarded by the heap's registry lock).
    SlabCache* registry_next_ = nullptr;
    SlabCache* registry_previous_ = nullptr;
};

// A placeholder both magazines of a CPU point at while it has no real one:
// count 0 makes allocate() miss and capacity 0 makes free() miss, so the
// fast paths need no null check. Never written.
extern Magazine kNoMagazine;

// ---- The fast paths -------------------------------------------------------
//
// Inline so that a hit costs an interrupt mask, the CPU index, one
// array access and no call into the heap; everything else is out of line.

inline void* SlabCache::allocate() {
    InterruptGuard guard;
    uint32_t cpu_index = hal::current_cpu_index();
    if (cpu_index < kMaxHeapCpus) [[likely]] {
        CpuCache& cpu = cpus_[cpu_index];
        Magazine* magazine = cpu.loaded;
        if (magazine->count != 0) [[likely]] {
            ++cpu.allocation_hits;
            void* object = magazine->rounds[--magazine->count];
            if constexpr (kAllocatorChecks) check_allocated(object);
            return object;
        }
    }
    // The slow path masks interrupts again (the guards nest) and takes the
    // cache lock as needed.
    void* object = allocate_slow();
    if constexpr (kAllocatorChecks) {
        if (object != nullptr) check_allocated(object);
    }
    return object;
}

inline void SlabCache::free(void* object) {
    if constexpr (kAllocatorChecks) check_free(object);
    InterruptGuard guard;
    uint32_t cpu_index = hal::current_cpu_index();
    if (cpu_index < kMaxHeapCpus) [[likely]] {
        CpuCache& cpu = cpus_[cpu_index];
        Magazine* magazine = cpu.loaded;
        if (magazine->count < magazine->capacity) [[likely]] {
            ++cpu.free_hits;
            magazine->rounds[magazine->count++] = object;
            return;
        }
    }
    free_slow(object);
}

}  // namespace kernel::mm
