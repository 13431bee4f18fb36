// CapabilitySpace::find_cached_masked(), the IPC fast path's lookup: a hit
// answers from the cache, and every change to the slot (delete, refill,
// revocation from another space) makes the next lookup miss; rights and
// type are checked on a hit too; a slot whose generation would come round
// again is retired instead.
#include <gtest/gtest.h>

#include "kernel/cap/capability_space.h"
#include "kernel/cap/tests/test_support.h"

namespace kernel::cap::testing {
namespace {

using cairn::kAllRights;
using cairn::kRightRead;
using cairn::kRightWrite;
using Cache = CapabilitySpace::CachedLookup<ObjectType::kEndpoint>;
using NotificationCache = CapabilitySpace::CachedLookup<ObjectType::kNotification>;

class CachedLookupTest : public TwoSpacesTest {
protected:
    // A new endpoint-typed object whose only reference is a root capability.
    Slot root(CapabilitySpace& space, Rights rights, uint64_t badge, TestObject** made) {
        TestObject* object = TestObject::make(ObjectType::kEndpoint);
        auto slot = space.insert_root(*object, rights, badge);
        EXPECT_FALSE(slot.is_error());
        *made = object;
        object->release();
        return slot.value();
    }

    KernelObject* find(CapabilitySpace& space, Slot slot, Rights required, uint64_t* badge) {
        return space.find_cached_masked(slot, required, badge, cache_);
    }

    Cache cache_;
};

TEST_F(CachedLookupTest, AMissFillsTheCacheAndAHitAnswersFromIt) {
    TestObject* object;
    Slot slot = root(*a_, kAllRights, 7, &object);
    uint64_t badge = 0;
    EXPECT_EQ(find(*a_, slot, kRightWrite, &badge), object);
    EXPECT_EQ(badge, 7u);
    EXPECT_EQ(cache_.slot, slot);
    // Served from the cache: what it holds is what comes back.
    cache_.badge = 99;
    EXPECT_EQ(find(*a_, slot, kRightWrite, &badge), object);
    EXPECT_EQ(badge, 99u);
}

TEST_F(CachedLookupTest, AnEmptyCacheFindsNothingForSlotZeroOrAnEmptySlot) {
    uint64_t badge = 0;
    EXPECT_EQ(find(*a_, cairn::kNullSlot, 0, &badge), nullptr);
    EXPECT_EQ(find(*a_, 3, 0, &badge), nullptr);
    EXPECT_EQ(cache_.slot, cairn::kNullSlot);
}

TEST_F(CachedLookupTest, ADeletedSlotMisses) {
    TestObject* object;
    Slot slot = root(*a_, kAllRights, 0, &object);
    uint64_t badge = 0;
    ASSERT_EQ(find(*a_, slot, kRightWrite, &badge), object);
    ASSERT_FALSE(a_->remove(slot).is_error());
    EXPECT_EQ(find(*a_, slot, kRightWrite, &badge), nullptr);
}

TEST_F(CachedLookupTest, ASlotRefilledWithAnotherObjectFindsTheNewOne) {
    TestObject* first;
    Slot slot = root(*a_, kAllRights, 1, &first);
    uint64_t badge = 0;
    ASSERT_EQ(find(*a_, slot, kRightWrite, &badge), first);
    ASSERT_FALSE(a_->remove(slot).is_error());
    TestObject* second;
    ASSERT_EQ(root(*a_, kRightWrite, 2, &second), slot);  // lowest empty slot again
    EXPECT_EQ(find(*a_, slot, kRightWrite, &badge), second);
    EXPECT_EQ(badge, 2u);
    // And the narrower rights of the new capability count.
    EXPECT_EQ(find(*a_, slot, kRightRead, &badge), nullptr);
}

TEST_F(CachedLookupTest, RightsAndTypeAreCheckedOnAHit) {
    TestObject* object;
    Slot slot = root(*a_, kRightWrite, 0, &object);
    uint64_t badge = 0;
    ASSERT_EQ(find(*a_, slot, kRightWrite, &badge), object);
    EXPECT_EQ(find(*a_, slot, kRightRead, &badge), nullptr);
    NotificationCache notifications;  // another type: its own cache, and a miss
    EXPECT_EQ(a_->find_cached_masked(slot, kRightWrite, &badge, notifications), nullptr);
    EXPECT_EQ(find(*a_, slot, kRightWrite, &badge), object);
}

TEST_F(CachedLookupTest, ARevocationFromAnotherSpaceMisses) {
    TestObject* object;
    Slot top = root(*a_, kAllRights, 0, &object);
    auto derived = a_->derive(top, kRightWrite, *b_);
    ASSERT_FALSE(derived.is_error());
    uint64_t badge = 0;
    ASSERT_EQ(find(*b_, derived.value(), kRightWrite, &badge), object);
    ASSERT_FALSE(a_->revoke(top).is_error());
    EXPECT_EQ(find(*b_, derived.value(), kRightWrite, &badge), nullptr);
}

TEST_F(CachedLookupTest, ASlotWhoseGenerationWouldComeRoundIsRetired) {
    TestObject* object;
    Slot slot = root(*a_, kAllRights, 0, &object);
    uint64_t badge = 0;
    ASSERT_EQ(find(*a_, slot, kRightWrite, &badge), object);
    // As if the slot had been emptied 2^32 - 2 times already.
    const_cast<CapabilitySpace::Node*>(cache_.node)->generation = kRetiredGeneration - 1;
    ASSERT_FALSE(a_->remove(slot).is_error());
    EXPECT_EQ(cache_.node->generation, kRetiredGeneration);
    TestObject* next;
    EXPECT_EQ(root(*a_, kAllRights, 0, &next), slot + 1);  // never filled again
    EXPECT_EQ(find(*a_, slot, kRightWrite, &badge), nullptr);
    EXPECT_EQ(find(*a_, slot + 1, kRightWrite, &badge), next);
}

}  // namespace
}  // namespace kernel::cap::testing
