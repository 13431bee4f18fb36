// The fault paths: lazy zero-fill, permission checks, pager-backed pages,
// stale-TLB faults, and the one-line report of an unresolved fault.
#include <string>

#include "kernel/mm/vm/fault_report.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;

class PageFaultTest : public VmTest {
protected:
    // Runs a fault and returns what it printed.
    std::string fault_output(AddressSpace* space, hal::mm::VirtualAddress address, Access kind,
                             FaultResolution expected) {
        ::testing::internal::CaptureStderr();
        EXPECT_EQ(fault(space, address, kind), expected);
        return ::testing::internal::GetCapturedStderr();
    }
};

TEST_F(PageFaultTest, ReadFaultMapsAZeroedFrame) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 16 * kPage, kReadWrite)).is_error());
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x105000, &translation));  // nothing until touched

    uint64_t free_before = frames_->free_bytes();
    EXPECT_EQ(fault(space, 0x105123, Access::kRead), FaultResolution::kResolved);
    ASSERT_TRUE(space->translate(0x105000, &translation));
    EXPECT_EQ(translation.size, PageSize::k4KiB);
    EXPECT_TRUE(translation.attributes.user);
    EXPECT_TRUE(translation.attributes.writable);
    EXPECT_FALSE(translation.attributes.executable);
    EXPECT_FALSE(translation.attributes.global);
    EXPECT_EQ(translation.attributes.cache, hal::mm::CachePolicy::kNormal);
    // Simulated RAM starts out as 0xa5: every byte must have been cleared.
    const uint8_t* bytes = byte_at(space, 0x105000);
    for (size_t i = 0; i < kPage; ++i)
        ASSERT_EQ(bytes[i], 0) << i;
    // Exactly one frame more (plus page-table and page-list pages).
    EXPECT_LT(frames_->free_bytes(), free_before);
    EXPECT_EQ(frame_at(space, 0x105000)->reference_count(), 1u);
    EXPECT_EQ(frame_at(space, 0x105000)->usage(), FrameUsage::kUserMemory);
    // Only the touched page.
    EXPECT_FALSE(space->translate(0x104000, &translation));
    EXPECT_FALSE(space->translate(0x106000, &translation));
    as_destroy(space);
}

TEST_F(PageFaultTest, MappingsFollowRegionPermissions) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, kPage, kReadOnly)).is_error());
    ASSERT_FALSE(space->map(anonymous(0x200000, kPage, kReadExecute)).is_error());
    EXPECT_EQ(fault(space, 0x100000, Access::kRead), FaultResolution::kResolved);
    EXPECT_EQ(fault(space, 0x200000, Access::kExecute), FaultResolution::kResolved);
    PageTable::Translation translation;
    ASSERT_TRUE(space->translate(0x100000, &translation));
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_FALSE(translation.attributes.executable);
    ASSERT_TRUE(space->translate(0x200000, &translation));
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_TRUE(translation.attributes.executable);
    as_destroy(space);
}

TEST_F(PageFaultTest, WrongAccessIsUnresolvedAndReported) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 2 * kPage, kReadOnly)).is_error());
    ASSERT_FALSE(space->map(anonymous(0x200000, kPage, kReadWrite)).is_error());
    ASSERT_FALSE(space->map(anonymous(0x300000, kPage, kNone)).is_error());

    EXPECT_EQ(fault_output(space, 0x100abc, Access::kWrite, FaultResolution::kUnresolved),
              "page fault: write at 0x100abc (region [0x100000, 0x102000) r-- anonymous: "
              "permission denied) pc 0x401000\n");
    EXPECT_EQ(fault_output(space, 0x200000, Access::kExecute, FaultResolution::kUnresolved),
              "page fault: execute at 0x200000 (region [0x200000, 0x201000) rw- anonymous: "
              "permission denied) pc 0x401000\n");
    EXPECT_EQ(fault_output(space, 0x300008, Access::kRead, FaultResolution::kUnresolved),
              "page fault: read at 0x300008 (region [0x300000, 0x301000) --- anonymous: "
              "permission denied) pc 0x401000\n");
    EXPECT_EQ(fault_output(space, 0x10, Access::kRead, FaultResolution::kUnresolved),
              "page fault: read at 0x10 (no region) pc 0x401000\n");
    EXPECT_EQ(fault_output(space, 0x102000, Access::kRead, FaultResolution::kUnresolved),
              "page fault: read at 0x102000 (no region) pc 0x401000\n");
    // A resolved fault prints nothing, and denied ones mapped nothing.
    EXPECT_EQ(fault_output(space, 0x100000, Access::kRead, FaultResolution::kResolved), "");
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x200000, &translation));
    EXPECT_FALSE(space->translate(0x300000, &translation));
    as_destroy(space);
}

TEST_F(PageFaultTest, StaleTlbFaultIsResolvedWithoutChanges) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, kPage, kReadWrite)).is_error());
    ASSERT_TRUE(user_write(space, 0x100000, 1));
    PageFrame* frame = frame_at(space, 0x100000);
    uint64_t free_before = frames_->free_bytes();
    // Another CPU fixed the entry already; this one still had the old TLB entry.
    EXPECT_EQ(fault(space, 0x100000, Access::kWrite), FaultResolution::kResolved);
    EXPECT_EQ(fault(space, 0x100000, Access::kRead), FaultResolution::kResolved);
    EXPECT_EQ(frame_at(space, 0x100000), frame);
    EXPECT_EQ(frames_->free_bytes(), free_before);
    as_destroy(space);
}

TEST_F(PageFaultTest, PagerSuppliesFileBackedPages) {
    PatternPager pager;
    MemoryObject* file = MemoryObject::create_pager_backed(pager, 8 * kPage, environment_).value();
    AddressSpace* space = create_space();
    MapRequest request = anonymous(0x400000, 4 * kPage, kReadOnly);
    request.type = RegionType::kFileBacked;
    request.object = file;
    request.object_offset = 2 * kPage;  // the region shows pages 2..5
    ASSERT_FALSE(space->map(request).is_error());

    uint8_t value = 0;
    ASSERT_TRUE(user_read(space, 0x401000 + 0x123, &value));
    EXPECT_EQ(value, PatternPager::byte_at(3, 0x123));
    EXPECT_EQ(pager.calls, 1);
    const uint8_t* bytes = byte_at(space, 0x401000);
    for (size_t i = 0; i < kPage; ++i)
        ASSERT_EQ(bytes[i], PatternPager::byte_at(3, i)) << i;
    // Present now: no second call, from this space or another.
    ASSERT_TRUE(user_read(space, 0x401000, &value));
    AddressSpace* other = create_space();
    request.address = 0x800000;
    request.object_offset = 3 * kPage;
    ASSERT_FALSE(other->map(request).is_error());
    ASSERT_TRUE(user_read(other, 0x800000, &value));
    EXPECT_EQ(pager.calls, 1);
    EXPECT_EQ(frame_at(other, 0x800000), frame_at(space, 0x401000));
    EXPECT_EQ(file->resident_pages(), 1u);
    // Read-only file pages stay read-only.
    EXPECT_EQ(fault(space, 0x401000, Access::kWrite), FaultResolution::kUnresolved);
    as_destroy(other);
    as_destroy(space);
    EXPECT_EQ(file->reference_count(), 1u);
    file->release();
}

TEST_F(PageFaultTest, PagerFailureIsUnresolved) {
    PatternPager pager;
    pager.failing = {1};
    MemoryObject* file = MemoryObject::create_pager_backed(pager, 4 * kPage, environment_).value();
    AddressSpace* space = create_space();
    MapRequest request = anonymous(0x400000, 4 * kPage, kReadWrite);
    request.type = RegionType::kFileBacked;
    request.object = file;
    ASSERT_FALSE(space->map(request).is_error());

    EXPECT_EQ(fault_output(space, 0x401010, Access::kRead, FaultResolution::kUnresolved),
              "page fault: read at 0x401010 (region [0x400000, 0x404000) rw- file-backed: "
              "pager failed: not found) pc 0x401000\n");
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x401000, &translation));
    EXPECT_EQ(file->resident_pages(), 0u);
    // The other pages work, and writes go to the object's page.
    ASSERT_TRUE(user_write(space, 0x402000, 0xee));
    EXPECT_EQ(*static_cast<uint8_t*>(frames_->virtual_address_of(file->find_page(2))), 0xee);
    as_destroy(space);
    file->release();
}

// A pager that claims success but supplies nothing.
class ForgetfulPager final : public Pager {
public:
    os::ErrorOr<void> supply(MemoryObject&, uint64_t) override { return {}; }
};

TEST_F(PageFaultTest, PagerThatSuppliesNothingIsUnresolved) {
    ForgetfulPager pager;
    MemoryObject* file = MemoryObject::create_pager_backed(pager, kPage, environment_).value();
    AddressSpace* space = create_space();
    MapRequest request = anonymous(0x400000, kPage, kReadOnly);
    request.type = RegionType::kFileBacked;
    request.object = file;
    ASSERT_FALSE(space->map(request).is_error());
    EXPECT_EQ(fault_output(space, 0x400000, Access::kRead, FaultResolution::kUnresolved),
              "page fault: read at 0x400000 (region [0x400000, 0x401000) r-- file-backed: "
              "pager failed: not found) pc 0x401000\n");
    as_destroy(space);
    file->release();
}

// A pager that unmaps the region while it "waits for I/O": the fault must
// notice that the region is gone rather than map into it.
class UnmappingPager final : public Pager {
public:
    os::ErrorOr<void> supply(MemoryObject& object, uint64_t index) override {
        if (space != nullptr) EXPECT_FALSE(space->unmap(0x400000, kPage).is_error());
        uint8_t data[1] = {0x42};
        return object.supply_page(index, os::Bytes(data, 1));
    }
    AddressSpace* space = nullptr;
};

TEST_F(PageFaultTest, RegionChangedWhilePagerRanIsRetried) {
    UnmappingPager pager;
    MemoryObject* file = MemoryObject::create_pager_backed(pager, kPage, environment_).value();
    AddressSpace* space = create_space();
    MapRequest request = anonymous(0x400000, kPage, kReadOnly);
    request.type = RegionType::kFileBacked;
    request.object = file;
    ASSERT_FALSE(space->map(request).is_error());
    pager.space = space;  // also proves the pager runs without the space's lock
    // Resolved means "retry": the retry then finds no region.
    EXPECT_EQ(fault(space, 0x400000, Access::kRead), FaultResolution::kResolved);
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x400000, &translation));
    EXPECT_EQ(fault(space, 0x400000, Access::kRead), FaultResolution::kUnresolved);
    // The page arrived in the object all the same.
    EXPECT_EQ(file->resident_pages(), 1u);
    as_destroy(space);
    file->release();
}

TEST_F(PageFaultTest, SharedRegionWritableAgainAfterProtect) {
    MemoryObject* object = MemoryObject::create_anonymous(kPage, environment_).value();
    AddressSpace* space = create_space();
    MapRequest request = anonymous(0x600000, kPage, kReadWrite);
    request.type = RegionType::kShared;
    request.object = object;
    ASSERT_FALSE(space->map(request).is_error());
    ASSERT_TRUE(user_write(space, 0x600000, 1));
    ASSERT_FALSE(space->protect(0x600000, kPage, kReadOnly).is_error());
    PageTable::Translation translation;
    ASSERT_TRUE(space->translate(0x600000, &translation));
    EXPECT_FALSE(translation.attributes.writable);
    EXPECT_EQ(fault(space, 0x600000, Access::kWrite), FaultResolution::kUnresolved);
    ASSERT_FALSE(space->protect(0x600000, kPage, kReadWrite).is_error());
    ASSERT_TRUE(space->translate(0x600000, &translation));
    EXPECT_TRUE(translation.attributes.writable);  // shared entries are upgraded at once
    as_destroy(space);
    object->release();
}

TEST_F(PageFaultTest, ProtectFlushesTheTlb) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 64 * kPage, kReadWrite)).is_error());
    as_switch(space);
    ASSERT_TRUE(user_write(space, 0x100000, 1));
    hal::host::reset_tlb_flush_counts();
    ASSERT_FALSE(space->protect(0x100000, 2 * kPage, kReadOnly).is_error());
    EXPECT_EQ(hal::host::tlb_flush_counts().pages, 2u);
    hal::host::reset_tlb_flush_counts();
    ASSERT_FALSE(space->unmap(0x100000, 64 * kPage).is_error());
    EXPECT_EQ(hal::host::tlb_flush_counts().address_spaces, 1u);  // large: one flush for all
    as_switch(nullptr);
    as_destroy(space);
}

TEST(FaultReportTest, FormatsEveryCause) {
    FaultReport report;
    report.fault.address = 0xdeadb000;
    report.fault.pc = 0x1234;
    report.fault.access = Access::kExecute;
    report.reason = "no address space";
    char line[200];
    format_fault_report(report, line, sizeof(line));
    EXPECT_STREQ(line, "page fault: execute at 0xdeadb000 (no address space) pc 0x1234");

    RegionInfo region;
    region.start = 0x7fff0000;
    region.end = 0x80000000;
    region.permissions = kReadExecute;
    region.type = RegionType::kShared;
    report.region = &region;
    report.reason = "cannot get the page";
    report.has_error = true;
    report.error = os::Error::kOutOfMemory;
    format_fault_report(report, line, sizeof(line));
    EXPECT_STREQ(line,
                 "page fault: execute at 0xdeadb000 (region [0x7fff0000, 0x80000000) r-x shared: "
                 "cannot get the page: out of memory) pc 0x1234");
    // Truncation is reported like os::format.
    EXPECT_GT(format_fault_report(report, line, 16), 15u);
    EXPECT_EQ(std::string(line).size(), 15u);
}

}  // namespace
}  // namespace kernel::mm::testing
