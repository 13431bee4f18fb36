// as_clone and copy-on-write: reference counts, who copies and who does not,
// entries made read-only on both sides, and what clones share.
#include "hal/host/host_hal.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;

constexpr uint64_t kData = 0x100000;

class CopyOnWriteTest : public VmTest {
protected:
    // A parent with one written rw- page at kData, and its clone.
    void make_parent_and_child(uint8_t value) {
        parent_ = create_space();
        ASSERT_FALSE(parent_->map(anonymous(kData, 4 * kPage, kReadWrite)).is_error());
        ASSERT_TRUE(user_write(parent_, kData, value));
        original_ = frame_at(parent_, kData);
        ASSERT_EQ(original_->reference_count(), 1u);
        auto child = parent_->clone();
        ASSERT_FALSE(child.is_error());
        child_ = child.value();
    }

    void TearDown() override {
        if (child_ != nullptr) as_destroy(child_);
        if (parent_ != nullptr) as_destroy(parent_);
        VmTest::TearDown();
    }

    bool writable(AddressSpace* space, hal::mm::VirtualAddress address) {
        PageTable::Translation translation;
        EXPECT_TRUE(space->translate(address, &translation));
        return translation.attributes.writable;
    }

    AddressSpace* parent_ = nullptr;
    AddressSpace* child_ = nullptr;
    PageFrame* original_ = nullptr;
};

TEST_F(CopyOnWriteTest, CloneSharesFramesReadOnly) {
    make_parent_and_child(0x5a);
    // Both map the same frame, read-only, with one reference each.
    EXPECT_EQ(frame_at(child_, kData), original_);
    EXPECT_EQ(original_->reference_count(), 2u);
    EXPECT_FALSE(writable(parent_, kData));
    EXPECT_FALSE(writable(child_, kData));
    uint8_t value = 0;
    EXPECT_TRUE(user_read(child_, kData, &value));
    EXPECT_EQ(value, 0x5a);
    EXPECT_EQ(frame_at(child_, kData), original_);  // reading copies nothing
    // The clone has the same regions, each with its own private object.
    RegionInfo parent_region, child_region;
    ASSERT_TRUE(parent_->find_region(kData, &parent_region));
    ASSERT_TRUE(child_->find_region(kData, &child_region));
    EXPECT_EQ(child_region.start, parent_region.start);
    EXPECT_EQ(child_region.end, parent_region.end);
    EXPECT_EQ(child_region.permissions, kReadWrite);
    EXPECT_NE(child_region.object, parent_region.object);
    EXPECT_TRUE(child_->check_invariants());
}

TEST_F(CopyOnWriteTest, WriteInChildCopiesAndParentKeepsTheOriginal) {
    make_parent_and_child(0x5a);
    ASSERT_TRUE(user_write(child_, kData + 1, 0x77));
    PageFrame* copy = frame_at(child_, kData);
    EXPECT_NE(copy, original_);
    EXPECT_EQ(copy->reference_count(), 1u);
    EXPECT_EQ(original_->reference_count(), 1u);  // 2 -> 1
    EXPECT_TRUE(writable(child_, kData));
    // The copy has the old contents plus the child's write; the parent's
    // page is untouched.
    EXPECT_EQ(*byte_at(child_, kData), 0x5a);
    EXPECT_EQ(*byte_at(child_, kData + 1), 0x77);
    EXPECT_EQ(*byte_at(parent_, kData + 1), 0);  // zero-filled originally
    EXPECT_EQ(frame_at(parent_, kData), original_);

    // The parent is now the only holder: its write copies nothing.
    uint64_t free_before = frames_->free_bytes();
    ASSERT_TRUE(user_write(parent_, kData + 2, 0x33));
    EXPECT_EQ(frame_at(parent_, kData), original_);
    EXPECT_EQ(original_->reference_count(), 1u);
    EXPECT_EQ(frames_->free_bytes(), free_before);
    EXPECT_TRUE(writable(parent_, kData));
    EXPECT_EQ(*byte_at(child_, kData + 2), 0);
}

TEST_F(CopyOnWriteTest, WriteInParentCopiesAndChildKeepsTheOriginal) {
    make_parent_and_child(0x11);
    ASSERT_TRUE(user_write(parent_, kData, 0x22));
    EXPECT_NE(frame_at(parent_, kData), original_);
    EXPECT_EQ(frame_at(child_, kData), original_);
    EXPECT_EQ(original_->reference_count(), 1u);
    uint8_t value = 0;
    ASSERT_TRUE(user_read(child_, kData, &value));
    EXPECT_EQ(value, 0x11);
    ASSERT_TRUE(user_write(child_, kData, 0x33));
    EXPECT_EQ(frame_at(child_, kData), original_);  // sole holder: no copy
}

TEST_F(CopyOnWriteTest, UntouchedPagesAreZeroFilledSeparately) {
    make_parent_and_child(1);
    // Page 1 was never touched: each side gets its own zeroed frame.
    ASSERT_TRUE(user_write(child_, kData + kPage, 9));
    uint8_t value = 1;
    ASSERT_TRUE(user_read(parent_, kData + kPage, &value));
    EXPECT_EQ(value, 0);
    EXPECT_NE(frame_at(parent_, kData + kPage), frame_at(child_, kData + kPage));
}

TEST_F(CopyOnWriteTest, ReadOnlyRegionsShareWithoutCopying) {
    parent_ = create_space();
    ASSERT_FALSE(parent_->map(anonymous(kData, kPage, kReadOnly)).is_error());
    uint8_t value = 1;
    ASSERT_TRUE(user_read(parent_, kData, &value));
    EXPECT_EQ(value, 0);
    child_ = parent_->clone().value();
    EXPECT_EQ(frame_at(child_, kData), frame_at(parent_, kData));
    EXPECT_EQ(frame_at(parent_, kData)->reference_count(), 2u);
    EXPECT_EQ(fault(child_, kData, Access::kWrite), FaultResolution::kUnresolved);
    // Made writable later, the first write still copies.
    ASSERT_FALSE(child_->protect(kData, kPage, kReadWrite).is_error());
    ASSERT_TRUE(user_write(child_, kData, 4));
    EXPECT_NE(frame_at(child_, kData), frame_at(parent_, kData));
    EXPECT_EQ(*byte_at(parent_, kData), 0);
    as_destroy(child_);
    child_ = nullptr;
    EXPECT_EQ(frame_at(parent_, kData)->reference_count(), 1u);
}

TEST_F(CopyOnWriteTest, ChainsOfClonesCountEveryHolder) {
    make_parent_and_child(0x40);
    AddressSpace* grandchild = child_->clone().value();
    EXPECT_EQ(original_->reference_count(), 3u);
    ASSERT_TRUE(user_write(child_, kData, 0x41));
    EXPECT_EQ(original_->reference_count(), 2u);
    ASSERT_TRUE(user_write(grandchild, kData, 0x42));
    EXPECT_EQ(original_->reference_count(), 1u);
    ASSERT_TRUE(user_write(parent_, kData, 0x43));
    EXPECT_EQ(frame_at(parent_, kData), original_);
    EXPECT_EQ(*byte_at(parent_, kData), 0x43);
    EXPECT_EQ(*byte_at(child_, kData), 0x41);
    EXPECT_EQ(*byte_at(grandchild, kData), 0x42);
    as_destroy(grandchild);
}

TEST_F(CopyOnWriteTest, ParentGoneChildKeepsTheData) {
    make_parent_and_child(0x66);
    as_destroy(parent_);
    parent_ = nullptr;
    EXPECT_EQ(original_->reference_count(), 1u);
    uint8_t value = 0;
    ASSERT_TRUE(user_read(child_, kData, &value));
    EXPECT_EQ(value, 0x66);
    ASSERT_TRUE(user_write(child_, kData, 0x67));
    EXPECT_EQ(frame_at(child_, kData), original_);
}

TEST_F(CopyOnWriteTest, CloneFlushesTheParentsStaleWritableEntries) {
    parent_ = create_space();
    ASSERT_FALSE(parent_->map(anonymous(kData, kPage, kReadWrite)).is_error());
    as_switch(parent_);  // gives it an ASID, so its entries may be cached
    ASSERT_TRUE(user_write(parent_, kData, 1));
    hal::host::reset_tlb_flush_counts();
    child_ = parent_->clone().value();
    const auto& counts = hal::host::tlb_flush_counts();
    EXPECT_GE(counts.address_spaces + counts.pages, 1u);
    as_switch(nullptr);
}

TEST_F(CopyOnWriteTest, SharedRegionsShareFramesAcrossClones) {
    MemoryObject* object = MemoryObject::create_anonymous(4 * kPage, environment_).value();
    parent_ = create_space();
    MapRequest request = anonymous(0x200000, 4 * kPage, kReadWrite);
    request.type = RegionType::kShared;
    request.object = object;
    ASSERT_FALSE(parent_->map(request).is_error());
    ASSERT_TRUE(user_write(parent_, 0x200000, 0x12));
    child_ = parent_->clone().value();
    EXPECT_EQ(object->reference_count(), 3u);  // ours and one region each

    // The child's fault finds the same frame, writable: writes are seen by both.
    ASSERT_TRUE(user_write(child_, 0x200001, 0x34));
    EXPECT_EQ(frame_at(child_, 0x200000), frame_at(parent_, 0x200000));
    EXPECT_EQ(frame_at(parent_, 0x200000)->reference_count(), 1u);  // the object's only
    EXPECT_EQ(*byte_at(parent_, 0x200001), 0x34);
    EXPECT_TRUE(writable(parent_, 0x200000));  // never downgraded
    // Pages first touched after the clone are shared too.
    ASSERT_TRUE(user_write(parent_, 0x203000, 0x56));
    uint8_t value = 0;
    ASSERT_TRUE(user_read(child_, 0x203000, &value));
    EXPECT_EQ(value, 0x56);
    as_destroy(child_);
    child_ = nullptr;
    as_destroy(parent_);
    parent_ = nullptr;
    EXPECT_EQ(object->reference_count(), 1u);
    EXPECT_EQ(object->resident_pages(), 2u);
    object->release();
}

TEST_F(CopyOnWriteTest, FileDeviceAndReservedRegionsAreCloned) {
    PatternPager pager;
    MemoryObject* file = MemoryObject::create_pager_backed(pager, 2 * kPage, environment_).value();
    MemoryObject* device = MemoryObject::create_physical(0xfe000000, kPage, environment_).value();
    parent_ = create_space();
    MapRequest request = anonymous(0x300000, 2 * kPage, kReadOnly);
    request.type = RegionType::kFileBacked;
    request.object = file;
    ASSERT_FALSE(parent_->map(request).is_error());
    request = anonymous(0x400000, kPage, kReadWrite);
    request.type = RegionType::kDevice;
    request.object = device;
    ASSERT_FALSE(parent_->map(request).is_error());
    request = MapRequest{};
    request.type = RegionType::kReserved;
    request.address = 0x500000;
    request.fixed = true;
    request.length = kPage;
    ASSERT_FALSE(parent_->map(request).is_error());
    uint8_t value = 0;
    ASSERT_TRUE(user_read(parent_, 0x300010, &value));
    EXPECT_EQ(pager.calls, 1);

    child_ = parent_->clone().value();
    EXPECT_EQ(child_->region_count(), 3u);
    // The file page comes from the shared object: no second pager call.
    ASSERT_TRUE(user_read(child_, 0x300010, &value));
    EXPECT_EQ(value, PatternPager::byte_at(0, 0x10));
    EXPECT_EQ(pager.calls, 1);
    EXPECT_EQ(frame_at(child_, 0x300000), frame_at(parent_, 0x300000));
    // The device is mapped in the child at once, uncached.
    PageTable::Translation translation;
    ASSERT_TRUE(child_->translate(0x400000, &translation));
    EXPECT_EQ(translation.physical, 0xfe000000u);
    EXPECT_EQ(translation.attributes.cache, hal::mm::CachePolicy::kDevice);
    // The reservation is still one.
    RegionInfo region;
    ASSERT_TRUE(child_->find_region(0x500000, &region));
    EXPECT_EQ(region.type, RegionType::kReserved);
    EXPECT_EQ(fault(child_, 0x500000, Access::kRead), FaultResolution::kUnresolved);
    as_destroy(child_);
    child_ = nullptr;
    as_destroy(parent_);
    parent_ = nullptr;
    file->release();
    device->release();
}

TEST_F(CopyOnWriteTest, FailedCloneLeavesTheParentWorking) {
    parent_ = create_space();
    ASSERT_FALSE(parent_->map(anonymous(0x100000, kPage, kReadWrite)).is_error());
    ASSERT_FALSE(parent_->map(anonymous(0x200000, kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(parent_, 0x100000, 1));
    ASSERT_TRUE(user_write(parent_, 0x200000, 2));
    uint64_t live_before = objects_.live();
    CountingObjectAllocator* allocator = &objects_;
    // The clone makes its space, its first region and that region's object;
    // the second region cannot be had.
    struct FailAfter final : ObjectAllocator {
        CountingObjectAllocator* inner;
        int remaining;
        void* allocate(size_t size) override {
            if (remaining-- <= 0) return nullptr;
            return inner->allocate(size);
        }
        void free(void* object, size_t size) override { inner->free(object, size); }
    } fail_after;
    fail_after.inner = allocator;
    fail_after.remaining = 3;
    environment_.objects = &fail_after;
    auto child = parent_->clone();
    environment_.objects = allocator;
    ASSERT_TRUE(child.is_error());
    EXPECT_EQ(child.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(objects_.live(), live_before);
    // The parent still works; its pages are its own again.
    ASSERT_TRUE(user_write(parent_, 0x100000, 3));
    ASSERT_TRUE(user_write(parent_, 0x200000, 4));
    EXPECT_EQ(frame_at(parent_, 0x100000)->reference_count(), 1u);
}

}  // namespace
}  // namespace kernel::mm::testing
