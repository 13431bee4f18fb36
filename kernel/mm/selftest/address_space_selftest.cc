// Self-tests of address spaces on the real MMU: every access goes through
// copy_{from,to}_user, so the CPU walks the tables kernel/mm/vm built and
// faults into kernel::handle_page_fault() for lazy, copy-on-write and
// pager-backed pages.
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/selftest/selftest_support.h"
#include "kernel/mm/vm/memory_object.h"
#include "kernel/selftest/selftest.h"

namespace kernel::mm {
namespace {

using namespace selftest_support;

constexpr hal::mm::VirtualAddress kBase = 0x40000000;
constexpr size_t kPage = hal::mm::kPageSize;

bool is_mapped(AddressSpace* space, hal::mm::VirtualAddress address) {
    PageTable::Translation translation;
    return space->translate(address, &translation);
}

hal::mm::PhysicalAddress physical_of(AddressSpace* space, hal::mm::VirtualAddress address) {
    PageTable::Translation translation;
    return space->translate(address, &translation) ? translation.physical : 0;
}

KERNEL_TEST(mm, map_unmap_protect) {
    ScratchSpace space;
    REQUIRE(space.valid());
    REQUIRE_EQ(map_anonymous(space.get(), kBase, 4, kReadWrite), kBase);
    CHECK(write_pattern(kBase, 4 * kPage, 1));
    CHECK(check_pattern(kBase, 4 * kPage, 1));

    // Read-only in the middle: the region splits in three, writes there fail,
    // reads still see the data, the neighbours stay writable.
    CHECK(!space->protect(kBase + kPage, 2 * kPage, kReadOnly).is_error());
    CHECK_EQ(space->region_count(), 3u);
    CHECK(write_byte(kBase + kPage, 0x55).error() == os::Error::kBadAddress);
    CHECK(write_byte(kBase + 3 * kPage - 1, 0x55).error() == os::Error::kBadAddress);
    CHECK(check_pattern(kBase, 4 * kPage, 1));
    CHECK(!write_byte(kBase, 0x55).is_error());
    CHECK(!write_byte(kBase + 3 * kPage, 0x55).is_error());

    // Unmapping the second page leaves a hole that faults; the rest stays.
    CHECK(!space->unmap(kBase + kPage, kPage).is_error());
    CHECK(!is_mapped(space.get(), kBase + kPage));
    CHECK(read_byte(kBase + kPage).error() == os::Error::kBadAddress);
    CHECK(!read_byte(kBase + 2 * kPage).is_error());
    CHECK(space->check_invariants());
}

KERNEL_TEST(mm, lazy_zero_fill) {
    ScratchSpace space;
    REQUIRE(space.valid());
    REQUIRE_EQ(map_anonymous(space.get(), kBase, 256, kReadWrite), kBase);
    // Nothing is mapped until touched; a touched page reads as zeros.
    CHECK(!is_mapped(space.get(), kBase));
    CHECK(!is_mapped(space.get(), kBase + 100 * kPage));
    uint8_t bytes[64];
    REQUIRE(!hal::mm::copy_from_user(bytes, kBase + 100 * kPage + 8, sizeof(bytes)).is_error());
    bool all_zero = true;
    for (uint8_t byte : bytes)
        all_zero = all_zero && byte == 0;
    CHECK(all_zero);
    CHECK(is_mapped(space.get(), kBase + 100 * kPage));
    CHECK(!is_mapped(space.get(), kBase + 99 * kPage));
    CHECK(!is_mapped(space.get(), kBase + 101 * kPage));
}

KERNEL_TEST(mm, copy_on_write_after_clone) {
    ScratchSpace parent;
    REQUIRE(parent.valid());
    REQUIRE_EQ(map_anonymous(parent.get(), kBase, 2, kReadWrite), kBase);
    REQUIRE(write_pattern(kBase, 2 * kPage, 7));
    hal::mm::PhysicalAddress original = physical_of(parent.get(), kBase);

    auto cloned = parent->clone();
    REQUIRE(!cloned.is_error());
    AddressSpace* child = cloned.value();
    as_switch(child);
    CHECK(check_pattern(kBase, 2 * kPage, 7));
    // Shared until written: the child reads the parent's frame.
    CHECK_EQ(physical_of(child, kBase), original);
    CHECK(write_pattern(kBase, kPage, 9));
    CHECK(check_pattern(kBase, kPage, 9));
    CHECK(physical_of(child, kBase) != original);
    CHECK_EQ(physical_of(child, kBase + kPage), physical_of(parent.get(), kBase + kPage));

    as_switch(parent.get());
    CHECK(check_pattern(kBase, 2 * kPage, 7));  // the parent never sees the child's write
    // The parent's frame is its own again (reference count 1): writing it
    // needs no copy.
    CHECK(write_pattern(kBase, kPage, 11));
    CHECK_EQ(physical_of(parent.get(), kBase), original);
    as_switch(child);
    CHECK(check_pattern(kBase, kPage, 9));
    as_switch(parent.get());
    child->destroy();
}

KERNEL_TEST(mm, invalid_access_reported) {
    ScratchSpace space;
    REQUIRE(space.valid());
    REQUIRE_EQ(map_anonymous(space.get(), kBase, 1, kReadOnly), kBase);
    // No region, a write to a read-only region, a reserved region and a
    // kernel address: each fails cleanly with kBadAddress.
    CHECK(read_byte(kBase + 16 * kPage).error() == os::Error::kBadAddress);
    CHECK(write_byte(kBase + 8, 1).error() == os::Error::kBadAddress);
    MapRequest reserved;
    reserved.type = RegionType::kReserved;
    reserved.length = kPage;
    reserved.address = kBase + 4 * kPage;
    reserved.fixed = true;
    REQUIRE(!space->map(reserved).is_error());
    CHECK(read_byte(kBase + 4 * kPage).error() == os::Error::kBadAddress);
    CHECK(read_byte(hal::mm::kernel_space_base()).error() == os::Error::kBadAddress);
    // The address space is unharmed: the read-only page still reads.
    CHECK(!read_byte(kBase).is_error());
}

KERNEL_TEST(mm, write_xor_execute) {
    ScratchSpace space;
    REQUIRE(space.valid());
    Permissions rwx{.read = true, .write = true, .execute = true};
    MapRequest request;
    request.permissions = rwx;
    request.length = kPage;
    CHECK(space->map(request).error() == os::Error::kPermissionDenied);
    REQUIRE_EQ(map_anonymous(space.get(), kBase, 1, kReadWrite), kBase);
    CHECK(space->protect(kBase, kPage, rwx).error() == os::Error::kPermissionDenied);
    CHECK_EQ(map_anonymous(space.get(), kBase, 1, kReadWrite), 0u);  // overlap refused
}

KERNEL_TEST(mm, shared_object_between_spaces) {
    auto object = MemoryObject::create_anonymous(2 * kPage);
    REQUIRE(!object.is_error());
    ScratchSpace first;
    REQUIRE(first.valid());
    MapRequest request =
        object_request(RegionType::kShared, object.value(), kBase, 2 * kPage, kReadWrite);
    REQUIRE(!first->map(request).is_error());
    REQUIRE(write_pattern(kBase, 2 * kPage, 3));

    auto second = as_create();
    REQUIRE(!second.is_error());
    request.address = kBase + 64 * kPage;  // another place in the other space
    CHECK(!second.value()->map(request).is_error());
    as_switch(second.value());
    CHECK(check_pattern(kBase + 64 * kPage, 2 * kPage, 3));
    CHECK(write_pattern(kBase + 64 * kPage, kPage, 5));
    as_switch(first.get());
    CHECK(check_pattern(kBase, kPage, 5));
    second.value()->destroy();
    object.value()->release();
}

// A pager as a user-space file server would be: fills each page with its
// index, and refuses page 3 (as if the disk failed).
class PatternPager final : public Pager {
public:
    os::ErrorOr<void> supply(MemoryObject& object, uint64_t page_index) override {
        ++calls;
        if (page_index == 3) return os::Error::kNotFound;
        static uint8_t page[hal::mm::kPageSize];
        for (size_t i = 0; i < sizeof(page); ++i)
            page[i] = static_cast<uint8_t>(page_index + i);
        return object.supply_page(page_index, os::Bytes(page, sizeof(page)));
    }
    int calls = 0;
};

KERNEL_TEST(mm, file_backed_pager) {
    PatternPager pager;
    auto object = MemoryObject::create_pager_backed(pager, 4 * kPage);
    REQUIRE(!object.is_error());
    ScratchSpace space;
    REQUIRE(space.valid());
    MapRequest request =
        object_request(RegionType::kFileBacked, object.value(), kBase, 4 * kPage, kReadOnly);
    REQUIRE(!space->map(request).is_error());
    CHECK_EQ(peek(kBase + 2 * kPage + 10), 12u);
    CHECK_EQ(peek(kBase + 2 * kPage + 11), 13u);  // no second supply
    CHECK_EQ(pager.calls, 1);
    CHECK(read_byte(kBase + 3 * kPage).error() == os::Error::kBadAddress);
    CHECK_EQ(peek(kBase + 1), 1u);
    space->unmap(kBase, 4 * kPage).release_value();
    object.value()->release();
}

KERNEL_TEST(mm, device_region_uncached) {
    // Any physical page will do as "MMIO" for checking the mapping.
    auto frame = physical_memory().allocate(PageRequest{.zeroed = true});
    REQUIRE(!frame.is_error());
    hal::mm::PhysicalAddress physical = physical_memory().address_of(frame.value());
    auto object = MemoryObject::create_physical(physical, kPage);
    REQUIRE(!object.is_error());
    {
        ScratchSpace space;
        REQUIRE(space.valid());
        MapRequest request =
            object_request(RegionType::kDevice, object.value(), kBase, kPage, kReadWrite);
        REQUIRE(!space->map(request).is_error());
        PageTable::Translation translation;
        REQUIRE(space->translate(kBase, &translation));  // mapped eagerly
        CHECK_EQ(translation.physical, physical);
        CHECK(translation.attributes.cache == CachePolicy::kDevice);
        CHECK(translation.attributes.user);
        CHECK(!translation.attributes.executable);
        CHECK(!write_byte(kBase + 5, 0xab).is_error());
        CHECK_EQ(static_cast<uint8_t*>(hal::mm::physical_to_virtual(physical))[5], 0xabu);
    }
    object.value()->release();
    physical_memory().free(frame.value());
}

}  // namespace
}  // namespace kernel::mm
