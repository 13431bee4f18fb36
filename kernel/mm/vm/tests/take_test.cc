// AddressSpace::take (memory_take): the frames change hands without a copy,
// the range is unmapped, what the range must be, failure changes nothing,
// copy-on-write frames are copied, and a shared mapping of the result sees
// the bytes.
#include "hal/host/host_hal.h"
#include "kernel/mm/vm/memory_object.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr uint64_t kData = 0x100000;

class TakeTest : public VmTest {
protected:
    void SetUp() override {
        VmTest::SetUp();
        space_ = create_space();
        ASSERT_NE(space_, nullptr);
    }
    void TearDown() override {
        if (target_ != nullptr) target_->release();
        if (space_ != nullptr) as_destroy(space_);
        VmTest::TearDown();
    }
    MemoryObject* new_target(uint64_t length) {
        auto object = MemoryObject::create_anonymous(length, environment_);
        EXPECT_FALSE(object.is_error());
        target_ = object.value();
        return target_;
    }
    bool mapped(hal::mm::VirtualAddress address) {
        RegionInfo info;
        return space_->find_region(address, &info);
    }

    AddressSpace* space_ = nullptr;
    MemoryObject* target_ = nullptr;
};

TEST_F(TakeTest, MovesFramesWithoutCopyAndUnmaps) {
    ASSERT_FALSE(space_->map(anonymous(kData, 4 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space_, kData, 0x11));
    ASSERT_TRUE(user_write(space_, kData + 2 * kPage + 5, 0x22));
    PageFrame* first = frame_at(space_, kData);
    PageFrame* third = frame_at(space_, kData + 2 * kPage);
    uint64_t free_before = frames_->free_bytes();

    MemoryObject* target = new_target(4 * kPage);
    ASSERT_FALSE(space_->take(kData, 4 * kPage, *target).is_error());
    // The same frames, one reference each (the target's), no frame allocated.
    EXPECT_EQ(target->find_page(0), first);
    EXPECT_EQ(target->find_page(2), third);
    EXPECT_EQ(target->find_page(1), nullptr);  // never touched: still absent
    EXPECT_EQ(first->reference_count(), 1u);
    EXPECT_EQ(third->reference_count(), 1u);
    EXPECT_EQ(target->resident_pages(), 2u);
    // No frame allocated (the unmap may free page-table pages).
    EXPECT_GE(frames_->free_bytes(), free_before);
    // The range is gone from the space.
    EXPECT_FALSE(mapped(kData));
    uint8_t value = 0;
    EXPECT_FALSE(user_read(space_, kData, &value));
    EXPECT_TRUE(space_->check_invariants());

    // Mapped shared (here in the same space again) it shows the bytes.
    MapRequest shared;
    shared.type = RegionType::kShared;
    shared.object = target;
    shared.length = 4 * kPage;
    shared.address = 0x200000;
    shared.fixed = true;
    shared.permissions = kReadWrite;
    ASSERT_FALSE(space_->map(shared).is_error());
    ASSERT_TRUE(user_read(space_, 0x200000, &value));
    EXPECT_EQ(value, 0x11);
    ASSERT_TRUE(user_read(space_, 0x200000 + 2 * kPage + 5, &value));
    EXPECT_EQ(value, 0x22);
    EXPECT_EQ(frame_at(space_, 0x200000), first);
}

TEST_F(TakeTest, MiddleOfARegionSplitsIt) {
    ASSERT_FALSE(space_->map(anonymous(kData, 8 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space_, kData + 3 * kPage, 0x33));
    ASSERT_TRUE(user_write(space_, kData + 6 * kPage, 0x66));
    MemoryObject* target = new_target(2 * kPage);
    ASSERT_FALSE(space_->take(kData + 2 * kPage, 2 * kPage, *target).is_error());
    EXPECT_NE(target->find_page(1), nullptr);
    EXPECT_TRUE(mapped(kData + kPage));
    EXPECT_FALSE(mapped(kData + 2 * kPage));
    EXPECT_FALSE(mapped(kData + 3 * kPage));
    EXPECT_TRUE(mapped(kData + 4 * kPage));
    uint8_t value = 0;
    ASSERT_TRUE(user_read(space_, kData + 6 * kPage, &value));
    EXPECT_EQ(value, 0x66);  // the rest keeps its pages
    EXPECT_EQ(space_->region_count(), 2u);
    EXPECT_TRUE(space_->check_invariants());
}

TEST_F(TakeTest, AcrossTwoAdjacentRegions) {
    ASSERT_FALSE(space_->map(anonymous(kData, 2 * kPage, kReadWrite)).is_error());
    ASSERT_FALSE(space_->map(anonymous(kData + 2 * kPage, 2 * kPage, kReadOnly)).is_error());
    ASSERT_TRUE(user_write(space_, kData + kPage, 0x44));
    MemoryObject* target = new_target(2 * kPage);
    ASSERT_FALSE(space_->take(kData + kPage, 2 * kPage, *target).is_error());
    EXPECT_NE(target->find_page(0), nullptr);
    EXPECT_EQ(target->find_page(1), nullptr);
    EXPECT_EQ(space_->region_count(), 2u);
    EXPECT_TRUE(space_->check_invariants());
}

TEST_F(TakeTest, RefusesGapsOtherRegionsAndWrongTargets) {
    ASSERT_FALSE(space_->map(anonymous(kData, 2 * kPage, kReadWrite)).is_error());
    MemoryObject* target = new_target(4 * kPage);
    // A gap after the region.
    EXPECT_EQ(space_->take(kData, 4 * kPage, *target).error(), os::Error::kNotFound);
    // Nothing mapped at all.
    EXPECT_EQ(space_->take(0x800000, 4 * kPage, *target).error(), os::Error::kNotFound);
    // A target of another size, misaligned or empty ranges.
    EXPECT_EQ(space_->take(kData, 2 * kPage, *target).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(space_->take(kData + 1, 4 * kPage, *target).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(space_->take(kData, 0, *target).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(space_->take(0, 4 * kPage, *target).error(), os::Error::kBadAddress);
    EXPECT_EQ(space_->take(hal::mm::user_space_end() - kPage, 4 * kPage, *target).error(),
              os::Error::kBadAddress);
    // A shared region is not the caller's to give away.
    MemoryObject* other = MemoryObject::create_anonymous(4 * kPage, environment_).value();
    MapRequest shared;
    shared.type = RegionType::kShared;
    shared.object = other;
    shared.length = 4 * kPage;
    shared.address = 0x400000;
    shared.fixed = true;
    shared.permissions = kReadWrite;
    ASSERT_FALSE(space_->map(shared).is_error());
    other->release();
    EXPECT_EQ(space_->take(0x400000, 4 * kPage, *target).error(), os::Error::kInvalidArgument);
    // Nothing changed.
    EXPECT_EQ(target->resident_pages(), 0u);
    EXPECT_TRUE(mapped(kData));
    EXPECT_EQ(space_->region_count(), 2u);
    EXPECT_TRUE(space_->check_invariants());
}

TEST_F(TakeTest, CopyOnWriteFramesAreCopiedNotShared) {
    ASSERT_FALSE(space_->map(anonymous(kData, 2 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space_, kData, 0x5a));
    PageFrame* original = frame_at(space_, kData);
    AddressSpace* child = space_->clone().value();
    ASSERT_EQ(original->reference_count(), 2u);

    MemoryObject* target = new_target(2 * kPage);
    ASSERT_FALSE(space_->take(kData, 2 * kPage, *target).is_error());
    PageFrame* taken = target->find_page(0);
    ASSERT_NE(taken, nullptr);
    EXPECT_NE(taken, original);                  // a copy ...
    EXPECT_EQ(original->reference_count(), 1u);  // ... the child's alone now
    uint8_t value = 0;
    EXPECT_TRUE(user_read(child, kData, &value));
    EXPECT_EQ(value, 0x5a);
    EXPECT_EQ(static_cast<uint8_t*>(frames_->virtual_address_of(taken))[0], 0x5a);
    as_destroy(child);
}

TEST_F(TakeTest, OutOfMemoryChangesNothing) {
    ASSERT_FALSE(space_->map(anonymous(kData, 4 * kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space_, kData, 0x11));
    MemoryObject* target = new_target(kPage);
    // The middle of a region needs a spare region: make that allocation fail.
    objects_.fail_next(1);
    EXPECT_EQ(space_->take(kData + kPage, kPage, *target).error(), os::Error::kOutOfMemory);
    EXPECT_EQ(space_->region_count(), 1u);
    uint8_t value = 0;
    ASSERT_TRUE(user_read(space_, kData, &value));
    EXPECT_EQ(value, 0x11);
    EXPECT_TRUE(space_->check_invariants());
}

// A huge leaf straddling the taken range is split; the rest of the block
// keeps its pages and its translation.
class TakeHugeTest : public VmTest {
protected:
    TakeHugeTest() : VmTest(16 * kMiB) {}
};

TEST_F(TakeHugeTest, SplitsAHugeLeafAtTheEdges) {
    constexpr uint64_t kHuge = 2 * kMiB;
    constexpr uint64_t kBase = 4 * kMiB;
    AddressSpace* space = create_space();
    ASSERT_NE(space, nullptr);
    MapRequest request = anonymous(kBase, kHuge, kReadWrite);
    request.huge_pages = true;
    ASSERT_FALSE(space->map(request).is_error());
    ASSERT_TRUE(user_write(space, kBase + 5 * kPage, 0x55));
    ASSERT_TRUE(user_write(space, kBase + 9 * kPage, 0x99));
    PageTable::Translation translation;
    ASSERT_TRUE(space->translate(kBase, &translation));
    ASSERT_EQ(translation.size, PageSize::k2MiB);
    PageFrame* fifth = frame_at(space, kBase + 5 * kPage);

    auto object = MemoryObject::create_anonymous(2 * kPage, environment_);
    ASSERT_FALSE(object.is_error());
    ASSERT_FALSE(space->take(kBase + 4 * kPage, 2 * kPage, *object.value()).is_error());
    EXPECT_EQ(object.value()->find_page(1), fifth);
    EXPECT_EQ(fifth->reference_count(), 1u);
    EXPECT_EQ(space->region_count(), 2u);
    EXPECT_TRUE(space->check_invariants());
    uint8_t value = 0;
    ASSERT_TRUE(user_read(space, kBase + 9 * kPage, &value));
    EXPECT_EQ(value, 0x99);
    EXPECT_FALSE(user_read(space, kBase + 5 * kPage, &value));
    object.value()->release();
    as_destroy(space);
}

}  // namespace
}  // namespace kernel::mm::testing
