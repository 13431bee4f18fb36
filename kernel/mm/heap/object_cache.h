// A typed front for a SlabCache: for kernel objects with a C++ constructor
// (threads, address spaces, regions, IPC messages...), built per allocation.
//
//   auto cache = TRY(ObjectCache<Region>::create(kernel_heap(), "region"));
//   Region* region = cache.make(start, end);   // nullptr when out of memory
//   cache.destroy(region);
//
// (SlabCache's own constructor/destructor hooks are the Bonwick kind, run
// once per slab; this wrapper runs T's constructor and destructor on every
// make/destroy.)
#pragma once

#include "kernel/lib/error.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/heap.h"

namespace kernel::mm {

template <typename T>
class ObjectCache {
public:
    static os::ErrorOr<ObjectCache> create(Heap& heap, const char* name) {
        CacheConfig config;
        config.name = name;
        config.size = sizeof(T);
        config.alignment = alignof(T);
        return ObjectCache(TRY(heap.create_cache(config)));
    }

    template <typename... Arguments>
    T* make(Arguments&&... arguments) {
        void* memory = cache_->allocate();
        if (memory == nullptr) return nullptr;
        return new (memory) T(os::forward<Arguments>(arguments)...);
    }

    void destroy(T* object) {
        object->~T();
        cache_->free(object);
    }

    SlabCache& cache() { return *cache_; }

private:
    explicit ObjectCache(SlabCache* cache) : cache_(cache) {}

    SlabCache* cache_;
};

}  // namespace kernel::mm
