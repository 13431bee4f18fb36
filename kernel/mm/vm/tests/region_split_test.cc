// Partial unmap and protect: every combination of a range's edges against
// a region's (before, at, inside, at the end, after), checked against a
// per-page model of what must remain, with page contents surviving splits.
#include <map>
#include <vector>

#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;

constexpr uint64_t kBase = 0x100000;
constexpr int kPages = 8;

uint64_t page_address(int page) {
    return kBase + static_cast<int64_t>(page) * static_cast<int64_t>(kPage);
}

// A region as the test expects it: [first page, last page], permissions.
struct Expected {
    int first;
    int last;
    Permissions permissions;
};

// Cuts a per-page permission model into regions (pages with no entry are
// unmapped; neighbouring pages with equal permissions still are separate
// regions when `cuts` says so).
std::vector<Expected> regions_of(const std::map<int, Permissions>& pages,
                                 const std::set<int>& cuts) {
    std::vector<Expected> regions;
    for (auto [page, permissions] : pages) {
        if (!regions.empty() && regions.back().last == page - 1 &&
            regions.back().permissions == permissions && cuts.count(page) == 0) {
            regions.back().last = page;
        } else {
            regions.push_back({page, page, permissions});
        }
    }
    return regions;
}

class RegionSplitTest : public VmTest, public ::testing::WithParamInterface<std::pair<int, int>> {
protected:
    // One anonymous rw- region of kPages pages, each page written with its
    // number so that splits can be seen to keep the right pages in place.
    AddressSpace* populated_space() {
        AddressSpace* space = create_space();
        EXPECT_FALSE(space->map(anonymous(kBase, kPages * kPage, kReadWrite)).is_error());
        for (int page = 0; page < kPages; ++page) {
            EXPECT_TRUE(
                user_write(space, page_address(page) + 5, static_cast<uint8_t>(100 + page)));
        }
        return space;
    }

    void expect_regions(AddressSpace* space, const std::vector<Expected>& expected) {
        RegionInfo regions[16];
        size_t count = space->copy_regions(regions, 16);
        ASSERT_EQ(count, expected.size());
        for (size_t i = 0; i < count; ++i) {
            EXPECT_EQ(regions[i].start, page_address(expected[i].first)) << "region " << i;
            EXPECT_EQ(regions[i].end, page_address(expected[i].last + 1)) << "region " << i;
            EXPECT_EQ(regions[i].permissions, expected[i].permissions) << "region " << i;
            EXPECT_EQ(regions[i].type, RegionType::kAnonymous);
            // The object offset follows the start: page p of the original
            // region is page p of the object wherever the region now starts.
            EXPECT_EQ(regions[i].object_offset, expected[i].first * kPage) << "region " << i;
        }
        EXPECT_TRUE(space->check_invariants());
    }
};

// Range edges in pages relative to the region [0, 8): -2 (before), 0 (at the
// start), 3 (inside), 8 (at the end), 10 (after).
std::vector<std::pair<int, int>> edge_combinations() {
    std::vector<std::pair<int, int>> ranges;
    for (int start : {-2, 0, 3, 5}) {
        for (int end : {0, 3, 5, 8, 10}) {
            if (end > start) ranges.push_back({start, end});
        }
    }
    return ranges;
}

TEST_P(RegionSplitTest, PartialUnmap) {
    auto [start, end] = GetParam();
    AddressSpace* space = populated_space();
    uint64_t free_before = frames_->free_bytes();
    ASSERT_FALSE(space->unmap(page_address(start), (end - start) * kPage).is_error());

    std::map<int, Permissions> model;
    for (int page = 0; page < kPages; ++page) {
        if (page < start || page >= end) model[page] = kReadWrite;
    }
    expect_regions(space, regions_of(model, {}));

    int removed = 0;
    for (int page = 0; page < kPages; ++page) {
        PageTable::Translation translation;
        bool mapped = space->translate(page_address(page), &translation);
        if (model.count(page) != 0) {
            ASSERT_TRUE(mapped) << page;
            EXPECT_EQ(*byte_at(space, page_address(page) + 5), 100 + page) << page;
        } else {
            EXPECT_FALSE(mapped) << page;
            EXPECT_EQ(fault(space, page_address(page), Access::kRead),
                      FaultResolution::kUnresolved);
            ++removed;
        }
    }
    // The frames of the unmapped pages went back (table pages may follow).
    EXPECT_GE(frames_->free_bytes(), free_before + removed * kPage);
    // The halves of a split share the object, which holds only what is left.
    RegionInfo region;
    if (space->find_region(kBase, &region) ||
        space->find_region(page_address(kPages - 1), &region)) {
        EXPECT_EQ(region.object->resident_pages(), model.size());
    }

    // The hole can be mapped again and starts out zeroed.
    if (removed > 0) {
        int first = std::max(start, 0);
        int last = std::min(end, kPages);
        ASSERT_FALSE(space->map(anonymous(page_address(first), (last - first) * kPage, kReadOnly))
                         .is_error());
        uint8_t value = 1;
        EXPECT_TRUE(user_read(space, page_address(first) + 5, &value));
        EXPECT_EQ(value, 0);
    }
    as_destroy(space);
}

TEST_P(RegionSplitTest, PartialProtect) {
    auto [start, end] = GetParam();
    AddressSpace* space = populated_space();
    auto result = space->protect(page_address(start), (end - start) * kPage, kReadOnly);

    std::map<int, Permissions> model;
    for (int page = 0; page < kPages; ++page)
        model[page] = kReadWrite;
    if (start < 0 || end > kPages) {
        // Part of the range has no region: nothing changes.
        ASSERT_TRUE(result.is_error());
        EXPECT_EQ(result.error(), os::Error::kNotFound);
        expect_regions(space, regions_of(model, {}));
    } else {
        ASSERT_FALSE(result.is_error());
        for (int page = start; page < end; ++page)
            model[page] = kReadOnly;
        expect_regions(space, regions_of(model, {}));
    }

    for (int page = 0; page < kPages; ++page) {
        PageTable::Translation translation;
        ASSERT_TRUE(space->translate(page_address(page), &translation)) << page;
        EXPECT_EQ(translation.attributes.writable, model[page].write) << page;
        EXPECT_EQ(*byte_at(space, page_address(page) + 5), 100 + page) << page;
        EXPECT_EQ(fault(space, page_address(page), Access::kWrite),
                  model[page].write ? FaultResolution::kResolved : FaultResolution::kUnresolved)
            << page;
    }

    // Writable again: the first write upgrades the same frame in place.
    if (!result.is_error()) {
        PageFrame* before = frame_at(space, page_address(start));
        ASSERT_FALSE(
            space->protect(page_address(start), (end - start) * kPage, kReadWrite).is_error());
        EXPECT_TRUE(user_write(space, page_address(start), 7));
        EXPECT_EQ(frame_at(space, page_address(start)), before);
        // Regions are not merged back.
        std::set<int> cuts;
        if (start > 0) cuts.insert(start);
        if (end < kPages) cuts.insert(end);
        for (int page = 0; page < kPages; ++page)
            model[page] = kReadWrite;
        expect_regions(space, regions_of(model, cuts));
    }
    as_destroy(space);
}

INSTANTIATE_TEST_SUITE_P(EveryEdge, RegionSplitTest, ::testing::ValuesIn(edge_combinations()),
                         [](const ::testing::TestParamInfo<std::pair<int, int>>& info) {
                             auto name = [](int page) {
                                 return page < 0 ? "minus" + std::to_string(-page)
                                                 : std::to_string(page);
                             };
                             return "pages_" + name(info.param.first) + "_to_" +
                                    name(info.param.second);
                         });

class MultiRegionTest : public VmTest {};

// One range over several regions of different types with gaps in between:
// edges cut the outer regions, everything inside goes.
TEST_F(MultiRegionTest, UnmapAcrossRegionsAndGaps) {
    AddressSpace* space = create_space();
    MemoryObject* shared = MemoryObject::create_anonymous(16 * kPage, environment_).value();
    ASSERT_FALSE(space->map(anonymous(0x100000, 4 * kPage, kReadWrite)).is_error());
    MapRequest request = anonymous(0x106000, 4 * kPage, kReadOnly);
    request.type = RegionType::kShared;
    request.object = shared;
    request.object_offset = 2 * kPage;
    ASSERT_FALSE(space->map(request).is_error());
    MapRequest reserved;
    reserved.type = RegionType::kReserved;
    reserved.address = 0x10a000;
    reserved.fixed = true;
    reserved.length = 2 * kPage;
    ASSERT_FALSE(space->map(reserved).is_error());
    ASSERT_FALSE(space->map(anonymous(0x10e000, 4 * kPage, kReadExecute)).is_error());
    for (uint64_t address : {0x100000, 0x103000, 0x106000, 0x109000}) {
        uint8_t value;
        ASSERT_TRUE(user_read(space, address, &value));
    }

    // [0x102000, 0x110000): cuts the first region's tail, removes the shared
    // and reserved ones, cuts the last region's head.
    ASSERT_FALSE(space->unmap(0x102000, 0xe000).is_error());
    RegionInfo regions[8];
    ASSERT_EQ(space->copy_regions(regions, 8), 2u);
    EXPECT_EQ(regions[0].start, 0x100000u);
    EXPECT_EQ(regions[0].end, 0x102000u);
    EXPECT_EQ(regions[1].start, 0x110000u);
    EXPECT_EQ(regions[1].end, 0x112000u);
    EXPECT_EQ(regions[1].object_offset, 2 * kPage);
    EXPECT_EQ(regions[1].permissions, kReadExecute);
    // The shared object keeps its pages: it is not this space's alone.
    EXPECT_EQ(shared->reference_count(), 1u);
    EXPECT_EQ(shared->resident_pages(), 2u);
    PageTable::Translation translation;
    EXPECT_FALSE(space->translate(0x106000, &translation));
    EXPECT_TRUE(space->translate(0x100000, &translation));
    EXPECT_TRUE(space->check_invariants());

    // Unmapping nothing is not an error.
    EXPECT_FALSE(space->unmap(0x200000, 0x10000).is_error());
    as_destroy(space);
    shared->release();
}

TEST_F(MultiRegionTest, ProtectAcrossAdjacentRegions) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 4 * kPage, kReadWrite)).is_error());
    ASSERT_FALSE(space->map(anonymous(0x104000, 4 * kPage, kReadOnly)).is_error());
    ASSERT_FALSE(space->map(anonymous(0x10a000, 4 * kPage, kReadOnly)).is_error());
    // Adjacent regions: fine, and both edges split.
    ASSERT_FALSE(space->protect(0x102000, 0x4000, kReadExecute).is_error());
    RegionInfo regions[8];
    ASSERT_EQ(space->copy_regions(regions, 8), 5u);
    EXPECT_EQ(regions[0].end, 0x102000u);
    EXPECT_EQ(regions[0].permissions, kReadWrite);
    EXPECT_EQ(regions[1].start, 0x102000u);
    EXPECT_EQ(regions[1].permissions, kReadExecute);
    EXPECT_EQ(regions[2].start, 0x104000u);
    EXPECT_EQ(regions[2].end, 0x106000u);
    EXPECT_EQ(regions[2].permissions, kReadExecute);
    EXPECT_EQ(regions[3].start, 0x106000u);
    EXPECT_EQ(regions[3].permissions, kReadOnly);
    // A gap between regions: kNotFound, nothing changes.
    EXPECT_EQ(space->protect(0x106000, 0x6000, kReadWrite).error(), os::Error::kNotFound);
    ASSERT_EQ(space->copy_regions(regions, 8), 5u);
    EXPECT_EQ(regions[3].permissions, kReadOnly);
    EXPECT_TRUE(space->check_invariants());
    as_destroy(space);
}

}  // namespace
}  // namespace kernel::mm::testing
