// Huge pages in address spaces: 2 MiB leaves for device regions exactly
// where alignment allows, transparent huge pages for anonymous regions that
// ask for them, and what becomes of a huge leaf on partial unmap and
// protect, when no table page is left for a split, on clone and
// copy-on-write. The fixture checks after every test that every frame,
// table page and object came back.
#include <vector>

#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;
using hal::mm::PhysicalAddress;
using hal::mm::VirtualAddress;

constexpr uint64_t kHuge = 2 * kMiB;
constexpr uint64_t kPagesPerHuge = kHuge / kPage;
constexpr VirtualAddress kVa = 0x10000000;         // 2 MiB-aligned
constexpr PhysicalAddress kDevicePa = 0xc0000000;  // outside RAM, like MMIO; 2 MiB-aligned

class HugePageTest : public VmTest {
protected:
    // Room for several 2 MiB blocks and their copies.
    HugePageTest() : VmTest(16 * kMiB) {}

    void TearDown() override {
        release_memory();
        VmTest::TearDown();
    }

    static MapRequest device(VirtualAddress address, uint64_t length, MemoryObject* object,
                             uint64_t object_offset = 0) {
        MapRequest request;
        request.type = RegionType::kDevice;
        request.permissions = kReadWrite;
        request.address = address;
        request.fixed = true;
        request.length = length;
        request.object = object;
        request.object_offset = object_offset;
        return request;
    }

    static MapRequest huge_anonymous(VirtualAddress address, uint64_t length) {
        MapRequest request = anonymous(address, length, kReadWrite);
        request.huge_pages = true;
        return request;
    }

    MemoryObject* device_object(uint64_t size) {
        return MemoryObject::create_physical(kDevicePa, size, environment_).value();
    }

    PageTable::Translation translation_of(AddressSpace* space, VirtualAddress address) {
        PageTable::Translation translation;
        translation.physical = ~0ull;
        EXPECT_TRUE(space->translate(address, &translation)) << std::hex << address;
        return translation;
    }
    PageSize size_at(AddressSpace* space, VirtualAddress address) {
        return translation_of(space, address).size;
    }
    bool mapped(AddressSpace* space, VirtualAddress address) {
        PageTable::Translation translation;
        return space->translate(address, &translation);
    }
    const MemoryObject* object_at(AddressSpace* space, VirtualAddress address) {
        RegionInfo region;
        EXPECT_TRUE(space->find_region(address, &region));
        return region.object;
    }

    // Holds every free block of at least `order`, so that allocations that
    // large (all of them, for order 0) fail until release_memory().
    void exhaust_memory(unsigned order = 0) {
        for (unsigned size = kMaxOrder + 1; size-- > order;) {
            for (;;) {
                auto frame = frames_->allocate(PageRequest{.order = size});
                if (frame.is_error()) break;
                hog_.push_back(frame.value());
            }
        }
    }
    void release_memory() {
        for (PageFrame* frame : hog_)
            frames_->free(frame);
        hog_.clear();
    }

    std::vector<PageFrame*> hog_;
};

// ---- Device regions ---------------------------------------------------------------

TEST_F(HugePageTest, DeviceLeavesAreHugeExactlyWhereAlignmentAllows) {
    MemoryObject* object = device_object(8 * kMiB);
    AddressSpace* space = create_space();
    // Three pages before a 2 MiB boundary, two whole blocks, two pages more;
    // the physical side congruent to the virtual one modulo 2 MiB.
    const VirtualAddress start = kVa - 3 * kPage;
    const uint64_t length = 3 * kPage + 2 * kHuge + 2 * kPage;
    const uint64_t offset = kHuge - 3 * kPage;
    ASSERT_FALSE(space->map(device(start, length, object, offset)).is_error());
    for (VirtualAddress page = start; page < start + length; page += kPage) {
        auto translation = translation_of(space, page + 8);
        EXPECT_EQ(translation.physical, kDevicePa + offset + (page - start) + 8);
        bool inside = page >= kVa && page < kVa + 2 * kHuge;
        EXPECT_EQ(translation.size, inside ? PageSize::k2MiB : PageSize::k4KiB) << std::hex << page;
        EXPECT_EQ(translation.attributes.cache, hal::mm::CachePolicy::kDevice);
        EXPECT_TRUE(translation.attributes.writable);
        EXPECT_TRUE(translation.attributes.user);
    }
    EXPECT_FALSE(mapped(space, start - kPage));
    EXPECT_FALSE(mapped(space, start + length));
    EXPECT_TRUE(space->check_invariants());

    // The same virtual range where the physical side is aligned differently:
    // no 2 MiB leaf fits anywhere.
    AddressSpace* other = create_space();
    ASSERT_FALSE(other->map(device(start, length, object, 0)).is_error());
    for (VirtualAddress page = start; page < start + length; page += kPage) {
        EXPECT_EQ(size_at(other, page), PageSize::k4KiB) << std::hex << page;
    }
    // Both sides aligned, but a page short of 2 MiB: small pages; a page
    // more than 2 MiB: one huge leaf and one small page.
    const VirtualAddress short_start = kVa + 16 * kMiB;
    ASSERT_FALSE(other->map(device(short_start, kHuge - kPage, object)).is_error());
    EXPECT_EQ(size_at(other, short_start), PageSize::k4KiB);
    EXPECT_EQ(size_at(other, short_start + kHuge - 2 * kPage), PageSize::k4KiB);
    const VirtualAddress long_start = kVa + 32 * kMiB;
    ASSERT_FALSE(other->map(device(long_start, kHuge + kPage, object)).is_error());
    EXPECT_EQ(size_at(other, long_start + kHuge - kPage), PageSize::k2MiB);
    EXPECT_EQ(size_at(other, long_start + kHuge), PageSize::k4KiB);
    EXPECT_EQ(translation_of(other, long_start + kHuge).physical, kDevicePa + kHuge);
    EXPECT_TRUE(other->check_invariants());

    // A clone maps the device the same way.
    AddressSpace* child = space->clone().value();
    EXPECT_EQ(size_at(child, kVa), PageSize::k2MiB);
    EXPECT_EQ(size_at(child, start), PageSize::k4KiB);
    EXPECT_EQ(translation_of(child, kVa + kHuge + 5).physical,
              translation_of(space, kVa + kHuge + 5).physical);

    as_destroy(child);
    as_destroy(other);
    as_destroy(space);
    EXPECT_EQ(object->reference_count(), 1u);
    object->release();
}

TEST_F(HugePageTest, PartialUnmapSplitsAHugeDeviceLeafAndKeepsTheRest) {
    MemoryObject* object = device_object(2 * kHuge);
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(device(kVa, 2 * kHuge, object)).is_error());
    ASSERT_EQ(size_at(space, kVa), PageSize::k2MiB);
    ASSERT_EQ(size_at(space, kVa + kHuge), PageSize::k2MiB);

    const VirtualAddress hole = kVa + 5 * kPage;
    ASSERT_FALSE(space->unmap(hole, kPage).is_error());
    EXPECT_EQ(space->region_count(), 2u);
    EXPECT_FALSE(mapped(space, hole));
    EXPECT_EQ(fault(space, hole, Access::kRead), FaultResolution::kUnresolved);
    for (VirtualAddress page = kVa; page < kVa + kHuge; page += kPage) {
        if (page == hole) continue;
        auto translation = translation_of(space, page);
        EXPECT_EQ(translation.size, PageSize::k4KiB) << std::hex << page;
        EXPECT_EQ(translation.physical, kDevicePa + (page - kVa));
        EXPECT_TRUE(translation.attributes.writable);
        EXPECT_EQ(translation.attributes.cache, hal::mm::CachePolicy::kDevice);
    }
    EXPECT_EQ(size_at(space, kVa + kHuge), PageSize::k2MiB);  // untouched
    EXPECT_TRUE(space->check_invariants());

    // Across the boundary of the two blocks: the second leaf splits too.
    ASSERT_FALSE(space->unmap(kVa + kHuge - 4 * kPage, 8 * kPage).is_error());
    EXPECT_EQ(space->region_count(), 3u);
    EXPECT_FALSE(mapped(space, kVa + kHuge - kPage));
    EXPECT_FALSE(mapped(space, kVa + kHuge + 3 * kPage));
    EXPECT_EQ(size_at(space, kVa + kHuge - 5 * kPage), PageSize::k4KiB);
    EXPECT_EQ(size_at(space, kVa + kHuge + 4 * kPage), PageSize::k4KiB);
    EXPECT_EQ(translation_of(space, kVa + 2 * kHuge - 1).physical, kDevicePa + 2 * kHuge - 1);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
    object->release();
}

TEST_F(HugePageTest, ProtectSplitsHugeDeviceLeavesOnlyAtItsEdges) {
    MemoryObject* object = device_object(2 * kHuge);
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(device(kVa, 2 * kHuge, object)).is_error());

    // Four pages read-only across the boundary of the two blocks.
    ASSERT_FALSE(space->protect(kVa + kHuge - 2 * kPage, 4 * kPage, kReadOnly).is_error());
    EXPECT_EQ(space->region_count(), 3u);
    for (int page = -3; page < 3; ++page) {
        VirtualAddress address = kVa + kHuge + page * static_cast<int64_t>(kPage);
        auto translation = translation_of(space, address);
        EXPECT_EQ(translation.size, PageSize::k4KiB) << page;
        EXPECT_EQ(translation.attributes.writable, page < -2 || page >= 2) << page;
        EXPECT_EQ(translation.physical, kDevicePa + (address - kVa)) << page;
    }
    EXPECT_EQ(fault(space, kVa + kHuge, Access::kWrite), FaultResolution::kUnresolved);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);

    // A whole block read-only and back: the leaf stays huge throughout.
    space = create_space();
    ASSERT_FALSE(space->map(device(kVa, 2 * kHuge, object)).is_error());
    ASSERT_FALSE(space->protect(kVa + kHuge, kHuge, kReadOnly).is_error());
    auto translation = translation_of(space, kVa + kHuge);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_TRUE(translation_of(space, kVa).attributes.writable);
    ASSERT_FALSE(space->protect(kVa + kHuge, kHuge, kReadWrite).is_error());
    translation = translation_of(space, kVa + kHuge);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_TRUE(translation.attributes.writable);

    // No access removes the entries; the next access brings back one 2 MiB
    // leaf, since the block still lies inside one region.
    ASSERT_FALSE(space->protect(kVa + kHuge, kHuge, kNone).is_error());
    EXPECT_FALSE(mapped(space, kVa + kHuge));
    ASSERT_FALSE(space->protect(kVa + kHuge, kHuge, kReadWrite).is_error());
    EXPECT_TRUE(access(space, kVa + kHuge + 77 * kPage, Access::kWrite));
    translation = translation_of(space, kVa + kHuge + 77 * kPage);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_EQ(translation.physical, kDevicePa + kHuge + 77 * kPage);
    EXPECT_EQ(translation.attributes.cache, hal::mm::CachePolicy::kDevice);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
    object->release();
}

TEST_F(HugePageTest, WithoutATablePageForTheSplitUnmapAndProtectChangeNothing) {
    MemoryObject* object = device_object(2 * kHuge);
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(device(kVa, 2 * kHuge, object)).is_error());
    exhaust_memory();
    ASSERT_EQ(frames_->free_bytes(), 0u);

    EXPECT_EQ(space->unmap(kVa + 5 * kPage, kPage).error(), os::Error::kOutOfMemory);
    EXPECT_EQ(space->protect(kVa + kHuge - kPage, 2 * kPage, kReadOnly).error(),
              os::Error::kOutOfMemory);
    EXPECT_EQ(space->region_count(), 1u);
    for (VirtualAddress address : {kVa, kVa + 5 * kPage, kVa + kHuge - kPage, kVa + kHuge}) {
        auto translation = translation_of(space, address);
        EXPECT_EQ(translation.size, PageSize::k2MiB);
        EXPECT_TRUE(translation.attributes.writable);
        EXPECT_EQ(translation.physical, kDevicePa + (address - kVa));
    }
    // Whole leaves need no split, so these work even now.
    ASSERT_FALSE(space->protect(kVa + kHuge, kHuge, kReadOnly).is_error());
    ASSERT_FALSE(space->unmap(kVa + kHuge, kHuge).is_error());
    EXPECT_TRUE(space->check_invariants());

    release_memory();
    ASSERT_FALSE(space->unmap(kVa + 5 * kPage, kPage).is_error());
    EXPECT_FALSE(mapped(space, kVa + 5 * kPage));
    EXPECT_EQ(size_at(space, kVa + 6 * kPage), PageSize::k4KiB);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
    object->release();
}

// ---- Anonymous regions ------------------------------------------------------------

TEST_F(HugePageTest, AnonymousFaultFillsTheWholeBlockWithOneLeaf) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(huge_anonymous(kVa, 2 * kHuge)).is_error());
    RegionInfo region;
    ASSERT_TRUE(space->find_region(kVa, &region));
    EXPECT_TRUE(region.huge_pages);

    uint64_t free_before = frames_->free_bytes();
    ASSERT_TRUE(user_write(space, kVa + kHuge / 2 + 7, 0x5a));
    auto translation = translation_of(space, kVa);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_EQ(translation.physical % kHuge, 0u);
    EXPECT_TRUE(translation.attributes.writable);
    EXPECT_EQ(region.object->resident_pages(), kPagesPerHuge);
    EXPECT_FALSE(mapped(space, kVa + kHuge));  // the next block waits for its fault
    // 2 MiB of frames plus at most the tables of the path and a page-list node.
    uint64_t used = free_before - frames_->free_bytes();
    EXPECT_GE(used, kHuge);
    EXPECT_LE(used, kHuge + 4 * kPage);

    // The block is zero-filled apart from the write, and each of its frames
    // is a 4 KiB frame of its own, held once, by the region's object.
    EXPECT_EQ(*byte_at(space, kVa + kHuge / 2 + 7), 0x5a);
    EXPECT_EQ(*byte_at(space, kVa), 0);
    EXPECT_EQ(*byte_at(space, kVa + kHuge - 1), 0);
    for (uint64_t i = 0; i < kPagesPerHuge; ++i) {
        PageFrame* frame = frames_->frame_of(translation.physical + i * kPage);
        ASSERT_EQ(frame->state(), FrameState::kAllocated) << i;
        EXPECT_EQ(frame->order(), 0u) << i;
        EXPECT_EQ(frame->reference_count(), 1u) << i;
        EXPECT_EQ(frame->usage(), FrameUsage::kUserMemory) << i;
        EXPECT_EQ(region.object->find_page(i), frame) << i;
    }

    // A read fills the next block the same way.
    uint8_t value = 1;
    ASSERT_TRUE(user_read(space, kVa + 2 * kHuge - 1, &value));
    EXPECT_EQ(value, 0);
    EXPECT_EQ(size_at(space, kVa + kHuge), PageSize::k2MiB);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(HugePageTest, AnonymousRegionsWithoutTheFlagStaySmall) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(kVa, 2 * kHuge, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space, kVa, 1));
    EXPECT_EQ(size_at(space, kVa), PageSize::k4KiB);
    EXPECT_EQ(object_at(space, kVa)->resident_pages(), 1u);
    RegionInfo region;
    ASSERT_TRUE(space->find_region(kVa, &region));
    EXPECT_FALSE(region.huge_pages);
    as_destroy(space);
}

TEST_F(HugePageTest, OnlyBlocksWhollyInsideTheRegionGoHuge) {
    AddressSpace* space = create_space();
    const VirtualAddress start = kVa + kPage;
    const VirtualAddress end = kVa + 3 * kHuge - kPage;
    ASSERT_FALSE(space->map(huge_anonymous(start, end - start)).is_error());
    ASSERT_TRUE(user_write(space, start, 1));
    ASSERT_TRUE(user_write(space, kVa + kHuge + 5 * kPage, 2));
    ASSERT_TRUE(user_write(space, end - 1, 3));
    EXPECT_EQ(size_at(space, start), PageSize::k4KiB);
    EXPECT_EQ(size_at(space, kVa + kHuge + 5 * kPage), PageSize::k2MiB);
    EXPECT_EQ(size_at(space, end - 1), PageSize::k4KiB);
    EXPECT_EQ(object_at(space, start)->resident_pages(), kPagesPerHuge + 2);
    EXPECT_EQ(*byte_at(space, kVa + kHuge + 5 * kPage), 2);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(HugePageTest, NoFreeBlockOrAPagePresentMeansSmallPages) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(huge_anonymous(kVa, kHuge)).is_error());
    exhaust_memory(9);  // no 2 MiB block left, small frames still there
    ASSERT_TRUE(user_write(space, kVa, 1));
    EXPECT_EQ(size_at(space, kVa), PageSize::k4KiB);
    release_memory();
    // A 2 MiB block is free again, but the block already has a page.
    ASSERT_TRUE(user_write(space, kVa + kPage, 2));
    EXPECT_EQ(size_at(space, kVa + kPage), PageSize::k4KiB);
    EXPECT_EQ(object_at(space, kVa)->resident_pages(), 2u);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(HugePageTest, PartialUnmapOfAHugeAnonymousPageFreesJustThosePages) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(huge_anonymous(kVa, kHuge)).is_error());
    for (uint64_t i = 0; i < kPagesPerHuge; ++i) {
        ASSERT_TRUE(user_write(space, kVa + i * kPage + 3, static_cast<uint8_t>(i)));
    }
    const PhysicalAddress base = translation_of(space, kVa).physical;
    ASSERT_EQ(size_at(space, kVa), PageSize::k2MiB);

    uint64_t free_before = frames_->free_bytes();
    ASSERT_FALSE(space->unmap(kVa + 100 * kPage, 3 * kPage).is_error());
    // Three frames back, one table page taken for the split.
    EXPECT_EQ(frames_->free_bytes(), free_before + 3 * kPage - kPage);
    EXPECT_EQ(space->region_count(), 2u);
    EXPECT_EQ(fault(space, kVa + 101 * kPage, Access::kRead), FaultResolution::kUnresolved);
    for (uint64_t i = 0; i < kPagesPerHuge; ++i) {
        VirtualAddress page = kVa + i * kPage;
        if (i >= 100 && i < 103) {
            EXPECT_FALSE(mapped(space, page)) << i;
            continue;
        }
        auto translation = translation_of(space, page);
        EXPECT_EQ(translation.size, PageSize::k4KiB) << i;
        EXPECT_EQ(translation.physical, base + i * kPage) << i;
        EXPECT_TRUE(translation.attributes.writable) << i;
        EXPECT_EQ(*byte_at(space, page + 3), static_cast<uint8_t>(i)) << i;
    }
    EXPECT_EQ(object_at(space, kVa)->resident_pages(), kPagesPerHuge - 3);
    EXPECT_EQ(frames_->frame_of(base + 99 * kPage)->reference_count(), 1u);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

TEST_F(HugePageTest, PartialProtectOfAHugeAnonymousPageSplitsIt) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(huge_anonymous(kVa, kHuge)).is_error());
    ASSERT_TRUE(user_write(space, kVa + 10 * kPage, 0x10));
    const PhysicalAddress base = translation_of(space, kVa).physical;

    ASSERT_FALSE(space->protect(kVa + 10 * kPage, kPage, kReadOnly).is_error());
    EXPECT_EQ(space->region_count(), 3u);
    auto translation = translation_of(space, kVa + 10 * kPage);
    EXPECT_EQ(translation.size, PageSize::k4KiB);
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_EQ(fault(space, kVa + 10 * kPage, Access::kWrite), FaultResolution::kUnresolved);
    EXPECT_TRUE(translation_of(space, kVa + 9 * kPage).attributes.writable);
    EXPECT_TRUE(translation_of(space, kVa + kHuge - kPage).attributes.writable);
    EXPECT_EQ(*byte_at(space, kVa + 10 * kPage), 0x10);
    EXPECT_TRUE(space->check_invariants());

    // Writable again: the write fault upgrades the page in place, no copy.
    ASSERT_FALSE(space->protect(kVa + 10 * kPage, kPage, kReadWrite).is_error());
    ASSERT_TRUE(user_write(space, kVa + 10 * kPage + 1, 0x11));
    EXPECT_EQ(translation_of(space, kVa + 10 * kPage).physical, base + 10 * kPage);
    EXPECT_EQ(*byte_at(space, kVa + 10 * kPage), 0x10);
    as_destroy(space);
}

TEST_F(HugePageTest, CloneSharesTheBlockPageByPageAndCopyOnWriteSplitsTheLeaf) {
    AddressSpace* parent = create_space();
    ASSERT_FALSE(parent->map(huge_anonymous(kVa, kHuge)).is_error());
    for (uint64_t i : {0, 1, 2, 511}) {
        ASSERT_TRUE(user_write(parent, kVa + i * kPage, static_cast<uint8_t>(10 + i)));
    }
    const PhysicalAddress base = translation_of(parent, kVa).physical;
    AddressSpace* child = parent->clone().value();

    // The parent keeps its leaf, read-only; the child maps every page of the
    // block read-only with small pages; each frame has two holders.
    auto translation = translation_of(parent, kVa);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_FALSE(translation.attributes.writable);
    for (uint64_t i = 0; i < kPagesPerHuge; ++i) {
        translation = translation_of(child, kVa + i * kPage);
        EXPECT_EQ(translation.size, PageSize::k4KiB) << i;
        EXPECT_EQ(translation.physical, base + i * kPage) << i;
        EXPECT_FALSE(translation.attributes.writable) << i;
        EXPECT_EQ(frames_->frame_of(base + i * kPage)->reference_count(), 2u) << i;
    }

    // The child writes page 1: only that page is copied.
    uint64_t free_before = frames_->free_bytes();
    ASSERT_TRUE(user_write(child, kVa + kPage, 0x77));
    EXPECT_NE(translation_of(child, kVa + kPage).physical, base + kPage);
    EXPECT_EQ(frames_->free_bytes(), free_before - kPage);
    EXPECT_EQ(frames_->frame_of(base + kPage)->reference_count(), 1u);
    EXPECT_EQ(size_at(parent, kVa), PageSize::k2MiB);

    // The parent writes page 1, its own again: the leaf splits, the page
    // becomes writable in place; its neighbours stay shared and read-only.
    ASSERT_TRUE(user_write(parent, kVa + kPage + 1, 0x88));
    translation = translation_of(parent, kVa + kPage);
    EXPECT_EQ(translation.size, PageSize::k4KiB);
    EXPECT_EQ(translation.physical, base + kPage);
    EXPECT_TRUE(translation.attributes.writable);
    EXPECT_FALSE(translation_of(parent, kVa).attributes.writable);
    EXPECT_FALSE(translation_of(parent, kVa + 2 * kPage).attributes.writable);

    // The parent writes page 2, still shared: copied.
    ASSERT_TRUE(user_write(parent, kVa + 2 * kPage, 0x99));
    EXPECT_NE(translation_of(parent, kVa + 2 * kPage).physical, base + 2 * kPage);
    EXPECT_EQ(translation_of(child, kVa + 2 * kPage).physical, base + 2 * kPage);

    // Each side sees its own writes and the other's old data.
    EXPECT_EQ(*byte_at(parent, kVa + kPage), 11);
    EXPECT_EQ(*byte_at(parent, kVa + kPage + 1), 0x88);
    EXPECT_EQ(*byte_at(child, kVa + kPage), 0x77);
    EXPECT_EQ(*byte_at(child, kVa + kPage + 1), 0);
    EXPECT_EQ(*byte_at(parent, kVa + 2 * kPage), 0x99);
    EXPECT_EQ(*byte_at(child, kVa + 2 * kPage), 12);
    EXPECT_EQ(*byte_at(parent, kVa + 511 * kPage), *byte_at(child, kVa + 511 * kPage));
    EXPECT_TRUE(parent->check_invariants());
    EXPECT_TRUE(child->check_invariants());

    as_destroy(child);
    EXPECT_EQ(frames_->frame_of(base)->reference_count(), 1u);
    as_destroy(parent);
}

TEST_F(HugePageTest, ALeafWhosePagesAreAllOwnedAgainBecomesWritableWhole) {
    AddressSpace* parent = create_space();
    ASSERT_FALSE(parent->map(huge_anonymous(kVa, kHuge)).is_error());
    ASSERT_TRUE(user_write(parent, kVa + 5 * kPage, 0x55));
    const PhysicalAddress base = translation_of(parent, kVa).physical;
    AddressSpace* child = parent->clone().value();
    as_destroy(child);
    ASSERT_FALSE(translation_of(parent, kVa).attributes.writable);

    // No copy, no split, no table page: the leaf is rewritten whole.
    uint64_t free_before = frames_->free_bytes();
    uint64_t tables_before = tables_.tables_in_use();
    ASSERT_TRUE(user_write(parent, kVa + 7 * kPage, 0x77));
    auto translation = translation_of(parent, kVa + kHuge - 1);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_TRUE(translation.attributes.writable);
    EXPECT_EQ(translation.physical, base + kHuge - 1);
    EXPECT_EQ(frames_->free_bytes(), free_before);
    EXPECT_EQ(tables_.tables_in_use(), tables_before);
    EXPECT_EQ(*byte_at(parent, kVa + 5 * kPage), 0x55);
    as_destroy(parent);
}

TEST_F(HugePageTest, CopyOnWriteWithoutMemoryToSplitFailsCleanly) {
    AddressSpace* parent = create_space();
    ASSERT_FALSE(parent->map(huge_anonymous(kVa, kHuge)).is_error());
    ASSERT_TRUE(user_write(parent, kVa, 0x42));
    AddressSpace* child = parent->clone().value();
    exhaust_memory();

    EXPECT_EQ(fault(parent, kVa, Access::kWrite), FaultResolution::kUnresolved);
    auto translation = translation_of(parent, kVa);
    EXPECT_EQ(translation.size, PageSize::k2MiB);
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_EQ(*byte_at(parent, kVa), 0x42);
    EXPECT_TRUE(parent->check_invariants());

    release_memory();
    ASSERT_TRUE(user_write(parent, kVa, 0x43));
    EXPECT_EQ(*byte_at(parent, kVa), 0x43);
    EXPECT_EQ(*byte_at(child, kVa), 0x42);
    as_destroy(child);
    as_destroy(parent);
}

TEST_F(HugePageTest, DestroyGivesBackEveryFrameOfHugeAndSplitPages) {
    uint64_t free_before = frames_->free_bytes();
    uint64_t largest_blocks = frames_->statistics(0).free_blocks[kMaxOrder];
    AddressSpace* parent = create_space();
    ASSERT_FALSE(parent->map(huge_anonymous(kVa, 2 * kHuge)).is_error());
    ASSERT_TRUE(user_write(parent, kVa, 1));
    ASSERT_TRUE(user_write(parent, kVa + kHuge, 2));
    ASSERT_FALSE(parent->unmap(kVa + kHuge + 3 * kPage, kPage).is_error());
    AddressSpace* child = parent->clone().value();
    ASSERT_TRUE(user_write(child, kVa + 9 * kPage, 3));
    ASSERT_TRUE(user_write(parent, kVa + 9 * kPage, 4));
    as_destroy(parent);
    as_destroy(child);
    EXPECT_EQ(frames_->free_bytes(), free_before);
    EXPECT_EQ(frames_->statistics(0).free_blocks[kMaxOrder], largest_blocks);  // coalesced again
}

TEST_F(HugePageTest, OnlyAnonymousAndDeviceRegionsTakeTheFlag) {
    MemoryObject* shared = MemoryObject::create_anonymous(kHuge, environment_).value();
    MemoryObject* registers = device_object(kHuge);
    AddressSpace* space = create_space();
    MapRequest request = huge_anonymous(kVa, kHuge);
    request.type = RegionType::kShared;
    request.object = shared;
    EXPECT_EQ(space->map(request).error(), os::Error::kInvalidArgument);
    MapRequest reserved = huge_anonymous(kVa, kHuge);
    reserved.type = RegionType::kReserved;
    reserved.permissions = kNone;
    EXPECT_EQ(space->map(reserved).error(), os::Error::kInvalidArgument);
    request = device(kVa, kHuge, registers);
    request.huge_pages = true;  // what device regions get anyway
    ASSERT_FALSE(space->map(request).is_error());
    RegionInfo region;
    ASSERT_TRUE(space->find_region(kVa, &region));
    EXPECT_FALSE(region.huge_pages);
    EXPECT_EQ(size_at(space, kVa), PageSize::k2MiB);
    as_destroy(space);
    shared->release();
    registers->release();
}

}  // namespace
}  // namespace kernel::mm::testing
