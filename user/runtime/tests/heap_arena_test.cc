#include "user/runtime/logic/heap_arena.h"

#include <stdint.h>

#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace cairn::runtime {
namespace {

constexpr uintptr_t kBase = uintptr_t{64} << 30;
constexpr size_t kMiB = 1 << 20;

struct FakeMapper {
    std::vector<std::pair<uintptr_t, size_t>> calls;
    bool fail = false;

    static bool map(uintptr_t address, size_t length, void* context) {
        auto* self = static_cast<FakeMapper*>(context);
        self->calls.emplace_back(address, length);
        return !self->fail;
    }
};

HeapArena::Config config(size_t limit = size_t{1} << 30) {
    return {.base = kBase, .limit = limit, .page_size = 4096, .minimum_step = kMiB,
            .maximum_step = 64 * kMiB};
}

TEST(HeapArena, FirstGrowthMapsMinimumStepAtBase) {
    FakeMapper mapper;
    HeapArena arena(config(), FakeMapper::map, &mapper);
    EXPECT_EQ(arena.move_break(100), reinterpret_cast<void*>(kBase));
    EXPECT_EQ(arena.current_break(), kBase + 100);
    ASSERT_EQ(mapper.calls.size(), 1u);
    EXPECT_EQ(mapper.calls[0], std::make_pair(kBase, kMiB));
    // Within the mapped range: no more system calls.
    EXPECT_EQ(arena.move_break(1000), reinterpret_cast<void*>(kBase + 100));
    EXPECT_EQ(mapper.calls.size(), 1u);
}

TEST(HeapArena, RegionsAreContiguousAndGrowGeometrically) {
    FakeMapper mapper;
    HeapArena arena(config(), FakeMapper::map, &mapper);
    for (int i = 0; i < 64; ++i) ASSERT_NE(arena.move_break(kMiB / 2), nullptr);
    ASSERT_GE(mapper.calls.size(), 2u);
    uintptr_t expected = kBase;
    for (auto [address, length] : mapper.calls) {
        EXPECT_EQ(address, expected);  // each right after the previous one
        EXPECT_EQ(length % 4096, 0u);
        expected += length;
    }
    EXPECT_EQ(expected, arena.mapped_end());
    // 32 MiB in half-MiB steps needs far fewer than 32 mappings.
    EXPECT_LT(mapper.calls.size(), 10u);
    EXPECT_EQ(arena.current_break(), kBase + 32 * kMiB);
}

TEST(HeapArena, LargeRequestMapsAtLeastWhatItNeeds) {
    FakeMapper mapper;
    HeapArena arena(config(), FakeMapper::map, &mapper);
    ASSERT_NE(arena.move_break(100 * kMiB + 1), nullptr);
    ASSERT_EQ(mapper.calls.size(), 1u);
    EXPECT_GE(mapper.calls[0].second, 100 * kMiB + 4096);
    EXPECT_GE(arena.mapped_end(), arena.current_break());
}

TEST(HeapArena, FailedMappingLeavesBreakUnchanged) {
    FakeMapper mapper;
    HeapArena arena(config(), FakeMapper::map, &mapper);
    ASSERT_NE(arena.move_break(10), nullptr);
    mapper.fail = true;
    EXPECT_EQ(arena.move_break(2 * kMiB), nullptr);
    EXPECT_EQ(arena.current_break(), kBase + 10);
    EXPECT_EQ(arena.mapped_end(), kBase + kMiB);
    mapper.fail = false;
    EXPECT_EQ(arena.move_break(2 * kMiB), reinterpret_cast<void*>(kBase + 10));
}

TEST(HeapArena, LimitIsNeverPassed) {
    FakeMapper mapper;
    HeapArena arena(config(3 * kMiB), FakeMapper::map, &mapper);
    ASSERT_NE(arena.move_break(2 * kMiB), nullptr);
    ASSERT_NE(arena.move_break(kMiB), nullptr);  // exactly up to the limit
    EXPECT_EQ(arena.current_break(), kBase + 3 * kMiB);
    EXPECT_EQ(arena.move_break(1), nullptr);
    EXPECT_LE(arena.mapped_end(), kBase + 3 * kMiB);
    EXPECT_EQ(arena.move_break(INTPTR_MAX), nullptr);
}

TEST(HeapArena, ShrinkingMovesBreakBackButNotBelowBase) {
    FakeMapper mapper;
    HeapArena arena(config(), FakeMapper::map, &mapper);
    ASSERT_NE(arena.move_break(4096), nullptr);
    EXPECT_EQ(arena.move_break(-4096), reinterpret_cast<void*>(kBase + 4096));
    EXPECT_EQ(arena.current_break(), kBase);
    EXPECT_EQ(arena.move_break(-1), nullptr);
    EXPECT_EQ(arena.move_break(INTPTR_MIN), nullptr);
    EXPECT_EQ(arena.current_break(), kBase);
    EXPECT_EQ(mapper.calls.size(), 1u);  // shrinking never unmaps or maps
}

TEST(HeapArena, ZeroIncrementReportsBreak) {
    FakeMapper mapper;
    HeapArena arena(config(), FakeMapper::map, &mapper);
    EXPECT_EQ(arena.move_break(0), reinterpret_cast<void*>(kBase));
    EXPECT_TRUE(mapper.calls.empty());
}

}  // namespace
}  // namespace cairn::runtime
