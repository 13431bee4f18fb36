// The kernel's ObjectAllocator for the VM layer: one slab cache each for
// regions, memory objects and address spaces (the objects created and freed
// on every mmap/munmap/fork), kmalloc for anything else.
#pragma once

#include <stddef.h>

#include "kernel/lib/error.h"
#include "kernel/mm/vm/vm_environment.h"

namespace kernel::mm {

class Heap;
class SlabCache;

class VmObjectCaches final : public ObjectAllocator {
public:
    // Creates the caches "vm_region", "vm_memory_object" and
    // "vm_address_space" in `heap`, which must outlive this.
    os::ErrorOr<void> initialize(Heap& heap);

    void* allocate(size_t size) override;
    void free(void* object, size_t size) override;

private:
    static constexpr size_t kCaches = 3;
    SlabCache* cache_for(size_t size) const;

    Heap* heap_ = nullptr;
    SlabCache* caches_[kCaches] = {};
    size_t sizes_[kCaches] = {};
};

}  // namespace kernel::mm
