// Per-CPU page lists: the hit paths, refill and drain at the watermarks,
// separate lists per CPU, draining before an allocation fails, statistics,
// the requests and frees that bypass the lists, and the double-free checks
// for listed frames.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr uint64_t kBase = 0x40000000;
constexpr CpuPageListLimits kDefaults;

// 8 MiB, all usable, one node (2036 free frames after the descriptors).
class CpuPageListTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine_.add(kBase, 8 * kMiB);
        ASSERT_FALSE(machine_.initialize().is_error());
        initial_ = free_blocks(memory());
        initial_free_bytes_ = memory().free_bytes();
    }
    void TearDown() override { hal::host::set_current_cpu(0); }

    PhysicalMemory& memory() { return machine_.memory(); }
    uint64_t listed() { return memory().statistics(0).cpu_list_frames; }
    PageFrame* allocate(PageRequest request = {}) {
        return allocate_into(memory(), model_, request);
    }
    void free(PageFrame* frame) { free_from(memory(), model_, memory().address_of(frame)); }

    Machine machine_{kBase, 8 * kMiB};
    FreeBlocks initial_;
    uint64_t initial_free_bytes_ = 0;
    Model model_;
};

TEST_F(CpuPageListTest, DefaultLimitsAreTheDocumentedOnes) {
    EXPECT_EQ(memory().cpu_page_list_limits().batch, 31u);
    EXPECT_EQ(memory().cpu_page_list_limits().high, 186u);
    EXPECT_EQ(listed(), 0u);  // nothing listed before the first allocation
}

TEST_F(CpuPageListTest, AFreedFrameIsTheNextAllocationWithoutTouchingTheBuddyLists) {
    PageFrame* frame = allocate();
    FreeBlocks buddy_lists = free_blocks(memory());
    free(frame);
    EXPECT_EQ(frame->state(), FrameState::kCpuListed);
    EXPECT_EQ(frame->reference_count(), 0u);
    EXPECT_TRUE(check_invariants(memory(), model_));
    for (int round = 0; round < 3; ++round) {
        PageFrame* again = allocate();
        EXPECT_EQ(again, frame);
        EXPECT_EQ(again->state(), FrameState::kAllocated);
        EXPECT_EQ(again->reference_count(), 1u);
        EXPECT_EQ(again->owner, nullptr);
        EXPECT_EQ(again->usage(), FrameUsage::kGeneral);
        again->set_usage(FrameUsage::kPageTable);
        free(again);
        EXPECT_EQ(free_blocks(memory()), buddy_lists) << "the hit path used the buddy lists";
    }
    EXPECT_EQ(allocate()->usage(), FrameUsage::kGeneral);  // reset on the way out
}

TEST_F(CpuPageListTest, ARefillTakesOneBatchAndHandsItOutInBuddyOrder) {
    // Without lists first, to see the order the buddy lists give.
    const uint32_t count = 2 * kDefaults.batch + 1;
    ASSERT_FALSE(memory().set_cpu_page_list_limits({0, 0}).is_error());
    std::vector<uint64_t> buddy_order;
    for (uint32_t i = 0; i < count; ++i)
        buddy_order.push_back(memory().address_of(allocate()));
    while (!model_.empty())
        free_from(memory(), model_, model_.begin()->first);
    ASSERT_EQ(free_blocks(memory()), initial_);

    ASSERT_FALSE(memory().set_cpu_page_list_limits(kDefaults).is_error());
    for (uint32_t i = 0; i < count; ++i) {
        EXPECT_EQ(memory().address_of(allocate()), buddy_order[i]) << i;
        // Refilled when empty: at allocation 0, batch, 2 * batch.
        EXPECT_EQ(listed(), kDefaults.batch - 1 - i % kDefaults.batch) << i;
    }
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(CpuPageListTest, AFreeAboveTheHighWatermarkDrainsTheColdestBatch) {
    std::vector<PageFrame*> held;
    for (uint32_t i = 0; i < kDefaults.high + 2; ++i)
        held.push_back(allocate());
    memory().drain_cpu_lists();
    ASSERT_EQ(listed(), 0u);

    for (uint32_t i = 0; i < kDefaults.high; ++i)
        free(held[i]);
    EXPECT_EQ(listed(), kDefaults.high);  // full, not above
    EXPECT_TRUE(check_invariants(memory(), model_));
    for (uint32_t i = 0; i < kDefaults.high; ++i)
        ASSERT_EQ(held[i]->state(), FrameState::kCpuListed) << i;

    free(held[kDefaults.high]);
    EXPECT_EQ(listed(), kDefaults.high - kDefaults.batch + 1);
    // The first frames freed went back to the buddy lists (and merged).
    for (uint32_t i = 0; i <= kDefaults.high; ++i) {
        bool drained = i < kDefaults.batch;
        EXPECT_EQ(held[i]->state() == FrameState::kCpuListed, !drained) << i;
    }
    EXPECT_TRUE(check_invariants(memory(), model_));

    // Now the slack: no allocation refills and no free drains until the
    // list is empty or full again.
    FreeBlocks buddy_lists = free_blocks(memory());
    free(held[kDefaults.high + 1]);
    EXPECT_EQ(listed(), kDefaults.high - kDefaults.batch + 2);
    for (uint32_t i = 0; i < kDefaults.high - kDefaults.batch + 2; ++i)
        allocate();
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(free_blocks(memory()), buddy_lists);
    allocate();
    EXPECT_EQ(listed(), kDefaults.batch - 1);
}

TEST_F(CpuPageListTest, SmallLimitsRefillAndDrainAtTheirWatermarks) {
    ASSERT_FALSE(memory().set_cpu_page_list_limits({.batch = 2, .high = 5}).is_error());
    std::vector<PageFrame*> held;
    for (int i = 0; i < 8; ++i) {
        held.push_back(allocate());
        EXPECT_EQ(listed(), i % 2 == 0 ? 1u : 0u) << i;
    }
    const uint64_t after_free[] = {1, 2, 3, 4, 5, 4, 5, 4};  // 5 -> drain 2 -> push
    for (int i = 0; i < 8; ++i) {
        free(held[i]);
        EXPECT_EQ(listed(), after_free[i]) << i;
        EXPECT_TRUE(check_invariants(memory(), model_));
    }
    EXPECT_EQ(free_blocks_after_draining(memory()), initial_);
}

TEST_F(CpuPageListTest, EachCpuHasItsOwnList) {
    PageFrame* on_zero = allocate();
    free(on_zero);
    hal::host::set_current_cpu(1);
    PageFrame* on_one = allocate();
    EXPECT_NE(on_one, on_zero);  // CPU 1 refilled its own list
    free(on_one);

    ListedFrames frames = cpu_listed_frames(memory());
    EXPECT_EQ(frames[memory().address_of(on_zero)], 0u);
    EXPECT_EQ(frames[memory().address_of(on_one)], 1u);
    EXPECT_EQ(frames.size(), 2 * kDefaults.batch);
    EXPECT_EQ(listed(), 2 * kDefaults.batch);
    EXPECT_TRUE(check_invariants(memory(), model_));

    EXPECT_EQ(allocate(), on_one);
    hal::host::set_current_cpu(0);
    EXPECT_EQ(allocate(), on_zero);
    // A frame freed on another CPU joins that CPU's list.
    hal::host::set_current_cpu(2);
    free(on_zero);
    EXPECT_EQ(cpu_listed_frames(memory())[memory().address_of(on_zero)], 2u);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(CpuPageListTest, ExhaustionTakesEveryOtherCpusListFirst) {
    // CPU 1 keeps a batch on its list; CPU 0 then allocates everything.
    hal::host::set_current_cpu(1);
    free(allocate());
    ASSERT_EQ(listed(), kDefaults.batch);
    hal::host::set_current_cpu(0);
    uint64_t pages = initial_free_bytes_ / kPage;
    for (uint64_t i = 0; i < pages; ++i)
        ASSERT_NE(allocate(), nullptr) << i;
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(memory().free_bytes(), 0u);
    EXPECT_EQ(memory().allocation_failures(), 0u);
    auto failed = memory().allocate({});
    ASSERT_TRUE(failed.is_error());
    EXPECT_EQ(failed.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(memory().allocation_failures(), 1u);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST(CpuPageListFragmentationTest, ALargeBlockOnlyListedFramesBlockIsStillFound) {
    // A 4 MiB range that is one order-10 block, and a small range for the
    // descriptors. CPU 1 takes every frame and frees them all, in address
    // order: its list keeps the last ones, from the top of the 4 MiB block.
    Machine machine(kBase, 16 * kMiB);
    machine.add(kBase, 4 * kMiB);
    machine.add(kBase + 8 * kMiB, 64 * kKiB);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    Model model;
    struct BackToCpuZero {
        ~BackToCpuZero() { hal::host::set_current_cpu(0); }
    } back_to_cpu_zero;
    hal::host::set_current_cpu(1);
    while (true) {
        auto result = memory.allocate({});
        if (result.is_error()) break;
        model[memory.address_of(result.value())] = 0;
    }
    while (!model.empty())
        free_from(memory, model, model.begin()->first);
    NodeStatistics statistics = memory.statistics(0);
    ASSERT_GT(statistics.cpu_list_frames, 0u);
    ASSERT_EQ(statistics.free_blocks[kMaxOrder], 0u);  // listed frames hold it apart
    uint64_t failures = memory.allocation_failures();

    hal::host::set_current_cpu(0);
    auto big = memory.allocate({.order = kMaxOrder, .exact_node = true});
    ASSERT_FALSE(big.is_error());
    EXPECT_EQ(memory.address_of(big.value()), kBase);
    EXPECT_EQ(memory.statistics(0).cpu_list_frames, 0u);
    EXPECT_EQ(memory.allocation_failures(), failures);
    model[kBase] = kMaxOrder;
    EXPECT_TRUE(check_invariants(memory, model));
}

TEST_F(CpuPageListTest, StatisticsCountListedFramesAsFreeOrderZeroBlocks) {
    PageFrame* frame = allocate();
    NodeStatistics statistics = memory().statistics(0);
    EXPECT_EQ(statistics.cpu_list_frames, kDefaults.batch - 1);
    EXPECT_EQ(statistics.free_bytes, initial_free_bytes_ - kPage);
    EXPECT_EQ(memory().free_bytes(), initial_free_bytes_ - kPage);
    uint64_t bytes = 0;
    for (unsigned order = 0; order <= kMaxOrder; ++order)
        bytes += statistics.free_blocks[order] * (kPage << order);
    EXPECT_EQ(bytes, statistics.free_bytes);
    EXPECT_TRUE(check_invariants(memory(), model_));

    free(frame);
    EXPECT_EQ(memory().statistics(0).cpu_list_frames, kDefaults.batch);
    EXPECT_EQ(memory().free_bytes(), initial_free_bytes_);
    char text[128];
    size_t length = memory().format_statistics(text, sizeof text);
    EXPECT_EQ(std::string(text, length), "memory: node 0: 7 MiB free of 8 MiB\n");

    EXPECT_EQ(memory().drain_cpu_lists(), kDefaults.batch);
    EXPECT_EQ(memory().statistics(0).cpu_list_frames, 0u);
    EXPECT_EQ(memory().free_bytes(), initial_free_bytes_);
    EXPECT_EQ(free_blocks(memory()), initial_);
    EXPECT_EQ(memory().drain_cpu_lists(), 0u);
}

TEST_F(CpuPageListTest, ZeroedRequestsAreZeroedOnTheHitPathToo) {
    PageFrame* frame = allocate();
    auto* bytes = static_cast<uint8_t*>(memory().virtual_address_of(frame));
    std::fill(bytes, bytes + kPage, 0xee);
    free(frame);
    PageFrame* clean = allocate({.zeroed = true});
    ASSERT_EQ(clean, frame);
    EXPECT_EQ(std::count(bytes, bytes + kPage, 0), static_cast<long>(kPage));
}

TEST_F(CpuPageListTest, LargerOrdersAndSplitBlocksBypassTheLists) {
    PageFrame* block = allocate({.order = 4});
    EXPECT_EQ(listed(), 0u);
    free(block);
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(free_blocks(memory()), initial_);

    // split_block() promises that its frames merge again as they come back.
    block = allocate({.order = 4});
    uint64_t base = memory().address_of(block);
    memory().split_block(block);
    model_.erase(base);
    for (uint64_t i = 0; i < 16; ++i)
        model_[base + i * kPage] = 0;
    for (uint64_t i = 0; i < 16; ++i)
        free_from(memory(), model_, base + i * kPage);
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(free_blocks(memory()), initial_);

    // Allocated again, the split frames are ordinary frames: a refill takes
    // them (after the order-2 block) and frees list them.
    std::vector<PageFrame*> frames;
    for (uint32_t i = 0; i < kDefaults.batch; ++i)
        frames.push_back(allocate());
    EXPECT_EQ(memory().address_of(frames[4]), base);
    for (PageFrame* frame : frames)
        free(frame);
    EXPECT_EQ(listed(), kDefaults.batch);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(CpuPageListTest, ACpuBeyondTheTableHasNoList) {
    hal::host::set_current_cpu(kMaxCpus + 5);
    PageFrame* frame = allocate();
    EXPECT_EQ(listed(), 0u);
    free(frame);
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(free_blocks(memory()), initial_);
}

TEST_F(CpuPageListTest, LimitsAreCheckedAndChangingThemDrains) {
    free(allocate());
    ASSERT_EQ(listed(), kDefaults.batch);
    for (CpuPageListLimits bad : {CpuPageListLimits{0, 5}, CpuPageListLimits{6, 5}}) {
        auto result = memory().set_cpu_page_list_limits(bad);
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kInvalidArgument);
    }
    EXPECT_EQ(listed(), kDefaults.batch);  // a refused change changes nothing

    ASSERT_FALSE(memory().set_cpu_page_list_limits({0, 0}).is_error());
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(free_blocks(memory()), initial_);
    // Off: order 0 behaves like every other order.
    PageFrame* frame = allocate();
    EXPECT_EQ(listed(), 0u);
    free(frame);
    EXPECT_EQ(listed(), 0u);
    EXPECT_EQ(free_blocks(memory()), initial_);

    ASSERT_FALSE(memory().set_cpu_page_list_limits({1, 1}).is_error());
    frame = allocate();
    EXPECT_EQ(listed(), 0u);  // a batch of one: nothing left over
    free(frame);
    EXPECT_EQ(listed(), 1u);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

// ---- NUMA: only the CPU's own node uses its list ------------------------------

class CpuPageListNumaTest : public ::testing::Test {
protected:
    static constexpr uint64_t kNodeBase = 0x80000000;
    static constexpr uint64_t kNodeSize = 8 * kMiB;

    void SetUp() override {
        machine_.add(kNodeBase, 2 * kNodeSize);
        machine_.add_node_range(kNodeBase, kNodeSize, 0);
        machine_.add_node_range(kNodeBase + kNodeSize, kNodeSize, 1);
        ASSERT_FALSE(machine_.initialize().is_error());
    }
    void TearDown() override { hal::host::set_current_cpu(0); }

    PhysicalMemory& memory() { return machine_.memory(); }
    uint64_t listed(uint32_t node) { return memory().statistics(node).cpu_list_frames; }

    Machine machine_{kNodeBase, 2 * kNodeSize};
    Model model_;
};

TEST_F(CpuPageListNumaTest, RequestsForTheCpusNodeUseTheListOthersBypassIt) {
    // CPU 0 is on node 0: kAnyNode, node 0 and exact node 0 use its list.
    for (PageRequest request :
         {PageRequest{}, PageRequest{.node = 0}, PageRequest{.node = 0, .exact_node = true}}) {
        PageFrame* frame = allocate_into(memory(), model_, request);
        EXPECT_EQ(frame->node(), 0u);
        free_from(memory(), model_, memory().address_of(frame));
        EXPECT_EQ(cpu_listed_frames(memory()).count(memory().address_of(frame)), 1u);
    }
    EXPECT_EQ(listed(0), kDefaults.batch);
    FreeBlocks buddy_lists = free_blocks(memory());

    // Node 1, exact or not: its buddy lists, and back there when freed.
    for (PageRequest request :
         {PageRequest{.node = 1}, PageRequest{.node = 1, .exact_node = true}}) {
        PageFrame* frame = allocate_into(memory(), model_, request);
        EXPECT_EQ(frame->node(), 1u);
        free_from(memory(), model_, memory().address_of(frame));
        EXPECT_EQ(free_blocks(memory()), buddy_lists);
    }
    EXPECT_EQ(listed(0), kDefaults.batch);
    EXPECT_EQ(listed(1), 0u);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(CpuPageListNumaTest, ExactNodeRequestsDrainThatNodesLists) {
    // CPU 1 on node 1 keeps a batch of node 1 on its list; node 1's buddy
    // lists are then emptied.
    memory().set_cpu_node(1, 1);
    hal::host::set_current_cpu(1);
    free_from(memory(), model_, memory().address_of(allocate_into(memory(), model_, {})));
    ASSERT_EQ(listed(1), kDefaults.batch);
    hal::host::set_current_cpu(0);
    while (true) {
        NodeStatistics statistics = memory().statistics(1);
        if (statistics.free_bytes == statistics.cpu_list_frames * kPage) break;
        allocate_into(memory(), model_, {.node = 1, .exact_node = true});
    }
    // Served from CPU 1's list, drained for it, not from node 0.
    for (uint32_t i = 0; i < kDefaults.batch; ++i) {
        PageFrame* frame = allocate_into(memory(), model_, {.node = 1, .exact_node = true});
        ASSERT_NE(frame, nullptr);
        EXPECT_EQ(frame->node(), 1u);
    }
    EXPECT_EQ(memory().statistics(1).free_bytes, 0u);
    EXPECT_TRUE(memory().allocate({.node = 1, .exact_node = true}).is_error());
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(CpuPageListNumaTest, MovingACpuToAnotherNodeDrainsItsList) {
    free_from(memory(), model_, memory().address_of(allocate_into(memory(), model_, {})));
    ASSERT_EQ(listed(0), kDefaults.batch);
    memory().set_cpu_node(0, 1);
    EXPECT_EQ(listed(0), 0u);
    PageFrame* frame = allocate_into(memory(), model_, {});
    EXPECT_EQ(frame->node(), 1u);
    EXPECT_EQ(listed(1), kDefaults.batch - 1);
    EXPECT_TRUE(check_invariants(memory(), model_));
    memory().set_cpu_node(0, 0);
}

// ---- Debug checks -------------------------------------------------------------

using CpuPageListDeathTest = CpuPageListTest;

TEST_F(CpuPageListDeathTest, DoubleFreeOfAListedFrame) {
    PageFrame* frame = allocate();
    memory().free(frame);
    ASSERT_EQ(frame->state(), FrameState::kCpuListed);
    EXPECT_DEATH(memory().free(frame),
                 "KERNEL PANIC: physical memory: double free of the block at 0x[0-9a-f]+ "
                 "\\(order 0\\)");
    // On another CPU, whose list it is not on, or through release().
    hal::host::set_current_cpu(1);
    EXPECT_DEATH(memory().free(frame), "double free of the block at 0x");
    hal::host::set_current_cpu(0);
    EXPECT_DEATH(memory().release(frame), "reference count dropped below zero");
    EXPECT_DEATH(frame->add_reference(), "add_reference\\(\\) on a frame with no references");
    EXPECT_DEATH(memory().split_block(frame), "not an allocated block head");
}

TEST_F(CpuPageListDeathTest, ListedFrameStillReferenced) {
    PageFrame* frame = allocate();
    frame->add_reference();
    EXPECT_DEATH(memory().free(frame), "while 2 references remain");
}

}  // namespace
}  // namespace kernel::mm::testing
