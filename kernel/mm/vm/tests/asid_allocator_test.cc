// The ASID allocator: one ASID per address space for its life, 0 when none
// is left (asid_allocator.h).
#include "kernel/mm/vm/asid_allocator.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>

namespace kernel::mm {
namespace {

TEST(AsidAllocatorTest, HandsOutEachAsidOnceThenZero) {
    AsidAllocator allocator(16);
    ASSERT_TRUE(allocator.has_asids());
    std::set<uint32_t> asids;
    for (int i = 0; i < 15; ++i) {
        uint32_t asid = allocator.allocate();
        EXPECT_GE(asid, 1u);  // 0 is the kernel's
        EXPECT_LT(asid, 16u);
        EXPECT_TRUE(asids.insert(asid).second) << "ASID " << asid << " handed out twice";
    }
    EXPECT_EQ(allocator.in_use(), 15u);
    EXPECT_EQ(allocator.allocate(), 0u);  // none left: the shared ASID 0
    EXPECT_EQ(allocator.in_use(), 15u);
    allocator.release(0);  // a space that ran as 0 gives nothing back
    EXPECT_EQ(allocator.in_use(), 15u);
    allocator.release(7);
    EXPECT_EQ(allocator.allocate(), 7u);  // the only free one
}

TEST(AsidAllocatorTest, AReleasedAsidComesBackAfterTheOthers) {
    AsidAllocator allocator(8);
    uint32_t first = allocator.allocate();
    uint32_t second = allocator.allocate();
    allocator.release(first);
    // Onwards from the last one handed out: the free ones after it first.
    std::vector<uint32_t> next;
    for (int i = 0; i < 6; ++i)
        next.push_back(allocator.allocate());
    EXPECT_EQ(next.back(), first);
    for (size_t i = 0; i + 1 < next.size(); ++i) {
        EXPECT_NE(next[i], first);
        EXPECT_NE(next[i], second);
    }
    EXPECT_EQ(allocator.allocate(), 0u);
}

TEST(AsidAllocatorTest, WithoutAsidsEverySpaceRunsAsZero) {
    for (uint32_t count : {0u, 1u}) {
        AsidAllocator allocator(count);
        EXPECT_FALSE(allocator.has_asids());
        EXPECT_EQ(allocator.allocate(), 0u);
        EXPECT_EQ(allocator.allocate(), 0u);
        EXPECT_EQ(allocator.in_use(), 0u);
    }
}

TEST(AsidAllocatorTest, MoreThanSixteenBitsAreClamped) {
    AsidAllocator allocator(1 << 20);
    std::vector<bool> seen(AsidAllocator::kMaxAsids);
    for (uint32_t i = 1; i < AsidAllocator::kMaxAsids; ++i) {
        uint32_t asid = allocator.allocate();
        ASSERT_NE(asid, 0u);
        ASSERT_LT(asid, AsidAllocator::kMaxAsids);
        ASSERT_FALSE(seen[asid]);
        seen[asid] = true;
    }
    EXPECT_EQ(allocator.allocate(), 0u);
}

// Thousands of random allocations and releases against a set of the held
// ones: never an ASID that is held, 0 only when every one is, and the
// count agrees. Sizes around the 64-bit words the search skips.
TEST(AsidAllocatorTest, RandomSequencesMatchASetOfHeldAsids) {
    std::mt19937 random(5);
    for (uint32_t count : {2u, 3u, 63u, 64u, 65u, 130u, 4096u}) {
        AsidAllocator allocator(count);
        std::set<uint32_t> held;
        for (int step = 0; step < 20000; ++step) {
            bool release = !held.empty() && random() % 100 < 45;
            if (release) {
                auto it = held.begin();
                std::advance(it, random() % held.size());
                allocator.release(*it);
                held.erase(it);
            } else {
                uint32_t asid = allocator.allocate();
                if (held.size() == count - 1) {
                    ASSERT_EQ(asid, 0u) << "count " << count;
                } else {
                    ASSERT_NE(asid, 0u) << "count " << count << " step " << step;
                    ASSERT_LT(asid, count);
                    ASSERT_TRUE(held.insert(asid).second) << "ASID " << asid << " held twice";
                }
            }
            ASSERT_EQ(allocator.in_use(), held.size());
        }
    }
}

}  // namespace
}  // namespace kernel::mm
