// BootAllocator: where it takes pages from, what it records, and the
// hand-over to PhysicalMemory.
#include "kernel/mm/physical/boot_allocator.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

// A PC-like low end: the first MiB partly usable, the kernel at 1 MiB.
class BootAllocatorTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine_.add(0, 0x9f000);
        machine_.add(0x100000, 8 * kMiB - 0x100000);
        ASSERT_FALSE(
            machine_.map().reserve(0x100000, 0x200000, os::MemoryKind::kKernel).is_error());
    }

    Machine machine_{0, 8 * kMiB};
};

TEST_F(BootAllocatorTest, TakesZeroedPagesAboveTheKernelNeverBelowOneMiB) {
    BootAllocator boot(machine_.map());
    auto first = boot.allocate();
    ASSERT_FALSE(first.is_error());
    EXPECT_EQ(first.value(), 0x300000u);  // first usable page at or above 1 MiB
    auto* bytes = static_cast<uint8_t*>(hal::mm::physical_to_virtual(first.value()));
    EXPECT_EQ(std::count(bytes, bytes + kPage, 0), static_cast<long>(kPage));
    EXPECT_EQ(bytes[kPage], 0xa5);  // the next page is untouched

    auto run = boot.allocate(3);
    ASSERT_FALSE(run.is_error());
    EXPECT_EQ(run.value(), 0x301000u);
    EXPECT_EQ(boot.pages_taken(), 4u);
    ASSERT_EQ(boot.taken().size(), 1u);  // contiguous allocations make one run
    EXPECT_EQ(boot.taken()[0].base, 0x300000u);
    EXPECT_EQ(boot.taken()[0].size, 4 * kPage);
}

TEST_F(BootAllocatorTest, MovesOnWhenARangeIsTooSmallOrExhausted) {
    machine_.map().reserve(0x310000, kPage, os::MemoryKind::kFirmwareData).release_value();
    BootAllocator boot(machine_.map());
    EXPECT_EQ(boot.allocate(15).value(), 0x300000u);
    // Two pages do not fit in the one left below the firmware page.
    EXPECT_EQ(boot.allocate(2).value(), 0x311000u);
    EXPECT_EQ(boot.allocate().value(), 0x313000u);
    ASSERT_EQ(boot.taken().size(), 2u);
    EXPECT_EQ(boot.taken()[0].size, 15 * kPage);
    EXPECT_EQ(boot.taken()[1].base, 0x311000u);
    EXPECT_EQ(boot.taken()[1].size, 3 * kPage);

    auto too_much = boot.allocate(8 * kMiB / kPage);
    ASSERT_TRUE(too_much.is_error());
    EXPECT_EQ(too_much.error(), os::Error::kOutOfMemory);
    auto nothing = boot.allocate(0);
    ASSERT_TRUE(nothing.is_error());
    EXPECT_EQ(nothing.error(), os::Error::kInvalidArgument);
    // Running out leaves what remains usable for the rest.
    EXPECT_FALSE(boot.allocate().is_error());
}

TEST(BootAllocatorCoverageTest, SkipsRamTheEarlyMapDoesNotReach) {
    // The host HAL's early map covers exactly the simulated RAM.
    Machine machine(0x10000000, 4 * kMiB);
    machine.add(0x200000, 0x400000);
    machine.add(0x10000000, 4 * kMiB);
    BootAllocator boot(machine.map());
    auto page = boot.allocate();
    ASSERT_FALSE(page.is_error());
    EXPECT_EQ(page.value(), 0x10000000u);
}

TEST_F(BootAllocatorTest, HandsItsPagesOverAsAllocatedFrames) {
    BootAllocator boot(machine_.map());
    Model model;
    for (int i = 0; i < 5; ++i)
        model[boot.allocate().release_value()] = 0;
    ASSERT_FALSE(machine_.initialize(boot.hand_over()).is_error());
    PhysicalMemory& memory = machine_.memory();
    for (auto [address, order] : model) {
        PageFrame* frame = memory.frame_of(address);
        EXPECT_EQ(frame->state(), FrameState::kAllocated);
        EXPECT_EQ(frame->reference_count(), 1u);
    }
    EXPECT_TRUE(check_invariants(memory, model));

    // Nothing the buddy hands out overlaps them.
    Model everything = model;
    while (true) {
        auto result = memory.allocate({});
        if (result.is_error()) break;
        ASSERT_TRUE(everything.insert({memory.address_of(result.value()), 0}).second);
    }
    EXPECT_TRUE(check_invariants(memory, everything));
    // A boot page table freed later merges with its neighbours.
    while (!everything.empty())
        free_from(memory, everything, everything.begin()->first);
    EXPECT_TRUE(check_invariants(memory, everything));
    EXPECT_TRUE(free_blocks_after_draining(memory).count({0x300000, 8}));  // 3 MiB .. 4 MiB
}

using BootAllocatorDeathTest = BootAllocatorTest;

TEST_F(BootAllocatorDeathTest, AllocateAfterHandOver) {
    BootAllocator boot(machine_.map());
    boot.allocate().release_value();
    boot.hand_over();
    EXPECT_DEATH(boot.allocate().release_value(),
                 "KERNEL PANIC: BootAllocator: allocate\\(\\) after hand_over\\(\\)");
}

}  // namespace
}  // namespace kernel::mm::testing
