// The slab layer: reuse, constructors and destructors, alignment and
// packing, full/partial/empty transitions, shrinking, layout choice.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "kernel/mm/heap/tests/heap_fixture.h"

namespace kernel::mm::testing {
namespace {

using SlabCacheTest = HeapTest;

TEST_F(SlabCacheTest, FreedObjectComesBackFromTheMagazine) {
    SlabCache* cache = make_cache("reuse", 64);
    void* first = cache->allocate();
    ASSERT_NE(first, nullptr);
    cache->free(first);
    EXPECT_EQ(cache->allocate(), first);
    cache->free(first);
}

TEST_F(SlabCacheTest, FreedObjectsComeBackFromTheirSlabAfterADrain) {
    SlabCache* cache = make_cache("reuse-slab", 128);
    size_t per_slab = cache->layout().capacity;
    std::vector<void*> objects;
    for (size_t i = 0; i < 3 * per_slab; ++i)
        objects.push_back(cache->allocate());
    std::set<void*> first_round(objects.begin(), objects.end());
    ASSERT_EQ(first_round.size(), objects.size());
    uint64_t first_slabs = cache->statistics().slabs_created;
    for (void* object : objects)
        cache->free(object);
    cache->drain();
    // max_empty_slabs (2) empty slabs stay, the third went back.
    EXPECT_EQ(cache->statistics().slabs, 2u);
    objects.clear();
    // Whole refills that the two kept slabs can serve.
    size_t count = 2 * per_slab / cache->refill_count() * cache->refill_count();
    for (size_t i = 0; i < count; ++i)
        objects.push_back(cache->allocate());
    for (void* object : objects) {
        EXPECT_TRUE(first_round.count(object)) << object << " was not handed out before";
    }
    EXPECT_EQ(cache->statistics().slabs_created, first_slabs);
    for (void* object : objects)
        cache->free(object);
}

int constructed = 0;
int destroyed = 0;
constexpr uint64_t kConstructedMark = 0xc0ffee0000c0ffee;

struct Tracked {
    uint64_t mark;
    uint64_t payload[5];
};

void construct_tracked(void* object) {
    ++constructed;
    static_cast<Tracked*>(object)->mark = kConstructedMark;
}

void destroy_tracked(void* object) {
    ++destroyed;
    EXPECT_EQ(static_cast<Tracked*>(object)->mark, kConstructedMark);
}

TEST_F(SlabCacheTest, ConstructorRunsOncePerObjectAndDestructorWhenTheSlabGoes) {
    constructed = destroyed = 0;
    CacheConfig config;
    config.name = "tracked";
    config.size = sizeof(Tracked);
    config.constructor = construct_tracked;
    config.destructor = destroy_tracked;
    SlabCache* cache = heap_->create_cache(config).value();
    int per_slab = static_cast<int>(cache->layout().capacity);
    // The link of a free object must not overwrite constructed state.
    EXPECT_GE(cache->layout().link_offset, sizeof(Tracked));

    auto* first = static_cast<Tracked*>(cache->allocate());
    EXPECT_EQ(constructed, per_slab) << "a new slab constructs all its objects";
    EXPECT_EQ(first->mark, kConstructedMark);
    first->payload[0] = 42;  // caller state survives free and reallocation
    cache->free(first);
    cache->drain();  // through the slab's free list, not just a magazine
    std::vector<Tracked*> objects;
    for (int i = 0; i < per_slab + 1; ++i) {
        objects.push_back(static_cast<Tracked*>(cache->allocate()));
        EXPECT_EQ(objects.back()->mark, kConstructedMark);
    }
    EXPECT_EQ(constructed, 2 * per_slab);
    EXPECT_EQ(destroyed, 0);
    EXPECT_NE(std::find(objects.begin(), objects.end(), first), objects.end());
    EXPECT_EQ(first->payload[0], 42u);
    for (Tracked* object : objects)
        cache->free(object);
    EXPECT_EQ(destroyed, 0) << "free objects stay constructed";
    cache->shrink();
    EXPECT_EQ(destroyed, 2 * per_slab);
    EXPECT_EQ(constructed, 2 * per_slab);
}

struct AlignmentCase {
    size_t size;
    size_t alignment;
    bool constructor;
};

void do_nothing(void*) {}

TEST_F(SlabCacheTest, ObjectsAreAlignedAndDisjointForManySizesAndAlignments) {
    const size_t sizes[] = {1,    7,    8,    9,    15,   16,   17,   24,   31,    33,   48,  63,
                            64,   65,   100,  127,  128,  200,  255,  256,  300,   511,  512, 513,
                            1000, 1024, 2000, 2048, 3000, 4096, 5000, 8192, 10000, 20000};
    const size_t alignments[] = {1, 8, 16, 32, 64, 128, 256, 512, 4096, 8192};
    int id = 0;
    for (size_t size : sizes) {
        for (size_t alignment : alignments) {
            for (bool constructor : {false, true}) {
                std::string name = "align-" + std::to_string(id++);
                CacheConfig config;
                config.name = name.c_str();
                config.size = size;
                config.alignment = alignment;
                config.constructor = constructor ? do_nothing : nullptr;
                auto created = heap_->create_cache(config);
                ASSERT_FALSE(created.is_error()) << size << "/" << alignment;
                SlabCache* cache = created.value();
                const SlabLayout& layout = cache->layout();
                size_t effective = std::max<size_t>(alignment, 8);
                ASSERT_GE(layout.capacity, 1u);
                ASSERT_GE(layout.stride, size);
                ASSERT_EQ(layout.stride % effective, 0u);

                size_t count = std::min<size_t>(2 * layout.capacity + 3, 600);
                std::vector<uint8_t*> objects;
                for (size_t i = 0; i < count; ++i) {
                    auto* object = static_cast<uint8_t*>(cache->allocate());
                    ASSERT_NE(object, nullptr);
                    ASSERT_EQ(reinterpret_cast<uintptr_t>(object) % effective, 0u)
                        << "size " << size << " alignment " << alignment;
                    memset(object, static_cast<int>(i), size);
                    objects.push_back(object);
                }
                std::vector<uint8_t*> sorted = objects;
                std::sort(sorted.begin(), sorted.end());
                for (size_t i = 1; i < sorted.size(); ++i) {
                    ASSERT_GE(static_cast<size_t>(sorted[i] - sorted[i - 1]), size)
                        << "overlap, size " << size << " alignment " << alignment;
                }
                for (size_t i = 0; i < count; ++i) {
                    ASSERT_EQ(objects[i][0], static_cast<uint8_t>(i));
                    ASSERT_EQ(objects[i][size - 1], static_cast<uint8_t>(i));
                    cache->free(objects[i]);
                }
                heap_->destroy_cache(cache);
            }
        }
    }
}

TEST_F(SlabCacheTest, SlabsMoveBetweenFullPartialAndEmpty) {
    CacheConfig config;
    config.name = "transitions";
    config.size = 256;
    config.per_cpu = false;  // the slab layer alone, so every step is visible
    config.max_empty_slabs = 1;
    SlabCache* cache = heap_->create_cache(config).value();
    size_t per_slab = cache->layout().capacity;
    ASSERT_GE(per_slab, 3u);
    auto expect_lists = [&](size_t full, size_t partial, size_t empty) {
        CacheStatistics stats = cache->statistics();
        EXPECT_EQ(stats.full_slabs, full);
        EXPECT_EQ(stats.partial_slabs, partial);
        EXPECT_EQ(stats.empty_slabs, empty);
    };

    std::vector<void*> first_slab;
    first_slab.push_back(cache->allocate());
    expect_lists(0, 1, 0);
    while (first_slab.size() < per_slab)
        first_slab.push_back(cache->allocate());
    expect_lists(1, 0, 0);
    void* second = cache->allocate();
    expect_lists(1, 1, 0);
    EXPECT_EQ(cache->statistics().objects_in_use, per_slab + 1);

    cache->free(second);
    expect_lists(1, 0, 1);  // kept: max_empty_slabs is 1
    cache->free(first_slab.back());
    first_slab.pop_back();
    expect_lists(0, 1, 1);
    // Refilling prefers the partial slab, so the empty one stays empty.
    first_slab.push_back(cache->allocate());
    expect_lists(1, 0, 1);

    size_t pages_before = source_.outstanding_pages();
    for (void* object : first_slab)
        cache->free(object);
    expect_lists(0, 0, 1);  // the second empty slab went back at once
    EXPECT_EQ(cache->statistics().slabs_released, 1u);
    EXPECT_EQ(source_.outstanding_pages(), pages_before - (size_t{1} << cache->layout().order));
    EXPECT_EQ(cache->statistics().objects_in_use, 0u);
}

TEST_F(SlabCacheTest, ShrinkReturnsEveryEmptySlabToThePageSource) {
    SlabCache* cache = make_cache("shrinking", 512);
    size_t per_slab = cache->layout().capacity;
    size_t baseline = source_.outstanding_pages();
    std::vector<void*> objects;
    for (size_t i = 0; i < 10 * per_slab; ++i)
        objects.push_back(cache->allocate());
    // Refills may have opened one more slab than the objects need.
    CacheStatistics stats = cache->statistics();
    EXPECT_GE(stats.slabs, 10u);
    EXPECT_LE(stats.slabs, 11u);
    size_t slab_pages = stats.slabs << cache->layout().order;
    EXPECT_EQ(stats.pages, slab_pages);
    EXPECT_GE(source_.outstanding_pages(), baseline + slab_pages);

    for (void* object : objects)
        cache->free(object);
    // Objects sit in magazines and the depot, so the slabs are not empty yet.
    EXPECT_GT(cache->statistics().objects_cached, 0u);
    EXPECT_EQ(cache->statistics().slabs, stats.slabs);
    size_t before_shrink = source_.outstanding_pages();
    size_t released = cache->shrink();
    EXPECT_EQ(released, slab_pages);
    EXPECT_EQ(cache->statistics().slabs, 0u);
    EXPECT_EQ(cache->statistics().objects_cached, 0u);
    // The slabs' pages are back (and off-slab headers went to their cache);
    // magazines are free objects of the magazine cache until the heap
    // shrinks that too.
    EXPECT_LE(source_.outstanding_pages(), before_shrink - slab_pages);
    heap_->shrink();
    EXPECT_LE(source_.outstanding_pages(), baseline);
}

TEST_F(SlabCacheTest, ExhaustedPageSourceMakesAllocationFailCleanly) {
    SlabCache* cache = make_cache("exhausted", 1024);
    source_.set_page_limit(source_.outstanding_pages() + 4);
    std::vector<void*> objects;
    for (;;) {
        void* object = cache->allocate();
        if (object == nullptr) break;
        objects.push_back(object);
        ASSERT_LT(objects.size(), 1000u);
    }
    EXPECT_GT(objects.size(), 0u);
    source_.set_page_limit(SIZE_MAX);
    for (void* object : objects)
        cache->free(object);
}

TEST_F(SlabCacheTest, CreateCacheValidatesItsArguments) {
    CacheConfig config;
    config.name = "bad";
    config.size = 0;
    EXPECT_EQ(heap_->create_cache(config).error(), os::Error::kInvalidArgument);
    config.size = 64;
    config.alignment = 24;
    EXPECT_EQ(heap_->create_cache(config).error(), os::Error::kInvalidArgument);
    config.alignment = 8;
    config.size = 65 * 1024;
    EXPECT_EQ(heap_->create_cache(config).error(), os::Error::kInvalidArgument);
    config.size = 64;
    config.name = "a-name-far-too-long-for-the-registry";
    EXPECT_EQ(heap_->create_cache(config).error(), os::Error::kInvalidArgument);
    config.name = "kmalloc-64";
    EXPECT_EQ(heap_->create_cache(config).error(), os::Error::kAlreadyExists);
    config.name = "fine";
    SlabCache* cache = heap_->create_cache(config).value();
    EXPECT_EQ(heap_->find_cache("fine"), cache);
    heap_->destroy_cache(cache);
    EXPECT_EQ(heap_->find_cache("fine"), nullptr);
}

TEST(SlabLayoutTest, LayoutsWasteLittleAndHoldSeveralObjects) {
    // Every kmalloc class and the page-table cache: <= 1/16 waste, >= 8
    // objects per slab.
    const std::pair<size_t, size_t> cases[] = {
        {16, 16},   {32, 32},   {64, 64},     {96, 32},     {128, 128},   {192, 64},
        {256, 256}, {512, 512}, {1024, 1024}, {2048, 2048}, {4096, 4096}, {8192, 8192},
    };
    for (auto [size, alignment] : cases) {
        SlabLayout layout = choose_slab_layout(size, alignment, false, true);
        EXPECT_GE(layout.capacity, 8u) << size;
        EXPECT_LE(layout.wasted_bytes() * 16, layout.block_bytes()) << size;
        EXPECT_EQ(layout.first_object % alignment, 0u) << size;
    }
    SlabLayout page_tables = choose_slab_layout(4096, 4096, false, true);
    EXPECT_TRUE(page_tables.off_slab_header);
    EXPECT_EQ(page_tables.order, 3u);
    EXPECT_EQ(page_tables.capacity, 8u);
    SlabLayout small = choose_slab_layout(64, 8, false, true);
    EXPECT_FALSE(small.off_slab_header);
    EXPECT_EQ(small.order, 0u);
    // Headers inside the slab never overlap object 0.
    EXPECT_GE(small.first_object, sizeof(Slab) + small.bitmap_words * 8);
    EXPECT_GE(small.bitmap_words * 64, small.capacity);
}

TEST_F(SlabCacheTest, PageTableCacheServesAlignedPages) {
    SlabCache& cache = heap_->page_table_cache();
    EXPECT_EQ(cache.object_size(), 4096u);
    std::vector<void*> tables;
    for (int i = 0; i < 40; ++i) {
        void* table = cache.allocate();
        ASSERT_EQ(reinterpret_cast<uintptr_t>(table) % 4096, 0u);
        memset(table, 0, 4096);
        tables.push_back(table);
    }
    std::set<void*> distinct(tables.begin(), tables.end());
    EXPECT_EQ(distinct.size(), tables.size());
    for (void* table : tables)
        cache.free(table);
}

}  // namespace
}  // namespace kernel::mm::testing
