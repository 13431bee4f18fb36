// split_block: an allocated block becomes order-0 blocks that are referenced
// and freed one by one (what huge pages need once they are split), and the
// buddy system merges them back as they return.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr uint64_t kBase = 0x40000000;

class SplitBlockTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine_.add(kBase, 8 * kMiB);
        ASSERT_FALSE(machine_.initialize().is_error());
        initial_ = free_blocks(memory());
    }

    PhysicalMemory& memory() { return machine_.memory(); }

    // Allocates a block of `order`, splits it and records its frames in
    // the model as order-0 blocks; returns the block's address.
    uint64_t allocate_and_split(unsigned order, FrameUsage usage = FrameUsage::kUserMemory) {
        PageFrame* head = allocate_into(memory(), model_, {.order = order});
        EXPECT_NE(head, nullptr);
        if (head == nullptr) return 0;
        head->set_usage(usage);
        uint64_t base = memory().address_of(head);
        memory().split_block(head);
        model_.erase(base);
        for (uint64_t i = 0; i < (uint64_t{1} << order); ++i)
            model_[base + i * kPage] = 0;
        return base;
    }

    Machine machine_{kBase, 8 * kMiB};
    FreeBlocks initial_;
    Model model_;
};

TEST_F(SplitBlockTest, EveryFrameBecomesAnOrderZeroBlockWithOneReference) {
    uint64_t base = allocate_and_split(9);
    ASSERT_EQ(base % (kPage << 9), 0u);
    uint64_t free_after_allocation = memory().free_bytes();
    EXPECT_TRUE(check_invariants(memory(), model_));  // 512 allocated order-0 heads
    for (uint64_t i = 0; i < 512; ++i) {
        const PageFrame* frame = memory().frame_of(base + i * kPage);
        EXPECT_EQ(frame->state(), FrameState::kAllocated) << i;
        EXPECT_EQ(frame->order(), 0u) << i;
        EXPECT_EQ(frame->reference_count(), 1u) << i;
        EXPECT_EQ(frame->usage(), FrameUsage::kUserMemory) << i;
        EXPECT_EQ(frame->owner, nullptr) << i;
    }
    EXPECT_EQ(memory().free_bytes(), free_after_allocation);  // splitting frees nothing
}

TEST_F(SplitBlockTest, FramesAreReferencedAndFreedIndividually) {
    uint64_t base = allocate_and_split(4);
    PageFrame* shared = memory().frame_of(base + 3 * kPage);
    shared->add_reference();  // as a copy-on-write clone would
    EXPECT_EQ(memory().release(shared), 1u);
    EXPECT_EQ(memory().frame_of(base + 2 * kPage)->reference_count(), 1u);  // neighbours untouched

    uint64_t free_before = memory().free_bytes();
    free_from(memory(), model_, base + 5 * kPage);
    EXPECT_EQ(memory().free_bytes(), free_before + kPage);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(SplitBlockTest, FreedFramesMergeBackInAnyOrder) {
    uint64_t base = allocate_and_split(9);
    std::vector<uint64_t> pages;
    for (uint64_t i = 0; i < 512; ++i)
        pages.push_back(base + i * kPage);
    std::mt19937 random(42);
    std::shuffle(pages.begin(), pages.end(), random);
    for (size_t i = 0; i < pages.size(); ++i) {
        free_from(memory(), model_, pages[i]);
        if (i % 97 == 0) {
            EXPECT_TRUE(check_invariants(memory(), model_));
        }
    }
    EXPECT_TRUE(model_.empty());
    EXPECT_TRUE(check_invariants(memory(), model_));
    EXPECT_EQ(free_blocks(memory()), initial_);  // fully coalesced again
}

TEST_F(SplitBlockTest, SplittingAnOrderZeroBlockChangesNothing) {
    uint64_t base = allocate_and_split(0);
    EXPECT_TRUE(check_invariants(memory(), model_));
    free_from(memory(), model_, base);
    EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
}

using SplitBlockDeathTest = SplitBlockTest;

TEST_F(SplitBlockDeathTest, RejectsWhatIsNotASoleAllocatedHead) {
    PageFrame* head = allocate_into(memory(), model_, {.order = 2});
    ASSERT_NE(head, nullptr);
    EXPECT_DEATH(memory().split_block(head + 1), "not an allocated block head");
    head->add_reference();
    EXPECT_DEATH(memory().split_block(head), "with 2 references");
    memory().release(head);
    free_from(memory(), model_, memory().address_of(head));
    EXPECT_DEATH(memory().split_block(head), "not an allocated block head");
    PageFrame foreign;
    EXPECT_DEATH(memory().split_block(&foreign), "not a page frame descriptor of this allocator");
}

}  // namespace
}  // namespace kernel::mm::testing
