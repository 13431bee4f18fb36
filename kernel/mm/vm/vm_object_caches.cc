#include "kernel/mm/vm/vm_object_caches.h"

#include "kernel/mm/heap/heap.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/memory_object.h"
#include "kernel/mm/vm/region.h"

namespace kernel::mm {

os::ErrorOr<void> VmObjectCaches::initialize(Heap& heap) {
    struct Kind {
        const char* name;
        size_t size;
        size_t alignment;
    };
    const Kind kinds[kCaches] = {
        {"vm_region", sizeof(Region), alignof(Region)},
        {"vm_memory_object", sizeof(MemoryObject), alignof(MemoryObject)},
        {"vm_address_space", sizeof(AddressSpace), alignof(AddressSpace)},
    };
    for (size_t i = 0; i < kCaches; ++i) {
        CacheConfig config;
        config.name = kinds[i].name;
        config.size = kinds[i].size;
        config.alignment = kinds[i].alignment;
        caches_[i] = TRY(heap.create_cache(config));
        sizes_[i] = kinds[i].size;
    }
    heap_ = &heap;
    return {};
}

// Objects are told apart by size alone: if two kinds ever had the same
// size they would share the first matching cache, consistently.
SlabCache* VmObjectCaches::cache_for(size_t size) const {
    for (size_t i = 0; i < kCaches; ++i) {
        if (sizes_[i] == size) return caches_[i];
    }
    return nullptr;
}

void* VmObjectCaches::allocate(size_t size) {
    if (SlabCache* cache = cache_for(size)) return cache->allocate();
    return heap_->allocate(size);
}

void VmObjectCaches::free(void* object, size_t size) {
    if (SlabCache* cache = cache_for(size)) {
        cache->free(object);
    } else {
        heap_->free(object);
    }
}

}  // namespace kernel::mm
