// CapabilitySpace, case by case: lookup's error order, derivation and its
// rights and badges, revocation across spaces, deletion re-parenting,
// moves, closing a space, and object lifetimes.
#include "kernel/cap/capability_space.h"

#include <gtest/gtest.h>

#include "kernel/cap/tests/test_support.h"

namespace kernel::cap::testing {
namespace {

using cairn::kAllRights;
using cairn::kRightDelete;
using cairn::kRightGrant;
using cairn::kRightRead;
using cairn::kRightRevoke;
using cairn::kRightWrite;

class CapabilitySpaceTest : public TwoSpacesTest {
protected:
    // A new object whose only reference is a root capability in `space`.
    Slot root(CapabilitySpace& space, ObjectType type = ObjectType::kEndpoint,
              Rights rights = kAllRights, TestObject** made = nullptr) {
        TestObject* object = TestObject::make(type);
        auto slot = space.insert_root(*object, rights);
        EXPECT_FALSE(slot.is_error());
        if (made != nullptr) *made = object;
        object->release();
        return slot.value();
    }

    static os::Error error_of(const os::ErrorOr<Capability>& result) {
        return result.is_error() ? result.error() : os::Error{};
    }
};

TEST_F(CapabilitySpaceTest, LookupFailsInTheDocumentedOrder) {
    Slot slot = root(*a_, ObjectType::kEndpoint, kRightRead);
    EXPECT_EQ(error_of(a_->lookup(0, ObjectType::kEndpoint, 0)), os::Error::kNoCapability);
    EXPECT_EQ(error_of(a_->lookup(17, ObjectType::kEndpoint, 0)), os::Error::kNoCapability);
    EXPECT_EQ(error_of(a_->lookup(~Slot{0}, ObjectType::kEndpoint, 0)), os::Error::kNoCapability);
    EXPECT_EQ(error_of(a_->lookup(slot + 1, ObjectType::kEndpoint, 0)), os::Error::kNoCapability);
    // Wrong type wins over missing rights.
    EXPECT_EQ(error_of(a_->lookup(slot, ObjectType::kNotification, kRightWrite)),
              os::Error::kWrongType);
    EXPECT_EQ(error_of(a_->lookup(slot, ObjectType::kEndpoint, kRightWrite)),
              os::Error::kMissingRights);
    auto found = a_->lookup(slot, ObjectType::kEndpoint, kRightRead);
    ASSERT_FALSE(found.is_error());
    EXPECT_EQ(found.value().rights, kRightRead);
    EXPECT_EQ(found.value().object->type(), ObjectType::kEndpoint);
    // kNone matches any type.
    EXPECT_FALSE(a_->lookup(slot, ObjectType::kNone, 0).is_error());
}

TEST_F(CapabilitySpaceTest, SlotsAreFilledLowestFirstFromOne) {
    EXPECT_EQ(root(*a_), 1u);
    EXPECT_EQ(root(*a_), 2u);
    EXPECT_EQ(root(*a_), 3u);
    ASSERT_FALSE(a_->remove(2).is_error());
    EXPECT_EQ(root(*a_), 2u);
    EXPECT_EQ(a_->used_slots(), 3u);
    EXPECT_EQ(a_->capacity(), 16u);
}

TEST_F(CapabilitySpaceTest, AFullSpaceSaysNoSpace) {
    for (int i = 0; i < 16; ++i)
        root(*a_);
    TestObject* object = TestObject::make(ObjectType::kEndpoint);
    EXPECT_EQ(a_->insert_root(*object, kAllRights).error(), os::Error::kNoSpace);
    EXPECT_EQ(a_->derive(1, kAllRights, *a_).error(), os::Error::kNoSpace);
    EXPECT_EQ(a_->move(1, *a_).error(), os::Error::kNoSpace);
    EXPECT_EQ(object->capability_count(), 0u);
    object->release();
}

TEST_F(CapabilitySpaceTest, DerivedRightsOnlyShrink) {
    Slot parent = root(*a_, ObjectType::kEndpoint, kRightRead | kRightGrant | kRightDelete);
    Slot child = a_->derive(parent, kAllRights, *b_).value();
    EXPECT_EQ(b_->info(child).value().rights, kRightRead | kRightGrant | kRightDelete);
    Slot grandchild = b_->derive(child, kRightRead | kRightWrite, *b_).value();
    // WRITE was asked for but the parent never had it.
    EXPECT_EQ(b_->info(grandchild).value().rights, kRightRead);
    EXPECT_EQ(b_->info(grandchild).value().object_id, a_->info(parent).value().object_id);
}

TEST_F(CapabilitySpaceTest, DeriveChecksTheRightsItIsToldToRequire) {
    Slot parent = root(*a_, ObjectType::kEndpoint, kRightRead);
    EXPECT_EQ(a_->derive(parent, kAllRights, *b_, kRightGrant).error(), os::Error::kMissingRights);
    EXPECT_EQ(a_->move(parent, *b_, kRightGrant).error(), os::Error::kMissingRights);
    EXPECT_EQ(a_->derive(5, kAllRights, *b_).error(), os::Error::kNoCapability);
    EXPECT_EQ(b_->used_slots(), 0u);
}

TEST_F(CapabilitySpaceTest, BadgesAreSetOnceAndInherited) {
    Slot endpoint = root(*a_, ObjectType::kEndpoint);
    Slot badged = a_->derive(endpoint, kAllRights, *a_, 0, true, 42).value();
    EXPECT_EQ(a_->info(badged).value().badge, 42u);
    EXPECT_EQ(a_->lookup(badged, ObjectType::kEndpoint, 0).value().badge, 42u);
    // A badged capability cannot be re-badged, but copies keep the badge.
    EXPECT_EQ(a_->derive(badged, kAllRights, *a_, 0, true, 7).error(), os::Error::kInvalidArgument);
    Slot copy = a_->derive(badged, kAllRights, *b_).value();
    EXPECT_EQ(b_->info(copy).value().badge, 42u);
    // Badge 0 means "none": a plain copy.
    Slot plain = a_->derive(badged, kAllRights, *b_, 0, true, 0).value();
    EXPECT_EQ(b_->info(plain).value().badge, 42u);
    // Only endpoints and notifications take badges.
    Slot quota = root(*a_, ObjectType::kQuota);
    EXPECT_EQ(a_->derive(quota, kAllRights, *a_, 0, true, 1).error(), os::Error::kInvalidArgument);
    Slot notification = root(*a_, ObjectType::kNotification);
    EXPECT_FALSE(a_->derive(notification, kAllRights, *a_, 0, true, 1).is_error());
}

TEST_F(CapabilitySpaceTest, RevokeRemovesEveryDescendantInEverySpaceButNotItself) {
    TestObject* object = nullptr;
    Slot top = root(*a_, ObjectType::kEndpoint, kAllRights, &object);
    Slot in_b = a_->derive(top, kAllRights, *b_).value();
    Slot back_in_a = b_->derive(in_b, kAllRights, *a_).value();
    Slot deeper = a_->derive(back_in_a, kRightRead, *b_).value();
    Slot sibling = a_->derive(top, kRightRead, *a_).value();
    EXPECT_EQ(object->capability_count(), 5u);
    // An unrelated capability to the same object survives: it is no
    // descendant.
    Slot unrelated = a_->insert_root(*object, kAllRights).value();

    auto revoked = a_->revoke(top);
    ASSERT_FALSE(revoked.is_error());
    EXPECT_EQ(revoked.value(), 4u);
    EXPECT_FALSE(a_->info(top).is_error());
    EXPECT_FALSE(a_->info(unrelated).is_error());
    for (auto [space, slot] : {std::pair{b_, in_b}, {a_, back_in_a}, {b_, deeper}, {a_, sibling}})
        EXPECT_EQ(space->info(slot).error(), os::Error::kNoCapability);
    EXPECT_EQ(object->capability_count(), 2u);
    EXPECT_EQ(fates()[object->id()].last_capability_calls, 0);
    EXPECT_EQ(a_->revoke(top).value(), 0u);
}

TEST_F(CapabilitySpaceTest, RevokeNeedsTheRevokeRight) {
    Slot top = root(*a_, ObjectType::kEndpoint, kAllRights & ~kRightRevoke);
    a_->derive(top, kAllRights, *b_).value();
    EXPECT_EQ(a_->revoke(top).error(), os::Error::kMissingRights);
    EXPECT_EQ(b_->used_slots(), 1u);
    EXPECT_EQ(a_->revoke(9).error(), os::Error::kNoCapability);
}

TEST_F(CapabilitySpaceTest, RevokingManyCapabilitiesWorksAcrossBatches) {
    TestObject* object = nullptr;
    CapabilitySpace* big = make_space(200);
    Slot top = root(*big, ObjectType::kNotification, kAllRights, &object);
    // A chain 100 deep plus a fan of 90.
    Slot last = top;
    for (int i = 0; i < 100; ++i)
        last = big->derive(last, kAllRights, *big).value();
    for (int i = 0; i < 90; ++i)
        big->derive(top, kAllRights, *big).value();
    EXPECT_EQ(object->capability_count(), 191u);
    EXPECT_EQ(big->revoke(top).value(), 190u);
    EXPECT_EQ(big->used_slots(), 1u);
    EXPECT_EQ(object->capability_count(), 1u);
    const char* problem = "";
    EXPECT_TRUE(big->verify(&problem)) << problem;
    big->destroy();
}

TEST_F(CapabilitySpaceTest, DeleteMovesChildrenUpToTheParent) {
    Slot top = root(*a_);
    Slot middle = a_->derive(top, kAllRights, *b_).value();
    Slot low = b_->derive(middle, kRightRead | kRightDelete, *a_).value();
    ASSERT_FALSE(b_->remove(middle).is_error());
    EXPECT_EQ(b_->info(middle).error(), os::Error::kNoCapability);
    EXPECT_EQ(a_->info(low).value().rights, kRightRead | kRightDelete);
    // `low` is now top's child: revoking top reaches it.
    EXPECT_EQ(a_->revoke(top).value(), 1u);
    EXPECT_EQ(a_->info(low).error(), os::Error::kNoCapability);
}

TEST_F(CapabilitySpaceTest, DeletingARootMakesItsChildrenRoots) {
    Slot top = root(*a_);
    Slot one = a_->derive(top, kAllRights, *b_).value();
    Slot two = a_->derive(top, kAllRights, *b_).value();
    b_->derive(two, kAllRights, *b_).value();
    ASSERT_FALSE(a_->remove(top).is_error());
    EXPECT_FALSE(b_->info(one).is_error());
    EXPECT_EQ(b_->revoke(one).value(), 0u);
    EXPECT_EQ(b_->revoke(two).value(), 1u);
}

TEST_F(CapabilitySpaceTest, DeleteNeedsTheDeleteRightUnlessForced) {
    Slot slot = root(*a_, ObjectType::kEndpoint, kRightRead);
    EXPECT_EQ(a_->remove(slot).error(), os::Error::kMissingRights);
    EXPECT_FALSE(a_->remove(slot, true).is_error());
    EXPECT_EQ(a_->remove(slot, true).error(), os::Error::kNoCapability);
}

TEST_F(CapabilitySpaceTest, MoveKeepsThePlaceInTheTree) {
    TestObject* object = nullptr;
    Slot top = root(*a_, ObjectType::kEndpoint, kAllRights, &object);
    Slot child = a_->derive(top, kRightRead | kRightGrant | kRightRevoke, *a_, 0, true, 9).value();
    Slot grandchild = a_->derive(child, kRightRead, *a_).value();
    Slot moved = a_->move(child, *b_, kRightGrant).value();
    EXPECT_EQ(a_->info(child).error(), os::Error::kNoCapability);
    auto info = b_->info(moved).value();
    EXPECT_EQ(info.rights, kRightRead | kRightGrant | kRightRevoke);
    EXPECT_EQ(info.badge, 9u);
    EXPECT_EQ(object->capability_count(), 3u);
    // Still the grandchild's parent, still the top's child.
    EXPECT_EQ(b_->revoke(moved).value(), 1u);
    EXPECT_EQ(a_->info(grandchild).error(), os::Error::kNoCapability);
    b_->derive(moved, kAllRights, *a_).value();
    EXPECT_EQ(a_->revoke(top).value(), 2u);
    EXPECT_EQ(b_->used_slots(), 0u);
}

TEST_F(CapabilitySpaceTest, TheLastCapabilityRunsItsHookOnceAndTheLastReferenceFrees) {
    TestObject* object = TestObject::make(ObjectType::kEndpoint);
    uint64_t id = object->id();
    Slot slot = a_->insert_root(*object, kAllRights).value();
    Slot copy = a_->derive(slot, kAllRights, *b_).value();
    EXPECT_EQ(object->reference_count(), 3u);
    object->release();  // the creator's
    {
        // A lookup's reference keeps the memory after the capabilities go.
        Capability held = a_->lookup(slot, ObjectType::kEndpoint, 0).release_value();
        ASSERT_FALSE(b_->remove(copy).is_error());
        EXPECT_EQ(fates()[id].last_capability_calls, 0);
        ASSERT_FALSE(a_->remove(slot).is_error());
        EXPECT_EQ(fates()[id].last_capability_calls, 1);
        EXPECT_FALSE(fates()[id].destroyed);
        EXPECT_EQ(held.object->capability_count(), 0u);
    }
    EXPECT_TRUE(fates()[id].destroyed);
    EXPECT_EQ(fates()[id].last_capability_calls, 1);
}

TEST_F(CapabilitySpaceTest, ClosingASpaceDeletesItsCapabilitiesAndRefusesNewOnes) {
    TestObject* object = nullptr;
    Slot top = root(*b_, ObjectType::kEndpoint, kAllRights, &object);
    Slot in_a = b_->derive(top, kAllRights, *a_).value();
    Slot below_in_b = a_->derive(in_a, kRightRead, *b_).value();
    root(*a_);
    a_->close();
    EXPECT_TRUE(a_->closed());
    EXPECT_EQ(a_->used_slots(), 0u);
    EXPECT_EQ(a_->info(in_a).error(), os::Error::kNoCapability);
    // The capability below the closed space's one moved up to `top`.
    EXPECT_EQ(object->capability_count(), 2u);
    EXPECT_EQ(b_->derive(top, kAllRights, *a_).error(), os::Error::kPeerGone);
    EXPECT_EQ(a_->insert_root(*object, kAllRights).error(), os::Error::kPeerGone);
    EXPECT_EQ(b_->revoke(top).value(), 1u);
    EXPECT_EQ(b_->info(below_in_b).error(), os::Error::kNoCapability);
    a_->close();  // idempotent
}

TEST_F(CapabilitySpaceTest, InfoReportsTheObject) {
    TestObject* object = nullptr;
    Slot slot = root(*a_, ObjectType::kNotification, kRightRead | kRightWrite, &object);
    auto info = a_->info(slot).value();
    EXPECT_EQ(info.type, ObjectType::kNotification);
    EXPECT_EQ(info.rights, kRightRead | kRightWrite);
    EXPECT_EQ(info.badge, 0u);
    EXPECT_EQ(info.object_id, object->id());
    EXPECT_EQ(info.size, 0u);
    TestObject* other = nullptr;
    Slot second = root(*a_, ObjectType::kNotification, kAllRights, &other);
    EXPECT_NE(a_->info(second).value().object_id, info.object_id);
}

}  // namespace
}  // namespace kernel::cap::testing
