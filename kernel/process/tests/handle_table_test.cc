// HandleTable (handle_table.h): handles, users and the serials that keep an
// address-space capability from naming a later space behind a reused handle.
#include "kernel/process/handle_table.h"

#include <gtest/gtest.h>

namespace kernel::process {
namespace {

struct FakeSpace {
    int id;
};

constexpr size_t kCapacity = 4;
using Table = HandleTable<FakeSpace, kCapacity>;

TEST(HandleTable, HandsOutHandlesFromOneAndRefusesWhenFull) {
    Table table;
    FakeSpace spaces[kCapacity + 1];
    for (size_t i = 0; i < kCapacity; ++i) {
        auto handle = table.add(&spaces[i]);
        ASSERT_FALSE(handle.is_error());
        EXPECT_EQ(handle.value(), i + 1);
        EXPECT_EQ(table.at(i + 1), &spaces[i]);
    }
    auto full = table.add(&spaces[kCapacity]);
    ASSERT_TRUE(full.is_error());
    EXPECT_EQ(full.error(), os::Error::kNoSpace);
}

TEST(HandleTable, UnknownHandlesAreNotFound) {
    Table table;
    for (uint64_t handle : {uint64_t{0}, uint64_t{1}, uint64_t{kCapacity + 1}, ~uint64_t{0}}) {
        EXPECT_EQ(table.at(handle), nullptr);
        EXPECT_EQ(table.acquire(handle).error(), os::Error::kNotFound);
        EXPECT_EQ(table.serial(handle).error(), os::Error::kNotFound);
        EXPECT_EQ(table.remove(handle).error(), os::Error::kNotFound);
        table.release(handle);  // harmless
    }
    EXPECT_FALSE(table.busy());
}

TEST(HandleTable, ASpaceInUseCannotBeRemoved) {
    Table table;
    FakeSpace space{1};
    uint64_t handle = table.add(&space).value();
    ASSERT_EQ(table.acquire(handle).value(), &space);
    EXPECT_EQ(table.users(handle), 1u);
    EXPECT_TRUE(table.busy());
    EXPECT_EQ(table.remove(handle).error(), os::Error::kPermissionDenied);
    table.release(handle);
    EXPECT_FALSE(table.busy());
    EXPECT_EQ(table.remove(handle).value(), &space);
    EXPECT_EQ(table.at(handle), nullptr);
}

TEST(HandleTable, ASerialNamesOneSpaceEvenAfterTheHandleIsReused) {
    Table table;
    FakeSpace first{1}, second{2};
    uint64_t handle = table.add(&first).value();
    uint64_t serial = table.serial(handle).value();
    EXPECT_NE(serial, 0u);  // 0 stands for the process's own space
    ASSERT_EQ(table.acquire(handle, serial).value(), &first);
    table.release(handle);

    ASSERT_EQ(table.remove(handle).value(), &first);
    EXPECT_EQ(table.acquire(handle, serial).error(), os::Error::kNotFound);
    uint64_t reused = table.add(&second).value();
    ASSERT_EQ(reused, handle);
    EXPECT_NE(table.serial(reused).value(), serial);
    // The old capability's (handle, serial) does not reach the new space.
    EXPECT_EQ(table.acquire(handle, serial).error(), os::Error::kNotFound);
    EXPECT_EQ(table.users(handle), 0u);
    EXPECT_EQ(table.acquire(handle, table.serial(handle).value()).value(), &second);
}

TEST(HandleTable, SerialsNeverRepeat) {
    Table table;
    FakeSpace space{1};
    uint64_t last = 0;
    for (int round = 0; round < 1000; ++round) {
        uint64_t handle = table.add(&space).value();
        uint64_t serial = table.serial(handle).value();
        EXPECT_GT(serial, last);
        last = serial;
        ASSERT_FALSE(table.remove(handle).is_error());
    }
}

TEST(HandleTable, OwnSpaceUsersKeepTheTableBusy) {
    Table table;
    table.acquire_own();
    table.acquire_own();
    EXPECT_TRUE(table.busy());
    table.release_own();
    EXPECT_TRUE(table.busy());
    table.release_own();
    EXPECT_FALSE(table.busy());
}

TEST(HandleTable, ClearHandsEverySpaceBackOnce) {
    Table table;
    FakeSpace spaces[3] = {{1}, {2}, {3}};
    for (FakeSpace& space : spaces)
        ASSERT_FALSE(table.add(&space).is_error());
    ASSERT_FALSE(table.remove(2).is_error());
    int destroyed = 0;
    int sum = 0;
    table.clear([&](FakeSpace* space) {
        ++destroyed;
        sum += space->id;
    });
    EXPECT_EQ(destroyed, 2);
    EXPECT_EQ(sum, 1 + 3);
    for (uint64_t handle = 1; handle <= kCapacity; ++handle)
        EXPECT_EQ(table.at(handle), nullptr);
}

}  // namespace
}  // namespace kernel::process
