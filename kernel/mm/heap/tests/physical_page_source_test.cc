// The kernel's PageSource on the real buddy allocator, over //hal/host's
// simulated RAM: the heap works end to end on it, tags every frame, and gives
// every page back.
#include "kernel/mm/heap/physical_page_source.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "hal/boot_info.h"
#include "hal/host/host_hal.h"
#include "kernel/mm/heap/heap.h"
#include "kernel/mm/heap/owner_tag.h"

namespace kernel::mm {
namespace {

constexpr uint64_t kRamBase = 64ull << 20;
constexpr uint64_t kRamSize = 32ull << 20;

class PhysicalPageSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        hal::host::set_current_cpu(0);
        ASSERT_FALSE(map_.add({kRamBase, kRamSize, os::MemoryKind::kUsable}).is_error());
        ASSERT_FALSE(memory_->initialize(map_, numa_).is_error());
        free_at_start_ = memory_->free_bytes();
    }

    hal::host::SimulatedPhysicalMemory ram_{kRamBase, kRamSize};
    os::MemoryMap map_;
    hal::NumaTopology numa_;
    std::unique_ptr<PhysicalMemory> memory_ = std::make_unique<PhysicalMemory>();
    uint64_t free_at_start_ = 0;
};

TEST_F(PhysicalPageSourceTest, BlocksAreAlignedDirectMappedRamWithTaggedFrames) {
    PhysicalPageSource source(*memory_);
    for (unsigned order = 0; order <= 4; ++order) {
        void* block = source.allocate_block(order).value();
        uint64_t physical = hal::mm::virtual_to_physical(block);
        ASSERT_NE(physical, 0u);
        EXPECT_EQ(physical % (hal::mm::kPageSize << order), 0u);
        EXPECT_EQ(source.owner_of(block), nullptr);
        int marker;
        source.set_owner(block, order, &marker);
        auto* last = static_cast<uint8_t*>(block) + (hal::mm::kPageSize << order) - 1;
        EXPECT_EQ(source.owner_of(last), &marker);
        source.free_block(block, order);
        EXPECT_EQ(source.owner_of(last), nullptr) << "free_block must clear every frame";
    }
    int on_stack = 0;
    EXPECT_EQ(source.owner_of(&on_stack), nullptr);
    EXPECT_EQ(memory_->free_bytes(), free_at_start_);
}

TEST_F(PhysicalPageSourceTest, HeapRunsOnTheBuddyAllocatorAndGivesEverythingBack) {
    PhysicalPageSource source(*memory_);
    {
        Heap heap(source);
        ASSERT_FALSE(heap.initialize().is_error());
        std::vector<void*> objects;
        for (size_t size = 1; size <= 20000; size += 97)
            objects.push_back(heap.allocate(size));
        for (void* object : objects) {
            ASSERT_NE(object, nullptr);
            PageFrame* frame = memory_->frame_of_virtual(object);
            ASSERT_NE(frame, nullptr);
            void* owner = frame->owner;
            if (owner_tag::slab(owner) != nullptr) {
                EXPECT_EQ(frame->usage(), FrameUsage::kSlab);
            } else {
                EXPECT_TRUE(owner_tag::is_large_block(owner));
                EXPECT_EQ(frame->usage(), FrameUsage::kKernelHeap);
            }
        }
        void* table = heap.page_table_cache().allocate();
        EXPECT_EQ(hal::mm::virtual_to_physical(table) % hal::mm::kPageSize, 0u);
        heap.page_table_cache().free(table);
        EXPECT_LT(memory_->free_bytes(), free_at_start_);
        for (void* object : objects)
            heap.free(object);
    }
    EXPECT_EQ(memory_->free_bytes(), free_at_start_);
}

TEST_F(PhysicalPageSourceTest, ExhaustionIsAnErrorNotAPanic) {
    PhysicalPageSource source(*memory_);
    Heap heap(source);
    ASSERT_FALSE(heap.initialize().is_error());
    std::vector<void*> blocks;
    for (;;) {
        void* block = heap.allocate(1 << 20);
        if (block == nullptr) break;
        blocks.push_back(block);
    }
    EXPECT_GT(blocks.size(), 10u);
    EXPECT_LT(blocks.size(), 32u);
    for (void* block : blocks)
        heap.free(block);
}

}  // namespace
}  // namespace kernel::mm
