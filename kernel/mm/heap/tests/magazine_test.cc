// The per-CPU layer: refills, hits and misses, CPU isolation, the depot,
// draining.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "kernel/mm/heap/tests/heap_fixture.h"

namespace kernel::mm::testing {
namespace {

using MagazineTest = HeapTest;

TEST_F(MagazineTest, AMissRefillsTheMagazineSoTheNextAllocationsHit) {
    SlabCache* cache = make_cache("refill", 64);
    uint32_t refill = cache->refill_count();
    ASSERT_GT(refill, 1u);
    std::vector<void*> objects;
    objects.push_back(cache->allocate());
    CacheStatistics stats = cache->statistics();
    EXPECT_EQ(stats.allocation_misses, 1u);
    EXPECT_EQ(stats.allocation_hits, 0u);
    EXPECT_EQ(stats.objects_cached, refill - 1);
    EXPECT_EQ(stats.objects_in_use, 1u);

    for (uint32_t i = 1; i < refill; ++i)
        objects.push_back(cache->allocate());
    stats = cache->statistics();
    EXPECT_EQ(stats.allocation_misses, 1u);
    EXPECT_EQ(stats.allocation_hits, refill - 1);
    EXPECT_EQ(stats.objects_cached, 0u);

    objects.push_back(cache->allocate());  // the magazine is empty again
    EXPECT_EQ(cache->statistics().allocation_misses, 2u);

    for (void* object : objects)
        cache->free(object);
    stats = cache->statistics();
    EXPECT_EQ(stats.objects_in_use, 0u);
    EXPECT_EQ(stats.objects_cached, 2 * refill);  // nothing went back to the slabs
    EXPECT_EQ(stats.free_misses, 0u) << "the partly filled magazine had room";
    EXPECT_EQ(stats.free_hits, refill + 1);
}

TEST_F(MagazineTest, ObjectsFreedOnOneCpuStayThereUntilDrained) {
    CacheConfig config;
    config.name = "isolation";
    config.size = 128;
    config.max_empty_slabs = 1000;  // so the object's slab survives the drain
    SlabCache* cache = heap_->create_cache(config).value();
    hal::host::set_current_cpu(1);
    void* on_cpu1 = cache->allocate();
    cache->free(on_cpu1);
    EXPECT_EQ(cache->allocate(), on_cpu1);  // CPU 1's own magazine hands it back
    cache->free(on_cpu1);

    hal::host::set_current_cpu(0);
    size_t total = 3 * cache->layout().capacity;
    std::vector<void*> on_cpu0;
    for (size_t i = 0; i < total; ++i) {
        on_cpu0.push_back(cache->allocate());
        ASSERT_NE(on_cpu0.back(), on_cpu1) << "CPU 0 got an object from CPU 1's magazine";
    }
    for (void* object : on_cpu0)
        cache->free(object);

    // Once CPU 1's magazines are drained, its object is free for everyone.
    cache->drain_cpu(1);
    cache->drain();
    size_t everything = cache->statistics().slabs * cache->layout().capacity;
    std::vector<void*> all;
    for (size_t i = 0; i < everything; ++i)
        all.push_back(cache->allocate());
    EXPECT_NE(std::find(all.begin(), all.end(), on_cpu1), all.end());
    for (void* object : all)
        cache->free(object);
}

TEST_F(MagazineTest, FullMagazinesTravelThroughTheDepotToOtherCpus) {
    SlabCache* cache = make_cache("depot", 64);
    size_t capacity = cache->magazine_capacity();

    // Objects made on CPU 2, whose leftovers are drained, so CPU 1's frees
    // below start from empty magazines.
    hal::host::set_current_cpu(2);
    std::vector<void*> objects;
    for (size_t i = 0; i < 2 * capacity + 1; ++i)
        objects.push_back(cache->allocate());
    cache->drain_cpu(2);

    // CPU 1 fills `loaded`, then `previous`; the next free pushes the
    // older full magazine (objects 0 .. capacity-1) to the depot.
    hal::host::set_current_cpu(1);
    for (void* object : objects)
        cache->free(object);
    CacheStatistics stats = cache->statistics();
    EXPECT_EQ(stats.depot_full_magazines, 1u);
    EXPECT_EQ(stats.free_misses, 3u);  // first magazine, second magazine, the exchange
    EXPECT_EQ(stats.objects_cached, 2 * capacity + 1);

    // CPU 0 has nothing; its miss takes the depot's magazine, last in first.
    hal::host::set_current_cpu(0);
    uint64_t misses_before = cache->statistics().allocation_misses;
    void* from_depot = cache->allocate();
    EXPECT_EQ(from_depot, objects[capacity - 1]);
    EXPECT_EQ(cache->statistics().depot_full_magazines, 0u);
    std::vector<void*> rest;
    for (size_t i = 1; i < capacity; ++i)
        rest.push_back(cache->allocate());
    std::set<void*> depot_objects(objects.begin(), objects.begin() + capacity);
    for (void* object : rest)
        EXPECT_TRUE(depot_objects.count(object));
    // One miss (the exchange with the depot); the rest were hits.
    EXPECT_EQ(cache->statistics().allocation_misses, misses_before + 1);

    cache->free(from_depot);
    for (void* object : rest)
        cache->free(object);
}

TEST_F(MagazineTest, DrainPutsEveryCachedObjectBackOnItsSlab) {
    SlabCache* cache = make_cache("drain", 32);
    std::vector<void*> kept;
    for (uint32_t cpu = 0; cpu < 4; ++cpu) {
        hal::host::set_current_cpu(cpu);
        std::vector<void*> objects;
        for (int i = 0; i < 100 + 37 * static_cast<int>(cpu); ++i) {
            objects.push_back(cache->allocate());
        }
        kept.push_back(objects.back());
        objects.pop_back();
        for (void* object : objects)
            cache->free(object);
    }
    EXPECT_GT(cache->statistics().objects_cached, 0u);
    cache->drain();
    CacheStatistics stats = cache->statistics();
    EXPECT_EQ(stats.objects_cached, 0u);
    EXPECT_EQ(stats.depot_full_magazines, 0u);
    EXPECT_EQ(stats.depot_empty_magazines, 0u);
    EXPECT_EQ(stats.objects_in_use, kept.size());
    for (void* object : kept)
        cache->free(object);
    cache->drain();
    EXPECT_EQ(cache->statistics().full_slabs + cache->statistics().partial_slabs, 0u);
}

TEST_F(MagazineTest, CacheWithoutPerCpuLayerNeverCaches) {
    SlabCache* cache = make_cache("no-magazines", 64, 8, /*per_cpu=*/false);
    void* object = cache->allocate();
    cache->free(object);
    CacheStatistics stats = cache->statistics();
    EXPECT_EQ(stats.objects_cached, 0u);
    EXPECT_EQ(stats.allocation_hits + stats.free_hits, 0u);
    EXPECT_EQ(stats.empty_slabs, 1u);
}

TEST_F(MagazineTest, CpuIndexBeyondTheLimitPanics) {
    SlabCache* cache = make_cache("too-many-cpus", 64);
    hal::host::set_current_cpu(kMaxHeapCpus);
    EXPECT_DEATH(cache->allocate(), "CPU index 64 is not below kMaxHeapCpus");
    hal::host::set_current_cpu(0);
}

}  // namespace
}  // namespace kernel::mm::testing
