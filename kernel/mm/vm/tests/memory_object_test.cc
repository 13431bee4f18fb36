// Memory objects and their page lists: kinds, zero-fill, pager supply,
// reference counting, and the radix tree's sparse storage and cleanup.
#include <map>
#include <random>

#include "kernel/mm/vm/page_list.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

class MemoryObjectTest : public VmTest {};

TEST_F(MemoryObjectTest, RejectsBadSizes) {
    EXPECT_EQ(MemoryObject::create_anonymous(0, environment_).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(MemoryObject::create_anonymous(kPage + 1, environment_).error(),
              os::Error::kInvalidArgument);
    EXPECT_EQ(MemoryObject::create_physical(0x1800, kPage, environment_).error(),
              os::Error::kInvalidArgument);
    EXPECT_EQ(
        MemoryObject::create_physical(~uint64_t{0} - kPage + 1, 2 * kPage, environment_).error(),
        os::Error::kInvalidArgument);
    EXPECT_EQ(objects_.live(), 0);
}

TEST_F(MemoryObjectTest, AnonymousPagesAreZeroFilledOnce) {
    MemoryObject* object = MemoryObject::create_anonymous(16 * kPage, environment_).value();
    EXPECT_EQ(object->kind(), MemoryObjectKind::kAnonymous);
    EXPECT_EQ(object->size(), 16 * kPage);
    EXPECT_EQ(object->resident_pages(), 0u);
    EXPECT_EQ(object->find_page(3), nullptr);

    auto first = object->acquire_page(3);
    ASSERT_FALSE(first.is_error());
    auto* bytes = static_cast<uint8_t*>(hal::mm::physical_to_virtual(first.value()));
    for (size_t i = 0; i < kPage; ++i)
        ASSERT_EQ(bytes[i], 0) << i;
    bytes[0] = 9;
    auto again = object->acquire_page(3);
    ASSERT_FALSE(again.is_error());
    EXPECT_EQ(again.value(), first.value());
    EXPECT_EQ(bytes[0], 9);
    EXPECT_EQ(object->resident_pages(), 1u);
    EXPECT_EQ(object->find_page(3), frames_->frame_of(first.value()));
    EXPECT_EQ(object->acquire_page(16).error(), os::Error::kOutOfRange);
    object->release();
}

TEST_F(MemoryObjectTest, PhysicalObjectsUseNoFrames) {
    uint64_t free_before = frames_->free_bytes();
    MemoryObject* object =
        MemoryObject::create_physical(0xfe000000, 4 * kPage, environment_).value();
    EXPECT_EQ(object->kind(), MemoryObjectKind::kPhysical);
    EXPECT_EQ(object->acquire_page(2).value(), 0xfe002000u);
    EXPECT_EQ(object->find_page(2), nullptr);
    EXPECT_EQ(object->supply_page(0, {}).error(), os::Error::kUnsupported);
    EXPECT_EQ(frames_->free_bytes(), free_before);
    object->release();
}

TEST_F(MemoryObjectTest, SupplyPageZeroPadsAndRefusesDuplicates) {
    PatternPager pager;
    MemoryObject* object =
        MemoryObject::create_pager_backed(pager, 4 * kPage, environment_).value();
    const uint8_t data[3] = {1, 2, 3};
    ASSERT_FALSE(object->supply_page(1, os::Bytes(data, 3)).is_error());
    auto* bytes = static_cast<uint8_t*>(frames_->virtual_address_of(object->find_page(1)));
    EXPECT_EQ(bytes[0], 1);
    EXPECT_EQ(bytes[2], 3);
    for (size_t i = 3; i < kPage; ++i)
        ASSERT_EQ(bytes[i], 0) << i;
    EXPECT_EQ(object->supply_page(1, os::Bytes(data, 3)).error(), os::Error::kAlreadyExists);
    EXPECT_EQ(object->supply_page(4, os::Bytes(data, 3)).error(), os::Error::kOutOfRange);
    // A present page is not asked for again.
    EXPECT_FALSE(object->acquire_page(1).is_error());
    EXPECT_EQ(pager.calls, 0);
    EXPECT_FALSE(object->acquire_page(2).is_error());
    EXPECT_EQ(pager.calls, 1);
    EXPECT_EQ(object->resident_pages(), 2u);
    object->release();
}

TEST_F(MemoryObjectTest, LastReferenceFreesEveryPage) {
    uint64_t free_before = frames_->free_bytes();
    MemoryObject* object = MemoryObject::create_anonymous(1024 * kPage, environment_).value();
    for (uint64_t index = 0; index < 1024; index += 100)
        ASSERT_FALSE(object->acquire_page(index).is_error());
    object->add_reference();
    object->release();
    EXPECT_EQ(object->resident_pages(), 11u);
    EXPECT_LT(frames_->free_bytes(), free_before);
    object->release();
    EXPECT_EQ(frames_->free_bytes(), free_before);
    EXPECT_EQ(objects_.live(), 0);
}

TEST_F(MemoryObjectTest, SharedPagesKeepTheirFramesAlive) {
    MemoryObject* source = MemoryObject::create_anonymous(8 * kPage, environment_).value();
    MemoryObject* target = MemoryObject::create_anonymous(8 * kPage, environment_).value();
    ASSERT_FALSE(source->acquire_page(1).is_error());
    ASSERT_FALSE(source->acquire_page(6).is_error());
    int calls = 0;
    ASSERT_FALSE(source
                     ->share_pages_with(
                         *target, 0, 8,
                         [](void* count, uint64_t, PageFrame*) { ++*static_cast<int*>(count); },
                         &calls)
                     .is_error());
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(target->find_page(6), source->find_page(6));
    EXPECT_EQ(source->find_page(6)->reference_count(), 2u);
    source->release();
    EXPECT_EQ(target->find_page(6)->reference_count(), 1u);
    target->release();
}

// The radix tree alone, with indices spread over a large object.
class PageListTest : public VmTest {};

TEST_F(PageListTest, SparseIndicesOverFourLevels) {
    uint64_t free_before = frames_->free_bytes();
    constexpr uint64_t kPageCount = uint64_t{1} << 35;  // the whole 47-bit user half
    std::map<uint64_t, PageFrame*> model;
    std::mt19937_64 random(3);
    {
        PageList list(*frames_, kPageCount);
        for (int i = 0; i < 40; ++i) {
            uint64_t index = random() % kPageCount;
            if (model.count(index) != 0) continue;
            PageFrame* frame = frames_->allocate(PageRequest{}).value();
            ASSERT_FALSE(list.insert(index, frame).is_error());
            model[index] = frame;
        }
        model[kPageCount - 1] = frames_->allocate(PageRequest{}).value();
        ASSERT_FALSE(list.insert(kPageCount - 1, model[kPageCount - 1]).is_error());
        EXPECT_EQ(list.resident_pages(), model.size());
        for (auto [index, frame] : model)
            EXPECT_EQ(list.find(index), frame);
        EXPECT_EQ(list.find(model.begin()->first + 1), nullptr);

        // In index order, only within the range.
        std::vector<uint64_t> visited;
        list.for_each(0, kPageCount, [&](uint64_t index, PageFrame*) { visited.push_back(index); });
        std::vector<uint64_t> expected;
        for (auto& entry : model)
            expected.push_back(entry.first);
        EXPECT_EQ(visited, expected);

        // Remove the lower half of the index space: its frames come back to
        // us, the nodes it covered entirely go back to the allocator.
        uint64_t half = kPageCount / 2;
        std::vector<uint64_t> removed;
        list.remove_range(0, half, [&](uint64_t index, PageFrame* frame) {
            removed.push_back(index);
            EXPECT_EQ(model[index], frame);
            frames_->release(frame);
        });
        size_t lower = 0;
        for (auto it = model.begin(); it != model.end() && it->first < half;) {
            ++lower;
            it = model.erase(it);
        }
        EXPECT_EQ(removed.size(), lower);
        EXPECT_EQ(list.resident_pages(), model.size());
        for (auto [index, frame] : model)
            EXPECT_EQ(list.find(index), frame);
        // The destructor drops the rest.
    }
    EXPECT_EQ(frames_->free_bytes(), free_before);
}

TEST_F(PageListTest, ReplaceSwapsOneSlot) {
    PageList list(*frames_, 10);
    PageFrame* a = frames_->allocate(PageRequest{}).value();
    PageFrame* b = frames_->allocate(PageRequest{}).value();
    ASSERT_FALSE(list.insert(9, a).is_error());
    EXPECT_EQ(list.replace(9, b), a);
    EXPECT_EQ(list.find(9), b);
    EXPECT_EQ(list.resident_pages(), 1u);
    frames_->release(a);
}

TEST_F(PageListTest, OutOfMemoryLeavesTheListUsable) {
    PageList list(*frames_, uint64_t{1} << 30);
    // Take every frame but one: the root fits, the next level does not.
    std::vector<PageFrame*> hoard;
    for (;;) {
        auto frame = frames_->allocate(PageRequest{});
        if (frame.is_error()) break;
        hoard.push_back(frame.value());
    }
    frames_->release(hoard.back());
    hoard.pop_back();
    PageFrame* page = hoard.back();
    hoard.pop_back();
    EXPECT_EQ(list.insert(12345678, page).error(), os::Error::kOutOfMemory);
    EXPECT_EQ(list.find(12345678), nullptr);
    for (PageFrame* frame : hoard)
        frames_->release(frame);
    ASSERT_FALSE(list.insert(12345678, page).is_error());
    EXPECT_EQ(list.find(12345678), page);
}

}  // namespace
}  // namespace kernel::mm::testing
