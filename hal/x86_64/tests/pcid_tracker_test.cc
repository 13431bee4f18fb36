// The PCID bookkeeping of mmu/tlb.cc: when a CR3 load may keep a PCID's TLB
// entries, and how flushes of current and other PCIDs are carried out.
#include "hal/x86_64/mmu/pcid_tracker.h"

#include <gtest/gtest.h>

namespace hal::x86_64 {
namespace {

using Action = PcidTracker::Action;

TEST(PcidTracker, StartsOnTheKernelPcidWithNothingStale) {
    PcidTracker tracker(false);
    EXPECT_EQ(tracker.active(), PcidTracker::kKernelPcid);
    for (uint32_t pcid = 0; pcid < PcidTracker::kPcidCount; ++pcid) {
        ASSERT_FALSE(tracker.is_stale(pcid)) << pcid;
    }
}

TEST(PcidTracker, SwitchingBetweenCleanPcidsKeepsTheirEntries) {
    PcidTracker tracker(false);
    EXPECT_FALSE(tracker.activate(1));
    EXPECT_FALSE(tracker.activate(2));
    EXPECT_FALSE(tracker.activate(1));
    EXPECT_EQ(tracker.active(), 1u);
}

TEST(PcidTracker, PcidZeroAlwaysFlushes) {
    PcidTracker tracker(true);
    EXPECT_TRUE(tracker.activate(0));
    EXPECT_FALSE(tracker.activate(7));
    EXPECT_TRUE(tracker.activate(0));
}

TEST(PcidTracker, FlushOfTheCurrentPcidIsDoneAtOnce) {
    PcidTracker tracker(false);
    tracker.activate(3);
    EXPECT_EQ(tracker.flush_page(3), Action::kFlushCurrent);
    EXPECT_EQ(tracker.flush_address_space(3), Action::kFlushCurrent);
    EXPECT_FALSE(tracker.is_stale(3));
    tracker.activate(4);
    EXPECT_FALSE(tracker.activate(3));
}

TEST(PcidTracker, WithInvpcidOtherPcidsAreFlushedAtOnce) {
    PcidTracker tracker(true);
    tracker.activate(1);
    tracker.activate(2);
    EXPECT_EQ(tracker.flush_page(1), Action::kInvpcid);
    EXPECT_EQ(tracker.flush_address_space(1), Action::kInvpcid);
    EXPECT_FALSE(tracker.is_stale(1));
    EXPECT_FALSE(tracker.activate(1));
}

TEST(PcidTracker, WithoutInvpcidOtherPcidsAreFlushedAtTheirNextActivationOnly) {
    PcidTracker tracker(false);
    tracker.activate(1);
    tracker.activate(2);
    EXPECT_EQ(tracker.flush_page(1), Action::kDeferred);
    EXPECT_TRUE(tracker.is_stale(1));
    EXPECT_FALSE(tracker.is_stale(2));
    EXPECT_FALSE(tracker.activate(5));  // others are unaffected
    EXPECT_TRUE(tracker.activate(1));   // the deferred flush
    EXPECT_FALSE(tracker.is_stale(1));
    tracker.activate(2);
    EXPECT_FALSE(tracker.activate(1));  // once only
}

TEST(PcidTracker, DeferredFlushesOfManyPcidsAreKeptApart) {
    PcidTracker tracker(false);
    tracker.activate(100);
    for (uint32_t pcid : {1u, 63u, 64u, 65u, 4095u}) {
        EXPECT_EQ(tracker.flush_address_space(pcid), Action::kDeferred);
    }
    for (uint32_t pcid : {2u, 62u, 66u, 4094u})
        EXPECT_FALSE(tracker.activate(pcid)) << pcid;
    for (uint32_t pcid : {1u, 63u, 64u, 65u, 4095u})
        EXPECT_TRUE(tracker.activate(pcid)) << pcid;
}

TEST(PcidTracker, KernelPageFlushMakesEveryOtherPcidStale) {
    PcidTracker tracker(true);  // even with INVPCID: which PCIDs cache the page is unknown
    tracker.activate(9);
    tracker.mark_others_stale();
    EXPECT_FALSE(tracker.is_stale(9));
    EXPECT_TRUE(tracker.activate(1));
    EXPECT_TRUE(tracker.activate(4095));
    EXPECT_FALSE(tracker.activate(9));
}

TEST(PcidTracker, FlushOfEverythingClearsEveryMark) {
    PcidTracker tracker(false);
    tracker.activate(2);
    tracker.flush_page(1);
    tracker.mark_others_stale();
    tracker.all_flushed();
    for (uint32_t pcid = 1; pcid < PcidTracker::kPcidCount; ++pcid) {
        ASSERT_FALSE(tracker.is_stale(pcid)) << pcid;
    }
    EXPECT_FALSE(tracker.activate(1));
}

}  // namespace
}  // namespace hal::x86_64
