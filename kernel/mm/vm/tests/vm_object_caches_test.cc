// VmObjectCaches: regions, memory objects and address spaces come from
// their own slab caches of the kernel heap, anything else from kmalloc.
// (No PhysicalMemory here: the heap runs on a host-memory page source.)
#include "kernel/mm/vm/vm_object_caches.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <map>

#include "kernel/mm/heap/heap.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/memory_object.h"

namespace kernel::mm {
namespace {

// Naturally aligned blocks from the host heap; owner tags in a map.
class HostBlocks final : public PageSource {
public:
    ~HostBlocks() {
        for (auto& [block, order] : blocks_)
            ::free(block);
    }
    os::ErrorOr<void*> allocate_block(unsigned order) override {
        size_t size = hal::mm::kPageSize << order;
        void* block = aligned_alloc(size, size);
        if (block == nullptr) return os::Error::kOutOfMemory;
        blocks_[block] = order;
        return block;
    }
    void free_block(void* block, unsigned order) override {
        set_owner(block, order, nullptr);
        blocks_.erase(block);
        ::free(block);
    }
    void set_owner(void* block, unsigned order, void* owner) override {
        for (size_t page = 0; page < (size_t{1} << order); ++page) {
            owners_[reinterpret_cast<uintptr_t>(block) + page * hal::mm::kPageSize] = owner;
        }
    }
    void* owner_of(const void* address) const override {
        auto it = owners_.find(reinterpret_cast<uintptr_t>(address) & ~(hal::mm::kPageSize - 1));
        return it == owners_.end() ? nullptr : it->second;
    }

private:
    std::map<void*, unsigned> blocks_;
    std::map<uintptr_t, void*> owners_;
};

size_t in_use(Heap& heap, const char* name) {
    SlabCache* cache = heap.find_cache(name);
    EXPECT_NE(cache, nullptr) << name;
    return cache == nullptr ? 0 : cache->statistics().objects_in_use;
}

TEST(VmObjectCachesTest, EachKindHasItsCache) {
    HostBlocks blocks;
    Heap heap(blocks);
    ASSERT_FALSE(heap.initialize().is_error());
    VmObjectCaches caches;
    ASSERT_FALSE(caches.initialize(heap).is_error());

    void* region = caches.allocate(sizeof(Region));
    void* object = caches.allocate(sizeof(MemoryObject));
    void* space = caches.allocate(sizeof(AddressSpace));
    ASSERT_NE(region, nullptr);
    ASSERT_NE(object, nullptr);
    ASSERT_NE(space, nullptr);
    EXPECT_EQ(in_use(heap, "vm_region"), 1u);
    EXPECT_EQ(in_use(heap, "vm_memory_object"), 1u);
    EXPECT_EQ(in_use(heap, "vm_address_space"), 1u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(region) % alignof(Region), 0u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(space) % alignof(AddressSpace), 0u);

    // Other sizes go to kmalloc.
    void* other = caches.allocate(3000);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(in_use(heap, "vm_region"), 1u);
    caches.free(other, 3000);

    caches.free(region, sizeof(Region));
    caches.free(object, sizeof(MemoryObject));
    caches.free(space, sizeof(AddressSpace));
    EXPECT_EQ(in_use(heap, "vm_region"), 0u);
    EXPECT_EQ(in_use(heap, "vm_memory_object"), 0u);
    EXPECT_EQ(in_use(heap, "vm_address_space"), 0u);
    // A second set of caches under the same names cannot be made.
    VmObjectCaches again;
    EXPECT_EQ(again.initialize(heap).error(), os::Error::kAlreadyExists);
}

}  // namespace
}  // namespace kernel::mm
