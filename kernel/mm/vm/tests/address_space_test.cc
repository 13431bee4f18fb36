// as_create/as_map/as_destroy/as_switch: what map() accepts and rejects,
// where it puts regions, device and reserved regions, and that destroying an
// address space gives every frame, table and object back.
#include "hal/host/host_hal.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;

class AddressSpaceTest : public VmTest {};

os::Error map_error(AddressSpace* space, const MapRequest& request) {
    auto result = space->map(request);
    return result.is_error() ? result.error() : os::Error{};
}

TEST_F(AddressSpaceTest, NewSpaceIsEmptyAndGetsAFreshRoot) {
    AddressSpace* space = create_space();
    EXPECT_EQ(space->region_count(), 0u);
    EXPECT_NE(space->root(), 0u);
    EXPECT_NE(space->root(), environment_.empty_user_root());
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(AddressSpaceTest, RejectsWritableAndExecutable) {
    AddressSpace* space = create_space();
    EXPECT_EQ(map_error(space, anonymous(0x100000, kPage, kReadWriteExecute)),
              os::Error::kPermissionDenied);
    EXPECT_EQ(map_error(space, anonymous(0x100000, kPage, {.write = true, .execute = true})),
              os::Error::kPermissionDenied);
    // Not expressible on every MMU: write or execute without read.
    EXPECT_EQ(map_error(space, anonymous(0x100000, kPage, {.write = true})),
              os::Error::kInvalidArgument);
    EXPECT_EQ(map_error(space, anonymous(0x100000, kPage, {.execute = true})),
              os::Error::kInvalidArgument);
    EXPECT_EQ(space->region_count(), 0u);
    // The allowed sets.
    EXPECT_FALSE(space->map(anonymous(0x100000, kPage, kNone)).is_error());
    EXPECT_FALSE(space->map(anonymous(0x101000, kPage, kReadOnly)).is_error());
    EXPECT_FALSE(space->map(anonymous(0x102000, kPage, kReadWrite)).is_error());
    EXPECT_FALSE(space->map(anonymous(0x103000, kPage, kReadExecute)).is_error());
    EXPECT_EQ(space->region_count(), 4u);
    as_destroy(space);
}

TEST_F(AddressSpaceTest, ProtectAlsoEnforcesWriteXorExecute) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 4 * kPage, kReadWrite)).is_error());
    EXPECT_EQ(space->protect(0x100000, kPage, kReadWriteExecute).error(),
              os::Error::kPermissionDenied);
    RegionInfo region;
    ASSERT_TRUE(space->find_region(0x100000, &region));
    EXPECT_EQ(region.permissions, kReadWrite);
    EXPECT_EQ(space->region_count(), 1u);  // nothing was split
    as_destroy(space);
}

TEST_F(AddressSpaceTest, RejectsOverlaps) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x200000, 4 * kPage, kReadWrite)).is_error());
    // Same range, inside, straddling either edge, covering it entirely.
    for (auto [start, pages] : {std::pair<uint64_t, uint64_t>{0x200000, 4},
                                {0x201000, 1},
                                {0x1ff000, 2},
                                {0x203000, 2},
                                {0x1f0000, 64}}) {
        EXPECT_EQ(map_error(space, anonymous(start, pages * kPage, kReadOnly)),
                  os::Error::kAlreadyExists)
            << std::hex << start;
    }
    // Touching either end is fine.
    EXPECT_FALSE(space->map(anonymous(0x1ff000, kPage, kReadOnly)).is_error());
    EXPECT_FALSE(space->map(anonymous(0x204000, kPage, kReadOnly)).is_error());
    EXPECT_EQ(space->region_count(), 3u);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(AddressSpaceTest, RejectsBadRanges) {
    AddressSpace* space = create_space();
    uint64_t top = hal::mm::user_space_end();
    EXPECT_EQ(map_error(space, anonymous(0x100000, 0, kReadOnly)), os::Error::kInvalidArgument);
    EXPECT_EQ(map_error(space, anonymous(0x100800, kPage, kReadOnly)), os::Error::kInvalidArgument);
    EXPECT_EQ(map_error(space, anonymous(0x100000, 100, kReadOnly)), os::Error::kInvalidArgument);
    EXPECT_EQ(map_error(space, anonymous(0, kPage, kReadOnly)), os::Error::kBadAddress);
    EXPECT_EQ(map_error(space, anonymous(top, kPage, kReadOnly)), os::Error::kBadAddress);
    EXPECT_EQ(map_error(space, anonymous(top - kPage, 2 * kPage, kReadOnly)),
              os::Error::kBadAddress);
    EXPECT_EQ(map_error(space, anonymous(hal::mm::kernel_space_base(), kPage, kReadOnly)),
              os::Error::kBadAddress);
    EXPECT_EQ(map_error(space, anonymous(~uint64_t{0} - kPage + 1, 2 * kPage, kReadOnly)),
              os::Error::kBadAddress);  // wraps
    // The last page of the user half is fine.
    EXPECT_FALSE(space->map(anonymous(top - kPage, kPage, kReadOnly)).is_error());
    as_destroy(space);
}

TEST_F(AddressSpaceTest, ChecksObjectsAgainstTypes) {
    AddressSpace* space = create_space();
    MemoryObject* shared = MemoryObject::create_anonymous(4 * kPage, environment_).value();
    MemoryObject* device = MemoryObject::create_physical(0xfe000000, kPage, environment_).value();

    MapRequest request = anonymous(0x100000, kPage, kReadWrite);
    request.object = shared;  // anonymous regions make their own
    EXPECT_EQ(map_error(space, request), os::Error::kInvalidArgument);

    request.type = RegionType::kShared;
    request.object = nullptr;
    EXPECT_EQ(map_error(space, request), os::Error::kInvalidArgument);
    request.object = device;  // wrong kind
    EXPECT_EQ(map_error(space, request), os::Error::kInvalidArgument);
    request.object = shared;
    request.object_offset = 0x800;
    EXPECT_EQ(map_error(space, request), os::Error::kInvalidArgument);
    request.object_offset = 4 * kPage;  // past the end
    EXPECT_EQ(map_error(space, request), os::Error::kOutOfRange);
    request.object_offset = 3 * kPage;
    request.length = 2 * kPage;  // runs past the end
    EXPECT_EQ(map_error(space, request), os::Error::kOutOfRange);
    request.length = kPage;
    EXPECT_FALSE(space->map(request).is_error());
    EXPECT_EQ(shared->reference_count(), 2u);  // the region's and ours

    MapRequest reserved = anonymous(0x200000, kPage, kReadOnly);
    reserved.type = RegionType::kReserved;  // reserved regions take no permissions
    EXPECT_EQ(map_error(space, reserved), os::Error::kInvalidArgument);

    as_destroy(space);
    EXPECT_EQ(shared->reference_count(), 1u);
    shared->release();
    device->release();
}

TEST_F(AddressSpaceTest, FindsFreeRangesFirstFit) {
    AddressSpace* space = create_space();
    MapRequest request = anonymous(0, 4 * kPage, kReadWrite);
    request.fixed = false;
    auto first = space->map(request);
    ASSERT_FALSE(first.is_error());
    EXPECT_EQ(first.value(), kLowestAutomaticAddress);
    auto second = space->map(request);
    ASSERT_FALSE(second.is_error());
    EXPECT_EQ(second.value(), kLowestAutomaticAddress + 4 * kPage);

    // A hole of two pages is skipped for four, used for two.
    ASSERT_FALSE(space->unmap(first.value(), 2 * kPage).is_error());
    auto third = space->map(request);
    ASSERT_FALSE(third.is_error());
    EXPECT_EQ(third.value(), kLowestAutomaticAddress + 8 * kPage);
    request.length = 2 * kPage;
    auto fourth = space->map(request);
    ASSERT_FALSE(fourth.is_error());
    EXPECT_EQ(fourth.value(), kLowestAutomaticAddress);

    // A hint moves the search up.
    request.address = 0x40000000;
    auto hinted = space->map(request);
    ASSERT_FALSE(hinted.is_error());
    EXPECT_EQ(hinted.value(), 0x40000000u);
    // A hint inside a region starts after it.
    request.address = 0x40000000 + kPage;
    auto after = space->map(request);
    ASSERT_FALSE(after.is_error());
    EXPECT_EQ(after.value(), 0x40000000u + 2 * kPage);

    // Nothing that large fits.
    request.address = 0;
    request.length = hal::mm::user_space_end();
    EXPECT_EQ(map_error(space, request), os::Error::kBadAddress);
    request.length = hal::mm::user_space_end() - kLowestAutomaticAddress;
    EXPECT_EQ(map_error(space, request), os::Error::kNoSpace);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(AddressSpaceTest, DeviceRegionsAreMappedEagerlyAndUncached) {
    constexpr uint64_t kDeviceBase = 0xfe000000;  // outside RAM, like MMIO
    MemoryObject* registers =
        MemoryObject::create_physical(kDeviceBase, 4 * kPage, environment_).value();
    AddressSpace* space = create_space();
    MapRequest request;
    request.type = RegionType::kDevice;
    request.permissions = kReadWrite;
    request.address = 0x300000;
    request.fixed = true;
    request.length = 3 * kPage;
    request.object = registers;
    request.object_offset = kPage;
    ASSERT_FALSE(space->map(request).is_error());

    for (uint64_t i = 0; i < 3; ++i) {
        PageTable::Translation translation;
        ASSERT_TRUE(space->translate(0x300000 + i * kPage + 8, &translation)) << i;
        EXPECT_EQ(translation.physical, kDeviceBase + (i + 1) * kPage + 8);
        EXPECT_EQ(translation.size, PageSize::k4KiB);
        EXPECT_EQ(translation.attributes.cache, hal::mm::CachePolicy::kDevice);
        EXPECT_TRUE(translation.attributes.writable);
        EXPECT_FALSE(translation.attributes.executable);
        EXPECT_TRUE(translation.attributes.user);
        EXPECT_FALSE(translation.attributes.global);
    }
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x300000 + 3 * kPage, &translation));
    // No fault is needed for a device page, and none allocates a frame.
    uint64_t free_before = frames_->free_bytes();
    EXPECT_TRUE(access(space, 0x300000, Access::kWrite));
    EXPECT_EQ(frames_->free_bytes(), free_before);

    // Read-only device regions map read-only.
    request.address = 0x400000;
    request.permissions = kReadOnly;
    ASSERT_FALSE(space->map(request).is_error());
    ASSERT_TRUE(space->translate(0x400000, &translation));
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_EQ(fault(space, 0x400000, Access::kWrite), FaultResolution::kUnresolved);

    as_destroy(space);
    EXPECT_EQ(registers->reference_count(), 1u);
    registers->release();
}

TEST_F(AddressSpaceTest, ReservedRegionsFaultOnEveryAccess) {
    AddressSpace* space = create_space();
    MapRequest request;
    request.type = RegionType::kReserved;
    request.address = 0x500000;
    request.fixed = true;
    request.length = 16 * kPage;
    ASSERT_FALSE(space->map(request).is_error());
    for (Access kind : {Access::kRead, Access::kWrite, Access::kExecute}) {
        EXPECT_EQ(fault(space, 0x500000 + 3 * kPage, kind), FaultResolution::kUnresolved);
    }
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x503000, &translation));
    // Nothing else may be mapped there, and it cannot be made accessible.
    EXPECT_EQ(map_error(space, anonymous(0x504000, kPage, kReadWrite)), os::Error::kAlreadyExists);
    EXPECT_EQ(space->protect(0x500000, kPage, kReadOnly).error(), os::Error::kPermissionDenied);
    // Unmapping is how a reservation ends.
    ASSERT_FALSE(space->unmap(0x500000, 16 * kPage).is_error());
    EXPECT_FALSE(space->map(anonymous(0x504000, kPage, kReadWrite)).is_error());
    as_destroy(space);
}

TEST_F(AddressSpaceTest, DestroyGivesEverythingBack) {
    uint64_t start_free = frames_->free_bytes();
    AddressSpace* space = create_space();
    // Spread over many page tables: several 2 MiB and 1 GiB slots.
    for (uint64_t base : {0x100000ull, 0x40000000ull, 0x7f0000000000ull}) {
        ASSERT_FALSE(space->map(anonymous(base, 64 * kPage, kReadWrite)).is_error());
        for (uint64_t i = 0; i < 64; i += 3)
            ASSERT_TRUE(user_write(space, base + i * kPage, 1));
    }
    EXPECT_LT(frames_->free_bytes(), start_free);
    as_destroy(space);
    EXPECT_EQ(frames_->free_bytes(), start_free);
    EXPECT_EQ(objects_.live(), 0);
}

TEST_F(AddressSpaceTest, SwitchActivatesTheRootAndAnAsid) {
    AddressSpace* first = create_space();
    AddressSpace* second = create_space();
    EXPECT_EQ(current_address_space(), nullptr);
    as_switch(first);
    EXPECT_EQ(current_address_space(), first);
    EXPECT_EQ(hal::host::active_user_root(), first->root());
    uint32_t first_asid = hal::host::active_asid();
    EXPECT_NE(first_asid, 0u);  // 0 is the kernel's
    as_switch(second);
    EXPECT_EQ(current_address_space(), second);
    EXPECT_EQ(hal::host::active_user_root(), second->root());
    EXPECT_NE(hal::host::active_asid(), first_asid);
    as_switch(first);
    EXPECT_EQ(hal::host::active_asid(), first_asid);  // its own for its life

    // Destroying the current space switches to the empty user root.
    as_destroy(first);
    EXPECT_EQ(current_address_space(), nullptr);
    EXPECT_EQ(hal::host::active_user_root(), environment_.empty_user_root());
    EXPECT_EQ(hal::host::active_asid(), 0u);
    as_destroy(second);
}

// Without ASIDs the flush is the root load itself (hal/mm.h), counted by the
// host HAL as one address-space flush; the kernel adds none of its own.
TEST_F(AddressSpaceTest, WithoutAsidsEverySwitchFlushes) {
    AsidAllocator no_asids(1);
    hal::host::set_asid_count(1);
    environment_.asids = &no_asids;
    AddressSpace* first = create_space();
    AddressSpace* second = create_space();
    as_switch(first);
    hal::host::reset_tlb_flush_counts();
    as_switch(second);
    EXPECT_EQ(hal::host::active_asid(), 0u);
    EXPECT_EQ(hal::host::tlb_flush_counts().address_spaces, 1u);
    as_switch(first);
    EXPECT_EQ(hal::host::tlb_flush_counts().address_spaces, 2u);
    as_switch(nullptr);
    as_destroy(first);
    as_destroy(second);
    environment_.asids = &asids_;
    hal::host::set_asid_count(4096);
}

// Each space keeps its ASID for its life; once they are all held, a new
// space runs as ASID 0 (every switch to it flushes, hal/mm.h) and a
// destroyed space's ASID goes to the next space made.
TEST_F(AddressSpaceTest, SpacesBeyondTheAsidsRunAsZeroAndADestroyedOnesAsidIsReused) {
    AsidAllocator three(3);  // ASIDs 1 and 2
    environment_.asids = &three;
    AddressSpace* first = create_space();
    AddressSpace* second = create_space();
    AddressSpace* third = create_space();
    as_switch(first);
    uint32_t first_asid = hal::host::active_asid();
    as_switch(second);
    EXPECT_NE(hal::host::active_asid(), 0u);
    EXPECT_NE(hal::host::active_asid(), first_asid);
    hal::host::reset_tlb_flush_counts();
    as_switch(third);
    EXPECT_EQ(hal::host::active_asid(), 0u);
    EXPECT_EQ(hal::host::tlb_flush_counts().address_spaces, 1u);
    as_switch(first);
    EXPECT_EQ(hal::host::active_asid(), first_asid);
    EXPECT_EQ(hal::host::tlb_flush_counts().address_spaces, 1u);  // ASIDs: no flush
    as_switch(nullptr);
    as_destroy(first);
    EXPECT_EQ(three.in_use(), 1u);
    AddressSpace* fourth = create_space();
    as_switch(fourth);
    EXPECT_EQ(hal::host::active_asid(), first_asid);
    as_switch(nullptr);
    as_destroy(second);
    as_destroy(third);
    as_destroy(fourth);
    EXPECT_EQ(three.in_use(), 0u);
    environment_.asids = &asids_;
}

TEST_F(AddressSpaceTest, KernelFaultHandlerUsesTheCurrentSpace) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, kPage, kReadWrite)).is_error());
    hal::mm::PageFault fault = page_fault(0x100010, Access::kWrite);
    // No current address space: unresolved.
    EXPECT_EQ(kernel::handle_page_fault(fault), FaultResolution::kUnresolved);
    as_switch(space);
    EXPECT_EQ(kernel::handle_page_fault(fault), FaultResolution::kResolved);
    PageTable::Translation translation;
    EXPECT_TRUE(space->translate(0x100000, &translation));
    // Kernel-half faults are never ours.
    EXPECT_EQ(
        kernel::handle_page_fault(page_fault(hal::mm::kernel_space_base() + 0x1000, Access::kRead)),
        FaultResolution::kUnresolved);
    as_switch(nullptr);
    as_destroy(space);
}

TEST_F(AddressSpaceTest, OutOfMemoryForRegionsChangesNothing) {
    AddressSpace* space = create_space();
    objects_.fail_next(1);
    EXPECT_EQ(map_error(space, anonymous(0x100000, kPage, kReadWrite)), os::Error::kOutOfMemory);
    EXPECT_EQ(space->region_count(), 0u);
    ASSERT_FALSE(space->map(anonymous(0x100000, 8 * kPage, kReadWrite)).is_error());
    objects_.fail_next(1);  // a hole in the middle needs a region
    EXPECT_EQ(space->unmap(0x102000, kPage).error(), os::Error::kOutOfMemory);
    objects_.fail_next(1);  // splitting at both ends needs two
    EXPECT_EQ(space->protect(0x102000, kPage, kReadOnly).error(), os::Error::kOutOfMemory);
    EXPECT_EQ(space->region_count(), 1u);
    objects_.fail_next(0);
    EXPECT_FALSE(space->unmap(0x102000, kPage).is_error());
    EXPECT_EQ(space->region_count(), 2u);
    as_destroy(space);
}

}  // namespace
}  // namespace kernel::mm::testing
