// The generation-based ASID allocator on the host HAL, whose TLB flushes are
// counted and whose current CPU the test chooses.
#include "kernel/mm/vm/asid_allocator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

#include "hal/host/host_hal.h"

namespace kernel::mm {
namespace {

class AsidAllocatorTest : public ::testing::Test {
protected:
    AsidAllocatorTest() {
        hal::host::set_current_cpu(0);
        hal::host::reset_tlb_flush_counts();
    }
    ~AsidAllocatorTest() override { hal::host::set_current_cpu(0); }

    static uint64_t flushes_of_everything() { return hal::host::tlb_flush_counts().all; }
    static uint64_t flushes_of_one_asid() { return hal::host::tlb_flush_counts().address_spaces; }

    static uint32_t assign_on(AsidAllocator& allocator, AsidContext& context, uint32_t cpu) {
        hal::host::set_current_cpu(cpu);
        AsidAssignment assignment = allocator.assign(context);
        EXPECT_FALSE(assignment.flush);
        return assignment.asid;
    }
};

TEST_F(AsidAllocatorTest, HandsOutDistinctAsidsAndKeepsThemWithinAGeneration) {
    AsidAllocator allocator(16, 2);
    ASSERT_TRUE(allocator.has_asids());
    std::vector<AsidContext> contexts(15);
    std::set<uint32_t> asids;
    for (AsidContext& context : contexts) {
        uint32_t asid = assign_on(allocator, context, 0);
        EXPECT_GE(asid, 1u);  // 0 is the kernel's
        EXPECT_LT(asid, 16u);
        EXPECT_TRUE(asids.insert(asid).second) << "ASID " << asid << " handed out twice";
    }
    // Switching back to them, on either CPU, changes nothing.
    for (size_t i = 0; i < contexts.size(); ++i) {
        uint64_t id = contexts[i].id;
        assign_on(allocator, contexts[i], i % 2);
        EXPECT_EQ(contexts[i].id, id);
    }
    EXPECT_EQ(allocator.generation(), 1u);
    EXPECT_EQ(flushes_of_everything(), 0u);
}

TEST_F(AsidAllocatorTest, RolloverFlushesOnceAndRunningSpacesKeepTheirAsids) {
    AsidAllocator allocator(8, 2);
    std::vector<AsidContext> contexts(7);
    for (AsidContext& context : contexts)
        assign_on(allocator, context, 0);
    const uint32_t on_cpu1 = assign_on(allocator, contexts[3], 1);
    const uint32_t on_cpu0 = assign_on(allocator, contexts[6], 0);

    // All seven user ASIDs are taken: the next new space rolls over.
    AsidContext fresh;
    const uint32_t fresh_asid = assign_on(allocator, fresh, 0);
    EXPECT_EQ(flushes_of_everything(), 1u);
    EXPECT_EQ(allocator.generation(), 2u);
    EXPECT_NE(fresh_asid, on_cpu1);
    EXPECT_NE(fresh_asid, on_cpu0);

    // What was running at the rollover keeps its ASID; the others get
    // ASIDs unique in the new generation.
    // CPU 1 has not flushed since the rollover: it does at its next switch
    // (its TLB may hold old owners' entries of reused ASIDs), once.
    EXPECT_EQ(assign_on(allocator, contexts[3], 1), on_cpu1);
    EXPECT_EQ(flushes_of_everything(), 2u);
    EXPECT_EQ(assign_on(allocator, contexts[3], 1), on_cpu1);
    EXPECT_EQ(flushes_of_everything(), 2u);
    EXPECT_EQ(assign_on(allocator, contexts[6], 0), on_cpu0);
    std::set<uint32_t> asids = {fresh_asid, on_cpu1, on_cpu0};
    for (int i : {0, 1, 2, 4}) {
        EXPECT_TRUE(asids.insert(assign_on(allocator, contexts[i], 0)).second);
    }
    EXPECT_EQ(flushes_of_everything(), 2u);
}

TEST_F(AsidAllocatorTest, AnOldSpaceKeepsItsAsidIfStillFreeAfterARollover) {
    AsidAllocator allocator(8, 1);
    std::vector<AsidContext> contexts(7);
    for (AsidContext& context : contexts)
        assign_on(allocator, context, 0);
    const uint32_t old_asid = contexts[4].id & 0xffffffff;
    AsidContext fresh;
    assign_on(allocator, fresh, 0);  // rolls over, takes the lowest free ASID
    ASSERT_EQ(allocator.generation(), 2u);
    EXPECT_EQ(assign_on(allocator, contexts[4], 0), old_asid);
}

// One full flush on the CPU that rolls over, and one on every other CPU
// before it next switches (both CPUs switch between all rollovers here).
TEST_F(AsidAllocatorTest, EveryRolloverFlushesEachCpuOnceAndNoAsidIsSharedInAGeneration) {
    AsidAllocator allocator(8, 2);
    std::vector<AsidContext> contexts(40);
    // Which context holds each ASID in the current generation.
    std::map<uint32_t, size_t> holders;
    uint64_t generation = allocator.generation();
    for (int step = 0; step < 2000; ++step) {
        size_t index = (step * 7919u) % contexts.size();
        uint32_t asid = assign_on(allocator, contexts[index], step % 2);
        if (allocator.generation() != generation) {
            EXPECT_EQ(allocator.generation(), generation + 1);
            generation = allocator.generation();
            holders.clear();
            // The spaces reserved for the CPUs are re-registered on their next switch.
        }
        auto [holder, inserted] = holders.emplace(asid, index);
        EXPECT_TRUE(inserted || holder->second == index)
            << "ASID " << asid << " held by " << holder->second << " and " << index;
    }
    EXPECT_GT(generation, 10u);
    EXPECT_EQ(flushes_of_everything(), 2 * (generation - 1));
}

// A rollover zeroes the CPUs' active entries (assign()'s lock-free fast path
// then fails on them); a CPU that has not switched since must still have its
// running space's ASID reserved at the next rollover, and flush before its
// next switch after each.
TEST_F(AsidAllocatorTest, ASpaceRunningAcrossTwoRolloversKeepsItsAsid) {
    AsidAllocator allocator(8, 2);
    AsidContext running;
    const uint32_t kept = assign_on(allocator, running, 1);
    std::vector<AsidContext> others(16);
    size_t next = 0;
    // CPU 0 switches through new spaces until two rollovers have happened;
    // CPU 1 stays on `running` all along.
    while (allocator.generation() < 3) {
        ASSERT_LT(next, others.size());
        EXPECT_NE(assign_on(allocator, others[next++], 0), kept)
            << "the ASID of the space running on CPU 1 was handed out (generation "
            << allocator.generation() << ")";
    }
    EXPECT_EQ(flushes_of_everything(), 2u);  // one per rollover, on CPU 0
    EXPECT_EQ(assign_on(allocator, running, 1), kept);
    EXPECT_EQ(flushes_of_everything(), 3u);             // CPU 1's stale TLB, once
    EXPECT_EQ(assign_on(allocator, running, 1), kept);  // the fast path again
    EXPECT_EQ(flushes_of_everything(), 3u);
}

TEST_F(AsidAllocatorTest, ReleasedAsidIsFlushedAndReusedWithoutRollover) {
    AsidAllocator allocator(4, 1);
    AsidContext a, b, c, d, never;
    assign_on(allocator, a, 0);
    const uint32_t b_asid = assign_on(allocator, b, 0);
    assign_on(allocator, c, 0);
    allocator.release(b);
    EXPECT_EQ(b.id, 0u);
    EXPECT_EQ(flushes_of_one_asid(), 1u);
    EXPECT_EQ(assign_on(allocator, d, 0), b_asid);
    EXPECT_EQ(flushes_of_everything(), 0u);

    allocator.release(never);  // never ran: nothing to flush
    EXPECT_EQ(flushes_of_one_asid(), 1u);
}

TEST_F(AsidAllocatorTest, WithoutAsidsEverythingIsZeroAndEverySwitchFlushes) {
    for (uint32_t count : {1u, 3u}) {  // 3: too few for two CPUs to share
        AsidAllocator allocator(count, 2);
        EXPECT_FALSE(allocator.has_asids());
        AsidContext a, b;
        for (AsidContext* context : {&a, &b, &a}) {
            AsidAssignment assignment = allocator.assign(*context);
            EXPECT_EQ(assignment.asid, 0u);
            EXPECT_TRUE(assignment.flush);
            // The context records that the space ran: its owner must flush
            // the TLB when it changes the space's tables.
            EXPECT_NE(context->id, 0u);
        }
        allocator.release(a);
        EXPECT_EQ(flushes_of_everything(), 0u);
        EXPECT_EQ(flushes_of_one_asid(), 0u);
    }
}

TEST_F(AsidAllocatorTest, ACpuBeyondTheConfiguredCountIsABug) {
    AsidAllocator allocator(16, 2);
    AsidContext context;
    EXPECT_DEATH(
        {
            hal::host::set_current_cpu(2);
            allocator.assign(context);
        },
        "assertion failed");
}

}  // namespace
}  // namespace kernel::mm
