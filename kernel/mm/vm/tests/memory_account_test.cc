// Accounting (memory_account.h): an address space with an account charges
// kPageTableCost per table below its root and its private objects kPageCost
// per page, refunds each when it goes, fails past the account's limit
// without leaking or half-mapping, moves the charge of taken pages to the
// (uncharged) target, and holds a reference on the account until destroy().
#include "kernel/mm/vm/memory_account.h"

#include "cairn/capability.h"
#include "hal/host/host_hal.h"
#include "kernel/mm/vm/memory_object.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;
using hal::mm::VirtualAddress;

constexpr VirtualAddress kData = 0x40000000;  // 1 GiB: no table there yet
constexpr uint64_t kHuge = 2 * kMiB;
constexpr hal::mm::PhysicalAddress kDevicePa = 0xfe000000;  // outside simulated RAM

// A budget of `limit` bytes that counts what is charged and its references.
class FakeAccount final : public MemoryAccount {
public:
    explicit FakeAccount(uint64_t limit) : limit(limit) {}
    os::ErrorOr<void> charge_memory(uint64_t bytes) override {
        if (bytes > limit - charged) {
            ++refusals;
            return os::Error::kQuotaExceeded;
        }
        charged += bytes;
        return {};
    }
    void refund_memory(uint64_t bytes) override {
        EXPECT_LE(bytes, charged) << "refunded more than was charged";
        charged -= bytes;
    }
    void retain_account() override { ++references; }
    void release_account() override { --references; }

    uint64_t limit;
    uint64_t charged = 0;
    int references = 0;
    int refusals = 0;
};

class MemoryAccountTest : public VmTest {
protected:
    MemoryAccountTest() : VmTest(16 * kMiB) {}

    AddressSpace* create_charged_space() {
        auto space = AddressSpace::create(environment_, &account_);
        EXPECT_FALSE(space.is_error());
        return space.is_error() ? nullptr : space.value();
    }
    // Tables below the root that `space`'s tables hold (the walker's source
    // counts every table of every space; only one space exists at a time
    // where this is used).
    uint64_t tables_below_root() const { return tables_.tables_in_use() - baseline_tables_ - 1; }

    FakeAccount account_{~uint64_t{0}};
};

TEST_F(MemoryAccountTest, TablesAndTouchedPagesAreChargedAndRefunded) {
    AddressSpace* space = create_charged_space();
    ASSERT_NE(space, nullptr);
    EXPECT_EQ(account_.references, 1);
    ASSERT_FALSE(space->map(anonymous(kData, 8 * kPage, kReadWrite)).is_error());
    EXPECT_EQ(account_.charged, 0u);  // a region is free until touched

    ASSERT_TRUE(user_write(space, kData, 1));
    ASSERT_TRUE(user_write(space, kData + 3 * kPage, 2));
    uint8_t value;
    ASSERT_TRUE(user_read(space, kData + 5 * kPage, &value));  // reads fill pages too
    const uint64_t tables = tables_below_root();
    EXPECT_GE(tables, 2u);
    EXPECT_EQ(account_.charged, 3 * cairn::kPageCost + tables * cairn::kPageTableCost);

    // A second touch of a present page charges nothing.
    ASSERT_TRUE(user_write(space, kData + 3 * kPage + 8, 3));
    EXPECT_EQ(account_.charged, 3 * cairn::kPageCost + tables * cairn::kPageTableCost);

    // Part of the range: its pages go, the tables stay (still in use).
    ASSERT_FALSE(space->unmap(kData, 4 * kPage).is_error());
    EXPECT_EQ(account_.charged, cairn::kPageCost + tables * cairn::kPageTableCost);
    // The rest: the emptied tables are freed and refunded too.
    ASSERT_FALSE(space->unmap(kData + 4 * kPage, 4 * kPage).is_error());
    EXPECT_EQ(account_.charged, 0u);
    EXPECT_EQ(tables_below_root(), 0u);
    as_destroy(space);
    EXPECT_EQ(account_.references, 0);
}

TEST_F(MemoryAccountTest, DestroyRefundsEverything) {
    AddressSpace* space = create_charged_space();
    ASSERT_FALSE(space->map(anonymous(kData, 16 * kPage, kReadWrite)).is_error());
    ASSERT_FALSE(space->map(anonymous(0x7000000000, 4 * kPage, kReadWrite)).is_error());
    for (uint64_t i = 0; i < 16; i += 2)
        ASSERT_TRUE(user_write(space, kData + i * kPage, 1));
    ASSERT_TRUE(user_write(space, 0x7000000000, 1));
    EXPECT_GT(account_.charged, 9 * cairn::kPageCost);
    as_destroy(space);
    EXPECT_EQ(account_.charged, 0u);
    EXPECT_EQ(account_.references, 0);
}

TEST_F(MemoryAccountTest, AFaultPastTheLimitIsUnresolvedAndLeaksNothing) {
    // Room for the tables and three pages.
    AddressSpace* space = create_charged_space();
    ASSERT_FALSE(space->map(anonymous(kData, 64 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space, kData, 1));
    account_.limit = account_.charged + 2 * cairn::kPageCost;
    uint64_t touched = 1;
    while (touched < 64 && user_write(space, kData + touched * kPage, 1))
        ++touched;
    EXPECT_EQ(touched, 3u);
    EXPECT_EQ(account_.charged, account_.limit);
    EXPECT_GE(account_.refusals, 1);
    // Nothing mapped at the refused page, and retrying changes nothing.
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(kData + 3 * kPage, &translation));
    EXPECT_EQ(fault(space, kData + 3 * kPage, Access::kWrite), FaultResolution::kUnresolved);
    EXPECT_EQ(account_.charged, account_.limit);
    // With no room for a table either, a fault in a fresh gigabyte fails too.
    ASSERT_FALSE(space->map(anonymous(0x7000000000, kPage, kReadWrite)).is_error());
    EXPECT_FALSE(user_write(space, 0x7000000000, 1));
    EXPECT_EQ(account_.charged, account_.limit);
    as_destroy(space);  // the fixture checks no frame, table or object leaked
    EXPECT_EQ(account_.charged, 0u);
}

TEST_F(MemoryAccountTest, APageWhoseTableCannotBePaidForIsRefundedWithTheRegion) {
    AddressSpace* space = create_charged_space();
    ASSERT_FALSE(space->map(anonymous(kData, kPage, kReadWrite)).is_error());
    // The page can be paid for, its tables cannot: the fault fails after
    // the page was made; it stays charged with the region until unmapped.
    account_.limit = cairn::kPageCost + cairn::kPageTableCost;
    EXPECT_FALSE(user_write(space, kData, 1));
    EXPECT_LE(account_.charged, account_.limit);
    ASSERT_FALSE(space->unmap(kData, kPage).is_error());
    EXPECT_EQ(account_.charged, 0u);
    as_destroy(space);
}

TEST_F(MemoryAccountTest, ADeviceMappingWhoseTablesCannotBePaidForMapsNothing) {
    AddressSpace* space = create_charged_space();
    auto object = MemoryObject::create_physical(kDevicePa, 4 * kPage, environment_);
    ASSERT_FALSE(object.is_error());
    MapRequest request;
    request.type = RegionType::kDevice;
    request.permissions = kReadWrite;
    request.address = kData;
    request.fixed = true;
    request.length = 4 * kPage;
    request.object = object.value();
    // One table of the two (three) it needs.
    account_.limit = cairn::kPageTableCost;
    auto refused = space->map(request);
    ASSERT_TRUE(refused.is_error());
    EXPECT_EQ(refused.error(), os::Error::kQuotaExceeded);
    EXPECT_EQ(space->region_count(), 0u);
    EXPECT_EQ(account_.charged, 0u);
    EXPECT_EQ(tables_below_root(), 0u);

    account_.limit = ~uint64_t{0};
    ASSERT_FALSE(space->map(request).is_error());
    EXPECT_EQ(account_.charged, tables_below_root() * cairn::kPageTableCost);
    EXPECT_GE(tables_below_root(), 2u);
    ASSERT_FALSE(space->unmap(kData, 4 * kPage).is_error());
    EXPECT_EQ(account_.charged, 0u);
    object.value()->release();
    as_destroy(space);
}

TEST_F(MemoryAccountTest, TakeMovesThePagesChargeToTheUnchargedTarget) {
    AddressSpace* space = create_charged_space();
    ASSERT_FALSE(space->map(anonymous(kData, 8 * kPage, kReadWrite)).is_error());
    for (uint64_t i = 0; i < 3; ++i)
        ASSERT_TRUE(user_write(space, kData + i * kPage, static_cast<uint8_t>(i + 1)));
    auto target = MemoryObject::create_anonymous(8 * kPage, environment_);
    ASSERT_FALSE(target.is_error());
    ASSERT_FALSE(space->take(kData, 8 * kPage, *target.value()).is_error());
    // The pages are the target's now (paid for whole by its creator), the
    // emptied tables are gone: nothing stays on the account.
    EXPECT_EQ(target.value()->resident_pages(), 3u);
    EXPECT_EQ(account_.charged, 0u);
    target.value()->release();
    as_destroy(space);
    EXPECT_EQ(account_.charged, 0u);
}

TEST_F(MemoryAccountTest, AHugeBlockTheAccountCannotPayForFallsBackToOnePage) {
    AddressSpace* space = create_charged_space();
    MapRequest request = anonymous(kData, kHuge, kReadWrite);
    request.huge_pages = true;
    ASSERT_FALSE(space->map(request).is_error());
    account_.limit = 16 * cairn::kPageCost;  // far less than 512 pages
    ASSERT_TRUE(user_write(space, kData + 5 * kPage, 1));
    PageTable::Translation translation;
    ASSERT_TRUE(space->translate(kData + 5 * kPage, &translation));
    EXPECT_EQ(translation.size, PageSize::k4KiB);
    EXPECT_EQ(account_.charged, cairn::kPageCost + tables_below_root() * cairn::kPageTableCost);
    // With room, the next block is one huge leaf charged 512 pages.
    as_destroy(space);
    EXPECT_EQ(account_.charged, 0u);
    account_.limit = ~uint64_t{0};
    space = create_charged_space();
    ASSERT_FALSE(space->map(request).is_error());
    ASSERT_TRUE(user_write(space, kData, 1));
    ASSERT_TRUE(space->translate(kData, &translation));
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_EQ(account_.charged,
              512 * cairn::kPageCost + tables_below_root() * cairn::kPageTableCost);
    as_destroy(space);
    EXPECT_EQ(account_.charged, 0u);
}

TEST_F(MemoryAccountTest, ACloneChargesTheSameAccountForItsOwnPages) {
    AddressSpace* parent = create_charged_space();
    ASSERT_FALSE(parent->map(anonymous(kData, 4 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(parent, kData, 1));
    ASSERT_TRUE(user_write(parent, kData + kPage, 2));
    const uint64_t parent_charge = account_.charged;
    auto child = parent->clone();
    ASSERT_FALSE(child.is_error());
    EXPECT_EQ(account_.references, 2);
    // Two pages shared copy-on-write, each held (and paid for) by both.
    EXPECT_GE(account_.charged, parent_charge + 2 * cairn::kPageCost);
    ASSERT_TRUE(user_write(child.value(), kData, 9));  // a copy: no new charge
    as_destroy(child.value());
    EXPECT_EQ(account_.charged, parent_charge);
    // A clone the account cannot pay for fails and leaves nothing charged.
    account_.limit = account_.charged + cairn::kPageCost;
    EXPECT_TRUE(parent->clone().is_error());
    EXPECT_EQ(account_.charged, parent_charge);
    as_destroy(parent);
    EXPECT_EQ(account_.charged, 0u);
    EXPECT_EQ(account_.references, 0);
}

TEST_F(MemoryAccountTest, SpacesWithoutAnAccountChargeNobody) {
    AddressSpace* space = create_space();
    ASSERT_NE(space, nullptr);
    EXPECT_EQ(space->account(), nullptr);
    ASSERT_FALSE(space->map(anonymous(kData, 4 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space, kData, 1));
    EXPECT_EQ(account_.charged, 0u);
    as_destroy(space);
}

}  // namespace
}  // namespace kernel::mm::testing
