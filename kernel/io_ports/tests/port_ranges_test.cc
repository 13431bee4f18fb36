// io_port_create's range check and the grant table edits (port_ranges.h).
#include "kernel/io_ports/port_ranges.h"

#include <gtest/gtest.h>

namespace kernel::io_ports {
namespace {

constexpr Range kReserved[] = {{0x20, 2}, {0x40, 4}, {0x61, 1}};
constexpr size_t kReservedCount = 3;

os::ErrorOr<Range> check(uint64_t first, uint64_t count) {
    return check_request(first, count, kReserved, kReservedCount);
}

TEST(CheckRequest, AcceptsComOne) {
    auto range = check(0x3f8, 8);
    ASSERT_FALSE(range.is_error());
    EXPECT_EQ(range.value().first, 0x3f8u);
    EXPECT_EQ(range.value().count, 8u);
}

TEST(CheckRequest, BoundsAndWrapAround) {
    EXPECT_EQ(check(0x3f8, 0).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(check(65536, 1).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(check(65535, 2).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(check(1, ~uint64_t{0}).error(), os::Error::kInvalidArgument);  // would wrap
    EXPECT_EQ(check(~uint64_t{0}, 2).error(), os::Error::kInvalidArgument);
    EXPECT_FALSE(check(65535, 1).is_error());
    EXPECT_FALSE(check(0x100, 65536 - 0x100).is_error());
}

TEST(CheckRequest, RefusesTheKernelsPortsAtEveryOverlap) {
    EXPECT_EQ(check(0x20, 1).error(), os::Error::kPermissionDenied);
    EXPECT_EQ(check(0x21, 1).error(), os::Error::kPermissionDenied);
    EXPECT_EQ(check(0x10, 0x11).error(), os::Error::kPermissionDenied);  // ends at 0x20
    EXPECT_EQ(check(0x43, 10).error(), os::Error::kPermissionDenied);    // starts at the end
    EXPECT_EQ(check(0, 65536).error(), os::Error::kPermissionDenied);
    EXPECT_FALSE(check(0x10, 0x10).is_error());                          // 0x10..0x1f: just below
    EXPECT_FALSE(check(0x22, 0x1e).is_error());                          // 0x22..0x3f: between
    EXPECT_FALSE(check(0x44, 0x1d).is_error());                          // 0x44..0x60
    EXPECT_EQ(check(0x44, 0x1e).error(), os::Error::kPermissionDenied);  // reaches 0x61
}

TEST(GrantTable, AddHoldsRemoveByOwner) {
    GrantTable table;
    int a, b, c;
    ASSERT_FALSE(table.add({0x3f8, 8}, &a).is_error());
    ASSERT_FALSE(table.add({0x2f8, 8}, &b).is_error());
    ASSERT_FALSE(table.add({0x3f8, 1}, &a).is_error());
    ASSERT_FALSE(table.add({0x500, 4}, &c).is_error());
    EXPECT_TRUE(table.holds(&a));
    EXPECT_EQ(table.access.range_count, 4u);
    EXPECT_EQ(table.remove(&a), 2u);
    EXPECT_FALSE(table.holds(&a));
    ASSERT_EQ(table.access.range_count, 2u);
    // Order kept, owners follow their ranges.
    EXPECT_EQ(table.access.ranges[0].first, 0x2f8u);
    EXPECT_EQ(table.owners[0], &b);
    EXPECT_EQ(table.access.ranges[1].first, 0x500u);
    EXPECT_EQ(table.owners[1], &c);
    EXPECT_EQ(table.owners[2], nullptr);
    EXPECT_EQ(table.remove(&a), 0u);
}

TEST(GrantTable, FullTableIsNoSpace) {
    GrantTable table;
    int owners[kMaxRanges + 1];
    for (size_t i = 0; i < kMaxRanges; ++i)
        ASSERT_FALSE(table.add({static_cast<uint32_t>(0x1000 + i * 8), 8}, &owners[i]).is_error());
    EXPECT_EQ(table.add({0x2000, 8}, &owners[kMaxRanges]).error(), os::Error::kNoSpace);
    EXPECT_EQ(table.access.range_count, kMaxRanges);
    EXPECT_EQ(table.remove(&owners[3]), 1u);
    EXPECT_FALSE(table.add({0x2000, 8}, &owners[kMaxRanges]).is_error());
}

TEST(GrantTable, EditsMoveTheGenerationThroughOddToTheNewValue) {
    GrantTable table;
    EXPECT_EQ(table.access.generation, 0u);
    table.begin_edit();
    EXPECT_EQ(table.access.generation % 2, 1u);
    table.end_edit(6);
    EXPECT_EQ(table.access.generation, 6u);
    table.begin_edit();
    EXPECT_EQ(table.access.generation, 7u);
    table.end_edit(8);
    EXPECT_EQ(table.access.generation, 8u);
}

}  // namespace
}  // namespace kernel::io_ports
