// memory_create_device's RAM check and memory_map's rights and range checks.
#include "kernel/memory_cap/checks.h"

#include <gtest/gtest.h>

namespace kernel::memory_cap {
namespace {

constexpr uint64_t kPage = 4096;

// A map like QEMU's x86_64 pc machine with 512 MiB: low RAM, the BIOS area
// (reserved), the kernel image and boot archive inside RAM, and a reserved
// device window at the top.
os::MemoryMap pc_map() {
    os::MemoryMap map;
    EXPECT_FALSE(map.add({0x0, 0x9f000, os::MemoryKind::kUsable}).is_error());
    EXPECT_FALSE(map.add({0xf0000, 0x10000, os::MemoryKind::kReserved}).is_error());
    EXPECT_FALSE(map.add({0x100000, 0x1ff00000, os::MemoryKind::kUsable}).is_error());
    EXPECT_FALSE(map.reserve(0x200000, 0x100000, os::MemoryKind::kKernel).is_error());
    EXPECT_FALSE(map.reserve(0x400000, 0x80000, os::MemoryKind::kBootArchive).is_error());
    EXPECT_FALSE(map.add({0xfffc0000, 0x40000, os::MemoryKind::kReserved}).is_error());
    return map;
}

TEST(DeviceRange, DeviceWindowsOutsideRamAreAllowed) {
    os::MemoryMap map = pc_map();
    EXPECT_FALSE(check_device_range(map, 0xfee00000, kPage, kPage).is_error());    // local APIC
    EXPECT_FALSE(check_device_range(map, 0xfec00000, kPage, kPage).is_error());    // I/O APIC
    EXPECT_FALSE(check_device_range(map, 0xfffc0000, 0x40000, kPage).is_error());  // reserved ROM
    EXPECT_FALSE(check_device_range(map, 0x9f000, kPage, kPage).is_error());       // the gap
    EXPECT_FALSE(check_device_range(map, 0x20000000, kPage, kPage).is_error());    // just past RAM
}

TEST(DeviceRange, AnyByteOfRamIsRefused) {
    os::MemoryMap map = pc_map();
    EXPECT_EQ(check_device_range(map, 0x100000, kPage, kPage).error(),
              os::Error::kPermissionDenied);
    EXPECT_EQ(check_device_range(map, 0x200000, kPage, kPage).error(),
              os::Error::kPermissionDenied);  // the kernel image
    EXPECT_EQ(check_device_range(map, 0x400000, kPage, kPage).error(),
              os::Error::kPermissionDenied);  // the boot archive
    EXPECT_EQ(check_device_range(map, 0x0, kPage, kPage).error(), os::Error::kPermissionDenied);
    // A range that starts in a hole and runs into RAM (last page).
    EXPECT_EQ(check_device_range(map, 0x9f000, 0x62000, kPage).error(),
              os::Error::kPermissionDenied);
    // One that covers all of RAM.
    EXPECT_EQ(check_device_range(map, 0x0, 0x40000000, kPage).error(),
              os::Error::kPermissionDenied);
    // The last page of RAM.
    EXPECT_EQ(check_device_range(map, 0x1ffff000, kPage, kPage).error(),
              os::Error::kPermissionDenied);
}

TEST(DeviceRange, MalformedRangesAreInvalid) {
    os::MemoryMap map = pc_map();
    EXPECT_EQ(check_device_range(map, 0xfee00000, 0, kPage).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(check_device_range(map, 0xfee00001, kPage, kPage).error(),
              os::Error::kInvalidArgument);
    EXPECT_EQ(check_device_range(map, 0xfee00000, 100, kPage).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(check_device_range(map, ~uint64_t{0} - kPage + 1, 2 * kPage, kPage).error(),
              os::Error::kInvalidArgument);  // wraps
}

TEST(MapChecks, EachPermissionNeedsItsRight) {
    EXPECT_EQ(rights_needed(0), 0u);
    EXPECT_EQ(rights_needed(cairn::kMapRead), cairn::kRightRead);
    EXPECT_EQ(rights_needed(cairn::kMapRead | cairn::kMapWrite),
              cairn::kRightRead | cairn::kRightWrite);
    EXPECT_EQ(rights_needed(cairn::kMapRead | cairn::kMapExecute),
              cairn::kRightRead | cairn::kRightExecute);
}

TEST(MapChecks, RangeInsideTheObject) {
    EXPECT_TRUE(range_inside(0, kPage, kPage));
    EXPECT_TRUE(range_inside(kPage, kPage, 2 * kPage));
    EXPECT_FALSE(range_inside(0, 0, kPage));
    EXPECT_FALSE(range_inside(kPage, kPage, kPage));
    EXPECT_FALSE(range_inside(0, 2 * kPage, kPage));
    EXPECT_FALSE(range_inside(2 * kPage, 0, kPage));
    EXPECT_FALSE(range_inside(kPage, ~uint64_t{0}, 2 * kPage));  // offset + length overflows
    EXPECT_FALSE(range_inside(~uint64_t{0}, 2, 4 * kPage));
}

}  // namespace
}  // namespace kernel::memory_cap
