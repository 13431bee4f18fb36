// Quotas and the object allocator: what objects cost, that destroying them
// refunds exactly, and that split quotas give their memory back up the chain.
#include "kernel/object/quota.h"

#include <gtest/gtest.h>

#include "cairn/capability.h"
#include "kernel/cap/tests/test_support.h"
#include "kernel/object/platform.h"

namespace kernel::cap::testing {
namespace {

using cairn::kObjectCost;
using object::Quota;

class QuotaTest : public KernelHeapTest {};

TEST_F(QuotaTest, ChargeAndRefundMoveTheBudget) {
    Quota* quota = Quota::create(nullptr, 1000).value();
    EXPECT_EQ(quota->type(), ObjectType::kQuota);
    EXPECT_EQ(quota->available(), 1000u);
    EXPECT_EQ(quota->info_size(), 1000u);
    EXPECT_FALSE(quota->charge(600).is_error());
    EXPECT_EQ(quota->charge(401).error(), os::Error::kQuotaExceeded);
    EXPECT_EQ(quota->available(), 400u);
    EXPECT_FALSE(quota->charge(400).is_error());
    EXPECT_EQ(quota->available(), 0u);
    quota->refund(1000);
    EXPECT_EQ(quota->available(), 1000u);
    EXPECT_EQ(quota->total(), 1000u);
    quota->release();
}

TEST_F(QuotaTest, ObjectsCostTheirPriceUntilDestroyed) {
    Quota* quota = Quota::create(nullptr, 2 * kObjectCost + 100).value();
    TestObject* small = TestObject::make(ObjectType::kEndpoint, quota);
    ASSERT_NE(small, nullptr);
    EXPECT_EQ(quota->available(), kObjectCost + 100);
    // Payload bytes count too: this one does not fit.
    EXPECT_EQ(TestObject::make(ObjectType::kMemory, quota, 101), nullptr);
    EXPECT_EQ(quota->available(), kObjectCost + 100);
    TestObject* big = TestObject::make(ObjectType::kMemory, quota, 100);
    ASSERT_NE(big, nullptr);
    EXPECT_EQ(quota->available(), 0u);
    // An object keeps its quota alive: drop ours first.
    EXPECT_EQ(quota->reference_count(), 3u);
    small->release();
    EXPECT_EQ(quota->available(), kObjectCost);
    big->release();
    EXPECT_EQ(quota->available(), 2 * kObjectCost + 100);
    EXPECT_EQ(quota->reference_count(), 1u);
    quota->release();
}

// Large enough to need fresh pages from the heap.
class BigObject final : public object::KernelObject {
private:
    friend class object::Allocator;
    BigObject() : KernelObject(ObjectType::kMemory) {}
    void destroy() override { object::Allocator::destroy(this); }
    char payload_[64 * 1024] = {};
};

TEST_F(QuotaTest, AnAllocationFailureChargesNothing) {
    Quota* quota = Quota::create(nullptr, 1 << 20).value();
    source_.set_page_limit(source_.outstanding_pages());  // no page left
    auto made = object::Allocator::create<BigObject>(quota, 0);
    ASSERT_TRUE(made.is_error());
    EXPECT_EQ(made.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(quota->available(), uint64_t{1} << 20);
    EXPECT_EQ(quota->reference_count(), 1u);
    source_.set_page_limit(SIZE_MAX);
    BigObject* big = object::Allocator::create<BigObject>(quota, 0).value();
    EXPECT_EQ(quota->available(), (uint64_t{1} << 20) - kObjectCost);
    big->release();
    EXPECT_EQ(quota->available(), uint64_t{1} << 20);
    quota->release();
}

TEST_F(QuotaTest, OverflowingPayloadsAreRefused) {
    Quota* quota = Quota::create(nullptr, 1000).value();
    EXPECT_EQ(TestObject::make(ObjectType::kMemory, quota, ~uint64_t{0}), nullptr);
    EXPECT_EQ(quota->available(), 1000u);
    quota->release();
}

TEST_F(QuotaTest, SplitQuotasReturnTheirBytesToTheParent) {
    Quota* parent = Quota::create(nullptr, 10000).value();
    Quota* child = parent->split(3000).value();
    EXPECT_EQ(parent->available(), 10000 - 3000 - kObjectCost);
    EXPECT_EQ(child->available(), 3000u);
    EXPECT_EQ(parent->split(10000).error(), os::Error::kQuotaExceeded);
    Quota* grandchild = child->split(1000).value();
    TestObject* object = TestObject::make(ObjectType::kNotification, grandchild);
    EXPECT_EQ(grandchild->available(), 1000 - kObjectCost);
    // Dropping the quotas' own references: the object still holds the chain.
    child->release();
    grandchild->release();
    EXPECT_EQ(parent->available(), 10000 - 3000 - kObjectCost);
    object->release();
    EXPECT_EQ(parent->available(), 10000u);
    parent->release();
}

// Freeing a deep chain of quotas runs in a loop: 200000 nested levels would
// overflow any stack if each level recursed into its parent's destroy().
TEST_F(QuotaTest, ADeepChainOfQuotasIsFreedWithoutRecursion) {
    constexpr int kDepth = 200000;
    Quota* root = Quota::create(nullptr, uint64_t{1} << 40).value();
    Quota* at = root;
    for (int level = 0; level < kDepth; ++level) {
        Quota* next = at->split(at->available() - kObjectCost).value();
        if (at != root) at->release();  // the child's reference keeps it
        at = next;
    }
    EXPECT_EQ(root->available(), 0u);
    at->release();
    EXPECT_EQ(root->available(), uint64_t{1} << 40);
    EXPECT_EQ(root->reference_count(), 1u);
    root->release();
}

TEST_F(QuotaTest, ObjectIdsAreUniqueAndThePlatformIsUncharged) {
    object::Platform* platform = object::Platform::create().value();
    Quota* quota = Quota::create(nullptr, 1).value();
    EXPECT_EQ(platform->type(), ObjectType::kPlatform);
    EXPECT_NE(platform->id(), quota->id());
    EXPECT_LT(platform->id(), quota->id());
    platform->release();
    quota->release();
}

// A charge taken for a scope goes back unless it was kept; adopting one
// made earlier refunds it the same way.
TEST_F(QuotaTest, ScopedChargesAreRefundedUnlessKept) {
    Quota* quota = Quota::create(nullptr, 1000).value();
    {
        auto charge = object::ScopedCharge::take(quota, 600);
        ASSERT_FALSE(charge.is_error());
        EXPECT_EQ(quota->available(), 400u);
        EXPECT_EQ(object::ScopedCharge::take(quota, 401).error(), os::Error::kQuotaExceeded);
        EXPECT_EQ(quota->available(), 400u);
    }
    EXPECT_EQ(quota->available(), 1000u);
    {
        auto charge = object::ScopedCharge::take(quota, 300);
        ASSERT_FALSE(charge.is_error());
        charge.value().keep();
    }
    EXPECT_EQ(quota->available(), 700u);
    { object::ScopedCharge adopted = object::ScopedCharge::adopt(quota, 300); }
    EXPECT_EQ(quota->available(), 1000u);
    // No quota: nothing to charge or refund.
    EXPECT_FALSE(object::ScopedCharge::take(nullptr, ~uint64_t{0}).is_error());
    quota->release();
}

// A capability space made with a quota charges each chunk of slots when it
// is first used; a quota that cannot pay refuses the capability (nothing
// changes) and destroying the space refunds every chunk.
TEST_F(QuotaTest, CapabilitySpaceChunksAreChargedToTheSpacesQuota) {
    constexpr uint64_t kChunk = cairn::kCapabilityChunkCost;
    constexpr uint64_t kSlots = cairn::kCapabilityChunkSlots;
    Quota* quota = Quota::create(nullptr, kChunk + kChunk / 2).value();
    CapabilitySpace* space = CapabilitySpace::create(4 * kSlots, quota).value();
    EXPECT_EQ(quota->reference_count(), 2u);             // the space holds one
    EXPECT_EQ(quota->available(), kChunk + kChunk / 2);  // no chunk yet
    TestObject* object = TestObject::make(ObjectType::kEndpoint);
    for (uint64_t i = 0; i < kSlots; ++i)
        ASSERT_FALSE(space->insert_root(*object, cairn::kAllRights).is_error());
    EXPECT_EQ(quota->available(), kChunk / 2);  // one chunk for 64 slots
    // The 65th slot needs a second chunk, which the quota cannot pay.
    auto refused = space->insert_root(*object, cairn::kAllRights);
    ASSERT_TRUE(refused.is_error());
    EXPECT_EQ(refused.error(), os::Error::kQuotaExceeded);
    EXPECT_EQ(space->used_slots(), kSlots);
    EXPECT_EQ(quota->available(), kChunk / 2);
    // A derivation into the space is refused the same way.
    auto derived = space->derive(1, cairn::kAllRights, *space);
    ASSERT_TRUE(derived.is_error());
    EXPECT_EQ(derived.error(), os::Error::kQuotaExceeded);
    // A freed slot in the chunk is reused without a charge.
    ASSERT_FALSE(space->remove(5).is_error());
    EXPECT_EQ(space->insert_root(*object, cairn::kAllRights).value(), 5u);
    EXPECT_EQ(quota->available(), kChunk / 2);
    space->destroy();
    EXPECT_EQ(quota->available(), kChunk + kChunk / 2);
    EXPECT_EQ(quota->reference_count(), 1u);
    quota->release();
    object->release();
}

}  // namespace
}  // namespace kernel::cap::testing
