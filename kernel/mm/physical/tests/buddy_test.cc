// The buddy allocator on one zone: alignment, split and merge, exhaustion,
// fragmentation, zeroing, reference counts, lookups, statistics, and the
// panics for frees that are not allowed.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr uint64_t kBase = 0x40000000;  // where aarch64's virt board has RAM

// 8 MiB of RAM, all usable: 2048 frames, whose 48 KiB of descriptors (12
// pages) go at the top, leaving one 4 MiB block and 1012 pages above it.
class BuddyTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine_.add(kBase, 8 * kMiB);
        ASSERT_FALSE(machine_.initialize().is_error());
        initial_ = free_blocks(memory());
    }

    PhysicalMemory& memory() { return machine_.memory(); }

    Machine machine_{kBase, 8 * kMiB};
    FreeBlocks initial_;
    Model model_;
};

TEST_F(BuddyTest, StartsFullyCoalescedWithDescriptorsReservedAtTheTop) {
    EXPECT_TRUE(check_invariants(memory(), model_));
    ASSERT_EQ(memory().zone_count(), 1u);
    EXPECT_EQ(memory().zone_info(0).base, kBase);
    EXPECT_EQ(memory().zone_info(0).frame_count, 2048u);
    for (uint64_t page = kBase + 8 * kMiB - 12 * kPage; page < kBase + 8 * kMiB; page += kPage) {
        EXPECT_EQ(memory().frame_of(page)->state(), FrameState::kReserved);
    }
    // Just below them: the order-2 block that ends the decomposition.
    EXPECT_EQ(memory().frame_of(kBase + 8 * kMiB - 16 * kPage)->state(), FrameState::kFree);
    EXPECT_EQ(memory().frame_of(kBase + 8 * kMiB - 13 * kPage)->state(), FrameState::kTail);
    EXPECT_TRUE(initial_.count({kBase, kMaxOrder}));
    EXPECT_EQ(free_pages(initial_), 2048u - 12);

    NodeStatistics statistics = memory().statistics(0);
    EXPECT_EQ(statistics.total_bytes, 8 * kMiB);
    EXPECT_EQ(statistics.free_bytes, (2048 - 12) * kPage);
    // 1024 + 1012 = 1024 + 512 + 256 + 128 + 64 + 32 + 16 + 4
    uint64_t expected_blocks[kMaxOrder + 1] = {0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1};
    for (unsigned order = 0; order <= kMaxOrder; ++order) {
        EXPECT_EQ(statistics.free_blocks[order], expected_blocks[order]) << "order " << order;
    }
}

TEST_F(BuddyTest, EveryOrderIsNaturallyAlignedWithOneReference) {
    auto check = [&](PageFrame* frame, unsigned order) {
        ASSERT_NE(frame, nullptr);
        uint64_t address = memory().address_of(frame);
        EXPECT_EQ(address % (kPage << order), 0u) << "order " << order;
        EXPECT_EQ(frame->state(), FrameState::kAllocated);
        EXPECT_EQ(frame->order(), order);
        EXPECT_EQ(frame->reference_count(), 1u);
        EXPECT_EQ(frame->node(), 0u);
        EXPECT_EQ(frame->owner, nullptr);
        EXPECT_EQ(frame->usage(), FrameUsage::kGeneral);
        EXPECT_TRUE(check_invariants(memory(), model_));
    };
    // Each order alone on the fresh allocator...
    for (unsigned order = 0; order <= kMaxOrder; ++order) {
        check(allocate_into(memory(), model_, {.order = order}), order);
        free_from(memory(), model_, model_.begin()->first);
        EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
    }
    // ...and all of orders 0..9 held at once (1023 pages).
    for (unsigned order = 0; order < kMaxOrder; ++order) {
        check(allocate_into(memory(), model_, {.order = order}), order);
    }
    while (!model_.empty())
        free_from(memory(), model_, model_.begin()->first);
    EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
}

TEST_F(BuddyTest, SplitsTheSmallestSufficientBlockAndMergesItBack) {
    // About the buddy lists alone: without CPU page lists, which would take
    // a batch of order-0 frames at once.
    ASSERT_FALSE(memory().set_cpu_page_list_limits({0, 0}).is_error());
    // The only order-2 block is the smallest free block: order 0 and 1 must
    // come out of it, not out of the 4 MiB one.
    auto order_two = std::find_if(initial_.begin(), initial_.end(),
                                  [](auto block) { return block.second == 2; });
    ASSERT_NE(order_two, initial_.end());
    uint64_t block = order_two->first;

    PageFrame* first = allocate_into(memory(), model_, {.order = 0});
    EXPECT_EQ(memory().address_of(first), block);
    FreeBlocks after_split = free_blocks(memory());
    EXPECT_FALSE(after_split.count({block, 2}));
    EXPECT_TRUE(after_split.count({block + kPage, 0}));
    EXPECT_TRUE(after_split.count({block + 2 * kPage, 1}));

    PageFrame* second = allocate_into(memory(), model_, {.order = 1});
    EXPECT_EQ(memory().address_of(second), block + 2 * kPage);
    EXPECT_TRUE(check_invariants(memory(), model_));

    // Freeing in any order ends with the original order-2 block.
    free_from(memory(), model_, block);
    // It merged with its free buddy, but not with the half still allocated.
    EXPECT_TRUE(free_blocks(memory()).count({block, 1}));
    free_from(memory(), model_, block + 2 * kPage);
    EXPECT_EQ(free_blocks(memory()), initial_);
}

TEST_F(BuddyTest, ExhaustionFailsWithOutOfMemoryAndLosesNothing) {
    uint64_t pages = free_pages(initial_);
    for (uint64_t i = 0; i < pages; ++i)
        ASSERT_NE(allocate_into(memory(), model_, {}), nullptr);
    EXPECT_EQ(model_.size(), pages);  // no address twice
    auto failed = memory().allocate({});
    ASSERT_TRUE(failed.is_error());
    EXPECT_EQ(failed.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(memory().allocation_failures(), 1u);
    EXPECT_EQ(memory().statistics(0).free_bytes, 0u);
    EXPECT_TRUE(check_invariants(memory(), model_));

    std::vector<uint64_t> addresses;
    for (auto [address, order] : model_)
        addresses.push_back(address);
    std::shuffle(addresses.begin(), addresses.end(), std::mt19937(7));
    for (uint64_t address : addresses)
        free_from(memory(), model_, address);
    EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(BuddyTest, MixedOrderExhaustionLeavesOnlySmallerBlocks) {
    while (true) {
        auto result = memory().allocate({.order = 3});
        if (result.is_error()) break;
        model_[memory().address_of(result.value())] = 3;
    }
    // 1012 + 1024 pages hold 254 blocks of 8 and one of 4.
    EXPECT_EQ(model_.size(), 254u);
    NodeStatistics statistics = memory().statistics(0);
    EXPECT_EQ(statistics.free_bytes, 4 * kPage);
    EXPECT_EQ(statistics.free_blocks[2], 1u);
    ASSERT_NE(allocate_into(memory(), model_, {.order = 1}), nullptr);
    ASSERT_NE(allocate_into(memory(), model_, {.order = 0}), nullptr);
    ASSERT_NE(allocate_into(memory(), model_, {.order = 0}), nullptr);
    EXPECT_TRUE(memory().allocate({}).is_error());
    EXPECT_TRUE(check_invariants(memory(), model_));
    while (!model_.empty())
        free_from(memory(), model_, model_.rbegin()->first);
    EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
}

TEST(BuddyFragmentationTest, AlternateFreesBlockHigherOrdersUntilNeighboursReturn) {
    // A 4 MiB range that stays one order-10 block (its descriptors go into
    // the small range above it) and a 64 KiB range.
    Machine machine(kBase, 16 * kMiB);
    machine.add(kBase, 4 * kMiB);
    machine.add(kBase + 8 * kMiB, 64 * kKiB);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    ASSERT_TRUE(free_blocks(memory).count({kBase, kMaxOrder}));

    Model model;
    while (true) {
        auto result = memory.allocate({});
        if (result.is_error()) break;
        model[memory.address_of(result.value())] = 0;
    }
    for (uint64_t i = 0; i < 1024; i += 2)
        free_from(memory, model, kBase + i * kPage);
    EXPECT_TRUE(check_invariants(memory, model));
    EXPECT_EQ(memory.statistics(0).free_blocks[0], 512u);
    EXPECT_EQ(memory.statistics(0).free_bytes, 512 * kPage);
    for (unsigned order = 1; order <= kMaxOrder; ++order) {
        auto result = memory.allocate({.order = order});
        ASSERT_TRUE(result.is_error()) << "order " << order;
        EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
    }

    // Returning the odd neighbours lets everything merge again, once the
    // frames on the CPU's page list are back in the buddy lists.
    for (uint64_t i = 1; i < 1024; i += 2)
        free_from(memory, model, kBase + i * kPage);
    EXPECT_TRUE(check_invariants(memory, model));
    memory.drain_cpu_lists();
    EXPECT_TRUE(check_invariants(memory, model));
    EXPECT_EQ(memory.statistics(0).free_blocks[kMaxOrder], 1u);
    PageFrame* big = allocate_into(memory, model, {.order = kMaxOrder});
    ASSERT_NE(big, nullptr);
    EXPECT_EQ(memory.address_of(big), kBase);
}

TEST_F(BuddyTest, ZeroedAllocationClearsTheWholeBlock) {
    // Fresh simulated RAM is 0xa5: an allocation that is not asked to zero
    // does not, so the zeroed case below proves something.
    PageFrame* dirty = allocate_into(memory(), model_, {.order = 4});
    auto* bytes = static_cast<uint8_t*>(memory().virtual_address_of(dirty));
    EXPECT_EQ(bytes[0], 0xa5);
    std::fill(bytes, bytes + 16 * kPage, 0xff);
    free_from(memory(), model_, memory().address_of(dirty));

    for (int round = 0; round < 3; ++round) {
        PageFrame* clean = allocate_into(memory(), model_, {.order = 4, .zeroed = true});
        auto* data = static_cast<uint8_t*>(memory().virtual_address_of(clean));
        EXPECT_EQ(std::count(data, data + 16 * kPage, 0), static_cast<long>(16 * kPage));
        std::fill(data, data + 16 * kPage, 0x77);
        free_from(memory(), model_, memory().address_of(clean));
    }
}

TEST_F(BuddyTest, ReferenceCountsForCopyOnWrite) {
    PageFrame* frame = allocate_into(memory(), model_, {});
    uint64_t address = memory().address_of(frame);
    EXPECT_EQ(frame->reference_count(), 1u);
    frame->add_reference();
    frame->add_reference();
    EXPECT_EQ(frame->reference_count(), 3u);
    EXPECT_EQ(frame->drop_reference(), 2u);
    EXPECT_EQ(memory().release(frame), 1u);
    EXPECT_EQ(frame->state(), FrameState::kAllocated);  // still mapped once
    EXPECT_TRUE(check_invariants(memory(), model_));
    EXPECT_EQ(memory().release(frame), 0u);  // the last reference frees it
    model_.erase(address);
    EXPECT_NE(frame->state(), FrameState::kAllocated);
    EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
}

TEST_F(BuddyTest, OwnerBelongsToTheAllocatingCode) {
    int slab = 0;
    PageFrame* frame = allocate_into(memory(), model_, {.order = 2});
    EXPECT_EQ(frame->owner, nullptr);
    for (int i = 0; i < 4; ++i)
        frame[i].owner = &slab;
    frame->set_usage(FrameUsage::kSlab);
    // Neither splitting nor merging elsewhere touches the owners.
    PageFrame* other = allocate_into(memory(), model_, {});
    free_from(memory(), model_, memory().address_of(other));
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(frame[i].owner, &slab);
    EXPECT_EQ(memory()
                  .frame_of_virtual(static_cast<char*>(memory().virtual_address_of(frame)) +
                                    3 * kPage + 5)
                  ->owner,
              &slab);
    // free() clears the head's; the tails are the owner's to clear.
    for (int i = 1; i < 4; ++i)
        frame[i].owner = nullptr;
    free_from(memory(), model_, memory().address_of(frame));
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(frame[i].owner, nullptr);
    PageFrame* again = allocate_into(memory(), model_, {.order = 2});
    EXPECT_EQ(again, frame);
    EXPECT_EQ(again->owner, nullptr);
    EXPECT_EQ(again->usage(), FrameUsage::kGeneral);
}

TEST_F(BuddyTest, LookupsRoundTrip) {
    PageFrame* frame = allocate_into(memory(), model_, {.order = 2});
    uint64_t address = memory().address_of(frame);
    EXPECT_EQ(memory().frame_of(address), frame);
    EXPECT_EQ(memory().frame_of(address + kPage - 1), frame);
    EXPECT_EQ(memory().frame_of(address + kPage), frame + 1);
    EXPECT_EQ(memory().frame_of(address + kPage)->state(), FrameState::kTail);
    auto* virtual_address = static_cast<uint8_t*>(memory().virtual_address_of(frame));
    EXPECT_EQ(virtual_address, machine_.ram().bytes() + (address - kBase));
    EXPECT_EQ(memory().frame_of_virtual(virtual_address + 100), frame);
    EXPECT_EQ(memory().frame_of_virtual(virtual_address + 3 * kPage), frame + 3);

    int not_ram = 0;
    EXPECT_EQ(memory().frame_of_virtual(&not_ram), nullptr);
    EXPECT_EQ(memory().frame_of(kBase - kPage), nullptr);
    EXPECT_EQ(memory().frame_of(kBase + 8 * kMiB), nullptr);
    EXPECT_EQ(memory().frame_of(0), nullptr);
}

TEST_F(BuddyTest, StatisticsFollowAllocations) {
    NodeStatistics before = memory().statistics(0);
    PageFrame* frame = allocate_into(memory(), model_, {.order = 3});
    NodeStatistics after = memory().statistics(0);
    EXPECT_EQ(before.free_bytes - after.free_bytes, 8 * kPage);
    EXPECT_EQ(memory().free_bytes(), after.free_bytes);
    EXPECT_EQ(memory().total_bytes(), 8 * kMiB);
    EXPECT_TRUE(check_invariants(memory(), model_));

    char text[256];
    size_t length = memory().format_statistics(text, sizeof text);
    EXPECT_EQ(std::string(text, length), "memory: node 0: 7 MiB free of 8 MiB\n");
    length = memory().format_statistics(text, sizeof text, true);
    EXPECT_EQ(
        std::string(text, length),
        "memory: node 0: 7 MiB free of 8 MiB\n"
        "memory: node 0 free blocks by order: 0:0 1:0 2:1 3:1 4:0 5:1 6:1 7:1 8:1 9:1 10:1\n");
    // Truncation reports the full length, like os::format.
    EXPECT_EQ(memory().format_statistics(text, 10),
              std::string("memory: node 0: 7 MiB free of 8 MiB\n").size());
    EXPECT_EQ(std::string(text), "memory: n");
    free_from(memory(), model_, memory().address_of(frame));
}

TEST_F(BuddyTest, RejectsBadRequests) {
    auto too_big = memory().allocate({.order = kMaxOrder + 1});
    ASSERT_TRUE(too_big.is_error());
    EXPECT_EQ(too_big.error(), os::Error::kInvalidArgument);
    auto bad_node = memory().allocate({.node = kMaxNodes});
    ASSERT_TRUE(bad_node.is_error());
    EXPECT_EQ(bad_node.error(), os::Error::kInvalidArgument);
    EXPECT_EQ(memory().allocation_failures(), 0u);  // misuse is not a failure to find memory
}

TEST(PhysicalMemoryTest, UninitializedHasNothingToGive) {
    PhysicalMemory& global = physical_memory();
    EXPECT_FALSE(global.initialized());
    auto result = global.allocate({});
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(global.frame_of(0x1000), nullptr);
    EXPECT_EQ(global.total_bytes(), 0u);
}

// ---- Frees that must panic ----------------------------------------------------

using BuddyDeathTest = BuddyTest;

TEST_F(BuddyDeathTest, DoubleFree) {
    PageFrame* first = allocate_into(memory(), model_, {});
    PageFrame* second = allocate_into(memory(), model_, {});
    // The second is the first's buddy, so freeing the first cannot merge.
    ASSERT_EQ(memory().address_of(second), memory().address_of(first) ^ kPage);
    memory().free(first);
    EXPECT_DEATH(memory().free(first),
                 "KERNEL PANIC: physical memory: double free of the block at 0x");
}

TEST_F(BuddyDeathTest, DoubleFreeAfterMerging) {
    PageFrame* lower = allocate_into(memory(), model_, {});
    PageFrame* upper = allocate_into(memory(), model_, {});
    ASSERT_EQ(memory().address_of(upper), memory().address_of(lower) + kPage);
    memory().free(upper);
    memory().free(lower);
    memory().drain_cpu_lists();  // merges them: `upper` becomes a tail frame
    EXPECT_DEATH(memory().free(upper),
                 "KERNEL PANIC: physical memory: free of frame 0x[0-9a-f]+, "
                 "which is not the head of an allocated block");
}

TEST_F(BuddyDeathTest, FrameInsideABlock) {
    PageFrame* frame = allocate_into(memory(), model_, {.order = 2});
    EXPECT_DEATH(memory().free(frame + 1), "not the head of an allocated block");
}

TEST_F(BuddyDeathTest, ForeignFrame) {
    PageFrame foreign;
    EXPECT_DEATH(memory().free(&foreign), "not a page frame descriptor of this allocator");
    EXPECT_DEATH(memory().free(nullptr), "not a page frame descriptor of this allocator");
    // Inside a descriptor array, but not at a descriptor.
    PageFrame* frame = allocate_into(memory(), model_, {});
    auto* misaligned = reinterpret_cast<PageFrame*>(reinterpret_cast<char*>(frame) + 8);
    EXPECT_DEATH(memory().free(misaligned), "not a page frame descriptor of this allocator");
}

TEST_F(BuddyDeathTest, ReservedFrame) {
    EXPECT_DEATH(memory().free(memory().frame_of(kBase + 8 * kMiB - kPage)),
                 "free of reserved frame 0x40");
}

TEST_F(BuddyDeathTest, FrameStillReferenced) {
    PageFrame* frame = allocate_into(memory(), model_, {});
    frame->add_reference();
    EXPECT_DEATH(memory().free(frame), "while 2 references remain");
}

TEST_F(BuddyDeathTest, ReferenceCountMisuse) {
    PageFrame* frame = allocate_into(memory(), model_, {});
    memory().release(frame);
    EXPECT_DEATH(frame->drop_reference(), "reference count dropped below zero");
    EXPECT_DEATH(frame->add_reference(), "add_reference\\(\\) on a frame with no references");
}

}  // namespace
}  // namespace kernel::mm::testing
