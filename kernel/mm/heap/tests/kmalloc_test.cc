// kmalloc/kfree: size classes, alignment, large blocks, a randomized run
// against a model, the global kernel heap and the statistics printout.
#include "kernel/mm/heap/kmalloc.h"

#include <gtest/gtest.h>

#include <deque>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "kernel/mm/heap/object_cache.h"
#include "kernel/mm/heap/tests/heap_fixture.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::kPageShift;
using hal::mm::kPageSize;

using KmallocTest = HeapTest;

// The alignment heap.h promises for a request of `size` bytes.
size_t promised_alignment(size_t size) {
    if (size > Heap::kMaxSizeClass) return kPageSize;
    size_t alignment = 16;
    while (alignment * 2 <= size && (size & (alignment * 2 - 1)) == 0)
        alignment *= 2;
    return alignment;
}

uint8_t pattern_byte(size_t size, size_t index) {
    return static_cast<uint8_t>(size * 131 + index * 7 + 1);
}

void fill(uint8_t* bytes, size_t size) {
    for (size_t i = 0; i < size; ++i)
        bytes[i] = pattern_byte(size, i);
}

// Returns the first differing index, or size if intact.
size_t first_difference(const uint8_t* bytes, size_t size) {
    for (size_t i = 0; i < size; ++i) {
        if (bytes[i] != pattern_byte(size, i)) return i;
    }
    return size;
}

TEST_F(KmallocTest, EverySizeUpTo16KiBHoldsItsBytes) {
    // A window of live allocations, so that overlaps would corrupt patterns.
    std::deque<std::pair<uint8_t*, size_t>> live;
    for (size_t size = 1; size <= 16384; ++size) {
        auto* bytes = static_cast<uint8_t*>(heap_->allocate(size));
        ASSERT_NE(bytes, nullptr) << size;
        ASSERT_EQ(reinterpret_cast<uintptr_t>(bytes) % promised_alignment(size), 0u) << size;
        fill(bytes, size);
        live.emplace_back(bytes, size);
        if (live.size() > 48) {
            auto [old, old_size] = live.front();
            live.pop_front();
            ASSERT_EQ(first_difference(old, old_size), old_size) << "size " << old_size;
            heap_->free(old);
        }
    }
    for (auto [bytes, size] : live) {
        ASSERT_EQ(first_difference(bytes, size), size);
        heap_->free(bytes);
    }
}

TEST_F(KmallocTest, SizesMapToTheExpectedClasses) {
    const std::pair<size_t, size_t> cases[] = {
        {0, 16},    {1, 16},     {16, 16},     {17, 32},     {33, 64},     {64, 64},
        {65, 96},   {96, 96},    {97, 128},    {129, 192},   {192, 192},   {193, 256},
        {257, 512}, {600, 1024}, {1025, 2048}, {2049, 4096}, {4097, 8192}, {8192, 8192},
    };
    for (auto [size, class_size] : cases) {
        EXPECT_EQ(heap_->size_class_for(size).object_size(), class_size) << size;
    }
}

TEST_F(KmallocTest, LargeAllocationsAreWholeBlocksFromThePageSource) {
    size_t baseline = source_.outstanding_pages();
    const std::pair<size_t, size_t> cases[] = {
        {8193, 4}, {12288, 4}, {16384, 4}, {16385, 8}, {1 << 20, 256}, {4 << 20, 1024},
    };
    for (auto [size, pages] : cases) {
        auto* bytes = static_cast<uint8_t*>(heap_->allocate(size));
        ASSERT_NE(bytes, nullptr) << size;
        EXPECT_EQ(reinterpret_cast<uintptr_t>(bytes) % (pages * kPageSize), 0u) << size;
        EXPECT_EQ(source_.outstanding_pages(), baseline + pages) << size;
        LargeAllocationStatistics large = heap_->large_statistics();
        EXPECT_EQ(large.blocks, 1u);
        EXPECT_EQ(large.pages, pages);
        bytes[0] = 1;
        bytes[size - 1] = 2;
        heap_->free(bytes);
        EXPECT_EQ(source_.outstanding_pages(), baseline) << size;
    }
    EXPECT_EQ(heap_->allocate((4 << 20) + 1), nullptr);
    EXPECT_EQ(heap_->large_statistics().blocks, 0u);
    EXPECT_EQ(heap_->large_statistics().allocations, 6u);
}

TEST_F(KmallocTest, AlignedAllocationsHonourTheirAlignment) {
    for (size_t alignment = 1; alignment <= (1 << 20); alignment *= 2) {
        for (size_t size : {1, 24, 100, 500, 4096, 9000, 70000}) {
            auto* bytes = static_cast<uint8_t*>(heap_->allocate_aligned(size, alignment));
            ASSERT_NE(bytes, nullptr) << size << "/" << alignment;
            EXPECT_EQ(reinterpret_cast<uintptr_t>(bytes) % alignment, 0u)
                << size << "/" << alignment;
            fill(bytes, size);
            EXPECT_EQ(first_difference(bytes, size), size);
            heap_->free(bytes);
        }
    }
    EXPECT_EQ(heap_->allocate_aligned(64, 48), nullptr);
}

TEST_F(KmallocTest, FreeOfNullDoesNothing) {
    size_t pages = source_.outstanding_pages();
    heap_->free(nullptr);
    EXPECT_EQ(source_.outstanding_pages(), pages);
}

// Random allocations and frees on random CPUs, checked against a model: no
// two live allocations overlap and every allocation keeps its bytes.
TEST_F(KmallocTest, RandomizedAgainstAModel) {
    std::mt19937_64 random(20261125);
    struct Allocation {
        size_t size;
        uint8_t seed;
    };
    std::map<uint8_t*, Allocation> live;  // by address, for overlap checks
    std::vector<uint8_t*> order;
    auto pick_size = [&]() -> size_t {
        switch (random() % 10) {
            case 0:
                return 1 + random() % 40000;  // sometimes large
            case 1:
            case 2:
                return 1 + random() % 8192;  // any class
            default:
                return 1 + random() % 256;  // mostly small
        }
    };
    for (int step = 0; step < 30000; ++step) {
        if (random() % 16 == 0) hal::host::set_current_cpu(static_cast<uint32_t>(random() % 4));
        bool allocate = live.size() < 50 || (live.size() < 2000 && random() % 2 == 0);
        if (allocate) {
            size_t size = pick_size();
            auto* bytes = static_cast<uint8_t*>(heap_->allocate(size));
            ASSERT_NE(bytes, nullptr);
            auto after = live.lower_bound(bytes);
            if (after != live.end()) ASSERT_GE(after->first, bytes + size) << "overlaps next";
            if (after != live.begin()) {
                auto before = std::prev(after);
                ASSERT_LE(before->first + before->second.size, bytes) << "overlaps previous";
            }
            uint8_t seed = static_cast<uint8_t>(random());
            for (size_t i = 0; i < size; ++i)
                bytes[i] = static_cast<uint8_t>(seed + i);
            live[bytes] = {size, seed};
            order.push_back(bytes);
        } else {
            size_t index = random() % order.size();
            uint8_t* bytes = order[index];
            order[index] = order.back();
            order.pop_back();
            Allocation allocation = live[bytes];
            for (size_t i = 0; i < allocation.size; ++i) {
                ASSERT_EQ(bytes[i], static_cast<uint8_t>(allocation.seed + i))
                    << "allocation of " << allocation.size << " changed at byte " << i;
            }
            live.erase(bytes);
            heap_->free(bytes);
        }
    }
    for (uint8_t* bytes : order)
        heap_->free(bytes);
    heap_->shrink();
    size_t in_use = 0;
    heap_->visit_caches(
        [](const CacheStatistics& stats, void* total) {
            if (std::string(stats.name).rfind("kmalloc-", 0) == 0) {
                *static_cast<size_t*>(total) += stats.objects_in_use + stats.slabs;
            }
        },
        &in_use);
    EXPECT_EQ(in_use, 0u) << "kmalloc caches still hold objects or slabs after shrink";
    EXPECT_EQ(heap_->large_statistics().blocks, 0u);
}

TEST_F(KmallocTest, FreshObjectsCarryThePoisonWhenChecksAreOn) {
    if (!kAllocatorChecks) GTEST_SKIP() << "built without KERNEL_DEBUG_ALLOCATOR";
    auto* bytes = static_cast<uint8_t*>(heap_->allocate(200));
    for (size_t i = 0; i < 200; ++i)
        ASSERT_EQ(bytes[i], kPoisonByte) << i;
    heap_->free(bytes);
}

TEST_F(KmallocTest, StatisticsNameEveryCache) {
    void* object = heap_->allocate(40);
    ::testing::internal::CaptureStderr();
    heap_->print_statistics();
    std::string output = ::testing::internal::GetCapturedStderr();
    for (const char* name : {"kmalloc-16", "kmalloc-64", "kmalloc-8k", "page-table",
                             "heap-magazines", "heap-slab-headers", "large blocks"}) {
        EXPECT_NE(output.find(name), std::string::npos) << name << "\n" << output;
    }
    heap_->free(object);
}

struct Message {
    explicit Message(int value) : value(value) { ++live; }
    ~Message() { --live; }
    int value;
    uint8_t body[120];
    static inline int live = 0;
};

TEST_F(KmallocTest, ObjectCacheConstructsAndDestroysTypedObjects) {
    auto cache = ObjectCache<Message>::create(*heap_, "ipc-message");
    ASSERT_FALSE(cache.is_error());
    Message* message = cache.value().make(7);
    ASSERT_NE(message, nullptr);
    EXPECT_EQ(message->value, 7);
    EXPECT_EQ(Message::live, 1);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(message) % alignof(Message), 0u);
    cache.value().destroy(message);
    EXPECT_EQ(Message::live, 0);
    EXPECT_EQ(heap_->find_cache("ipc-message"), &cache.value().cache());
}

// The global kmalloc/kfree over the kernel heap.
TEST(KernelHeapTest, KmallocAndKfreeUseTheKernelHeap) {
    HostPageSource source;
    ASSERT_FALSE(initialize_kernel_heap(source).is_error());
    EXPECT_EQ(initialize_kernel_heap(source).error(), os::Error::kAlreadyExists);
    void* small = kernel::kmalloc(64);
    void* aligned = kernel::kmalloc_aligned(10, 256);
    void* large = kernel::kmalloc(100000);
    ASSERT_NE(small, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(aligned) % 256, 0u);
    ASSERT_NE(large, nullptr);
    EXPECT_EQ(kernel_heap().size_class_for(64).statistics().objects_in_use, 1u);
    kernel::kfree(small);
    kernel::kfree(aligned);
    kernel::kfree(large);
    kernel::kfree(nullptr);
    destroy_kernel_heap();
    EXPECT_EQ(source.outstanding_pages(), 0u);
}

}  // namespace
}  // namespace kernel::mm::testing
