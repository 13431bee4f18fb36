// initialize() on awkward memory maps: page 0, unaligned and tiny ranges,
// ranges smaller than their own descriptor array, pages already taken, and
// every error it reports.
#include <gtest/gtest.h>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

// Allocates order-0 frames until none is left; returns their addresses.
Model drain(PhysicalMemory& memory) {
    Model model;
    while (true) {
        auto result = memory.allocate({});
        if (result.is_error()) break;
        model[memory.address_of(result.value())] = 0;
    }
    return model;
}

TEST(InitializeTest, PageZeroIsNeverHandedOut) {
    Machine machine(0, 4 * kMiB);
    machine.add(0, 4 * kMiB);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    EXPECT_EQ(memory.frame_of(0), nullptr);
    EXPECT_EQ(memory.zone_info(0).base, kPage);
    EXPECT_EQ(memory.total_bytes(), 4 * kMiB - kPage);
    Model everything = drain(memory);
    EXPECT_EQ(everything.count(0), 0u);
    EXPECT_EQ(everything.begin()->first, kPage);  // but page 1 is
    EXPECT_TRUE(check_invariants(memory, everything));
}

TEST(InitializeTest, UnalignedRangesAreCutToWholePages) {
    constexpr uint64_t kBase = 0x40000000;
    Machine machine(kBase, 16 * kMiB);
    machine.add(kBase + 0x1800, 0x3c00);               // pages 2..4 only
    machine.add(kBase + 0x103000, 9 * kMiB + 0x7123);  // not 4 MiB aligned at either end
    machine.add(kBase + 0xc00000 + 0x10, kPage);       // no whole page at all
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    ASSERT_EQ(memory.zone_count(), 2u);
    EXPECT_EQ(memory.zone_info(0).base, kBase + 0x2000);
    EXPECT_EQ(memory.zone_info(0).frame_count, 3u);
    EXPECT_EQ(memory.zone_info(1).base, kBase + 0x103000);
    EXPECT_EQ(memory.zone_info(1).frame_count, (9 * kMiB + 0x7000) / kPage);
    EXPECT_EQ(memory.frame_of(kBase + 0xc00000), nullptr);
    EXPECT_TRUE(check_invariants(memory, {}));  // includes natural alignment of every block

    // The 4 MiB-aligned middle of the big range is one order-10 block.
    EXPECT_TRUE(free_blocks(memory).count({kBase + 4 * kMiB, kMaxOrder}));
    Model everything = drain(memory);
    EXPECT_TRUE(everything.count(kBase + 0x2000));
    EXPECT_TRUE(check_invariants(memory, everything));
}

TEST(InitializeTest, RangeSmallerThanItsDescriptorArrayStillServes) {
    constexpr uint64_t kBase = 0x80000000;
    Machine machine(kBase, 8 * kMiB);
    machine.add(kBase, kPage);  // needs a whole page of descriptors for itself
    machine.add(kBase + 4 * kMiB, 4 * kMiB);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    // Both arrays live together at the top of the big range.
    EXPECT_EQ(memory.frame_of(kBase)->state(), FrameState::kFree);
    EXPECT_EQ(memory.frame_of(kBase + 8 * kMiB - kPage)->state(), FrameState::kReserved);
    // 1025 descriptors of 24 bytes take 7 pages of the big range.
    EXPECT_EQ(memory.statistics(0).free_bytes, 4 * kMiB - 7 * kPage + kPage);
    Model everything = drain(memory);
    EXPECT_TRUE(everything.count(kBase));
    EXPECT_TRUE(check_invariants(memory, everything));
}

TEST(InitializeTest, TinyRangeOnItsOwnNodeKeepsItsDescriptorsElsewhere) {
    constexpr uint64_t kBase = 0x80000000;
    Machine machine(kBase, 8 * kMiB);
    machine.add(kBase, 4 * kMiB);
    machine.add(kBase + 6 * kMiB, 2 * kPage);
    machine.add_node_range(kBase + 6 * kMiB, 2 * kMiB, 1);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    EXPECT_EQ(memory.statistics(1).free_bytes, 2 * kPage);
    EXPECT_EQ(memory.statistics(1).total_bytes, 2 * kPage);
    auto result = memory.allocate({.order = 1, .node = 1, .exact_node = true});
    ASSERT_FALSE(result.is_error());
    PageFrame* frame = result.value();
    EXPECT_EQ(memory.address_of(frame), kBase + 6 * kMiB);
    EXPECT_EQ(frame->node(), 1u);
    EXPECT_TRUE(check_invariants(memory, {{kBase + 6 * kMiB, 1}}));
}

TEST(InitializeTest, OnlyOnePageOfRamHoldsItsOwnDescriptor) {
    Machine machine(0x40000000, kMiB);
    machine.add(0x40000000, kPage);
    ASSERT_FALSE(machine.initialize().is_error());
    EXPECT_EQ(machine.memory().total_bytes(), kPage);
    EXPECT_EQ(machine.memory().free_bytes(), 0u);
    EXPECT_TRUE(machine.memory().allocate({}).is_error());

    char text[128];
    size_t length = machine.memory().format_statistics(text, sizeof text);
    EXPECT_EQ(std::string(text, length), "memory: node 0: 0 KiB free of 4 KiB\n");
}

TEST(InitializeTest, PagesAlreadyInUseBecomeAllocatedFrames) {
    constexpr uint64_t kBase = 0x40000000;
    Machine machine(kBase, 8 * kMiB);
    machine.add(kBase, 8 * kMiB);
    // Unaligned edges cover every page they touch.
    const os::MemoryRange taken[] = {
        {kBase + 0x5000, 0x3000, os::MemoryKind::kUsable},
        {kBase + 0x3ff800, 0x1000, os::MemoryKind::kUsable},  // straddles the 4 MiB line
    };
    ASSERT_FALSE(machine.initialize(taken).is_error());
    PhysicalMemory& memory = machine.memory();
    Model model = {{kBase + 0x5000, 0},
                   {kBase + 0x6000, 0},
                   {kBase + 0x7000, 0},
                   {kBase + 0x3ff000, 0},
                   {kBase + 0x400000, 0}};
    for (auto [address, order] : model) {
        EXPECT_EQ(memory.frame_of(address)->state(), FrameState::kAllocated);
        EXPECT_EQ(memory.frame_of(address)->reference_count(), 1u);
    }
    EXPECT_TRUE(check_invariants(memory, model));
    // Freed, they merge like any other frame: back to one block per 4 MiB.
    while (!model.empty())
        free_from(memory, model, model.begin()->first);
    EXPECT_TRUE(check_invariants(memory, model));
    EXPECT_TRUE(free_blocks_after_draining(memory).count({kBase, kMaxOrder}));
}

TEST(InitializeTest, DescriptorsAvoidPagesInUse) {
    constexpr uint64_t kBase = 0x40000000;
    Machine machine(kBase, 4 * kMiB);
    machine.add(kBase, 4 * kMiB);
    // The top 12 pages are taken: the 6 descriptor pages go right below.
    const os::MemoryRange taken[] = {{kBase + 4 * kMiB - 12 * kPage, 12 * kPage}};
    ASSERT_FALSE(machine.initialize(taken).is_error());
    PhysicalMemory& memory = machine.memory();
    for (int i = 13; i <= 18; ++i) {
        EXPECT_EQ(memory.frame_of(kBase + 4 * kMiB - i * kPage)->state(), FrameState::kReserved);
    }
    EXPECT_EQ(memory.frame_of(kBase + 4 * kMiB - 19 * kPage)->state(), FrameState::kTail);
    EXPECT_EQ(memory.free_bytes(), 4 * kMiB - 18 * kPage);
}

TEST(InitializeTest, Errors) {
    constexpr uint64_t kBase = 0x40000000;
    {
        Machine machine(kBase, 4 * kMiB);  // no usable range at all
        machine.add(kBase, 4 * kMiB, os::MemoryKind::kReserved);
        auto result = machine.initialize();
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kNotFound);
        EXPECT_FALSE(machine.memory().initialized());
    }
    {
        Machine machine(kBase, 4 * kMiB);
        machine.add(kBase, 4 * kMiB);
        machine.add_node_range(kBase, 4 * kMiB, kMaxNodes);
        auto result = machine.initialize();
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kUnsupported);
    }
    {
        Machine machine(kBase, 4 * kMiB);
        machine.add(kBase, 4 * kMiB);
        // A taken page outside usable RAM is a bug in the caller; the
        // instance stays uninitialized and can be initialized properly.
        const os::MemoryRange outside[] = {{kBase + 4 * kMiB, kPage}};
        auto result = machine.initialize(outside);
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kInvalidArgument);
        EXPECT_FALSE(machine.memory().initialized());
        ASSERT_FALSE(machine.initialize().is_error());
        EXPECT_TRUE(check_invariants(machine.memory(), {}));
        auto again = machine.initialize();
        ASSERT_TRUE(again.is_error());
        EXPECT_EQ(again.error(), os::Error::kAlreadyExists);
    }
    {
        Machine machine(kBase, 4 * kMiB);  // every page taken: no room for descriptors
        machine.add(kBase, 4 * kPage);
        const os::MemoryRange all[] = {{kBase, 4 * kPage}};
        auto result = machine.initialize(all);
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
    }
    {
        Machine machine(kBase, 4 * kMiB);  // RAM the direct map does not reach
        machine.add(0x100000000, 4 * kMiB);
        auto result = machine.initialize();
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kBadAddress);
    }
    {
        // 64 ranges, each cut in three by a node-1 range in its middle: 192 zones.
        Machine machine(kBase, 16 * kMiB);
        for (uint64_t i = 0; i < 64; ++i) {
            machine.add(kBase + i * 8 * kPage, 4 * kPage);
            machine.add_node_range(kBase + i * 8 * kPage + kPage, kPage, 1);
        }
        auto result = machine.initialize();
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kNoSpace);
    }
}

TEST(InitializeTest, ManyTinyRangesShareOneDescriptorPage) {
    constexpr uint64_t kBase = 0x40000000;
    Machine machine(kBase, 4 * kMiB);
    for (uint64_t i = 0; i < 60; ++i)
        machine.add(kBase + i * 2 * kPage, kPage);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    EXPECT_EQ(memory.zone_count(), 60u);
    EXPECT_EQ(memory.free_bytes(), 59 * kPage);  // 60 * 24 bytes fit in the highest page
    EXPECT_EQ(memory.frame_of(kBase + 118 * kPage)->state(), FrameState::kReserved);
    // Zones are used highest address first.
    PageFrame* first = memory.allocate({}).release_value();
    EXPECT_EQ(memory.address_of(first), kBase + 116 * kPage);
    Model everything = drain(memory);
    everything[kBase + 116 * kPage] = 0;
    EXPECT_EQ(everything.size(), 59u);
    EXPECT_TRUE(check_invariants(memory, everything));
}

}  // namespace
}  // namespace kernel::mm::testing
