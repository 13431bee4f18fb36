// The debug checks end in kernel::panic with a message naming the cache,
// the address and the mistake: double frees, foreign pointers, writes to
// freed (poisoned) objects. Skipped when built without them (-c opt).
#include <gtest/gtest.h>

#include <stdio.h>

#include <string>

#include "kernel/mm/heap/tests/heap_fixture.h"

namespace kernel::mm::testing {
namespace {

class DebugChecksTest : public HeapTest {
protected:
    void SetUp() override {
        if (!kAllocatorChecks) GTEST_SKIP() << "built without KERNEL_DEBUG_ALLOCATOR";
        HeapTest::SetUp();
    }
};

// The address as kernel::print formats %p, for matching panic messages.
std::string address(const void* pointer) {
    char text[32];
    snprintf(text, sizeof(text), "0x%lx", reinterpret_cast<unsigned long>(pointer));
    return text;
}

// ---- Double free --------------------------------------------------------------

TEST_F(DebugChecksTest, DoubleFreeIntoAMagazineIsCaught) {
    SlabCache* cache = make_cache("twice", 64);
    void* object = cache->allocate();
    cache->free(object);  // now in this CPU's magazine
    EXPECT_DEATH(cache->free(object),
                 "KERNEL PANIC: heap: double free of " + address(object) + " in cache 'twice'");
    EXPECT_EQ(cache->allocate(), object);
    cache->free(object);
}

TEST_F(DebugChecksTest, DoubleFreeOfAnObjectBackOnItsSlabIsCaught) {
    SlabCache* cache = make_cache("twice-slab", 64);
    void* object = cache->allocate();
    cache->free(object);
    cache->drain();
    EXPECT_DEATH(cache->free(object),
                 "double free of " + address(object) + " in cache 'twice-slab'");
}

TEST_F(DebugChecksTest, DoubleKfreeIsCaught) {
    void* object = heap_->allocate(100);
    heap_->free(object);
    EXPECT_DEATH(heap_->free(object),
                 "double free of " + address(object) + " in cache 'kmalloc-128'");
}

TEST_F(DebugChecksTest, DoubleKfreeOfALargeBlockIsCaught) {
    void* block = heap_->allocate(64 * 1024);
    heap_->free(block);
    EXPECT_DEATH(heap_->free(block), "kfree\\(" + address(block) + "\\): not allocated by kmalloc");
}

// ---- Foreign pointers ---------------------------------------------------------

TEST_F(DebugChecksTest, StackAddressIsForeign) {
    SlabCache* cache = make_cache("stack", 64);
    uint64_t on_stack[8] = {};
    EXPECT_DEATH(cache->free(on_stack),
                 "free of " + address(on_stack) + " to cache 'stack': not a heap object");
    EXPECT_DEATH(heap_->free(on_stack), "kfree\\(" + address(on_stack) + "\\): not allocated");
}

TEST_F(DebugChecksTest, InteriorPointerIsForeign) {
    SlabCache* cache = make_cache("interior", 64);
    auto* object = static_cast<uint8_t*>(cache->allocate());
    EXPECT_DEATH(cache->free(object + 24), "free of " + address(object + 24) +
                                               " to cache 'interior': interior pointer, 24 bytes "
                                               "into the object at " +
                                               address(object));
    cache->free(object);
    auto* bytes = static_cast<uint8_t*>(heap_->allocate(64));
    EXPECT_DEATH(heap_->free(bytes + 8), "free of " + address(bytes + 8) +
                                             " to cache 'kmalloc-64': interior pointer, 8 bytes");
    heap_->free(bytes);
}

TEST_F(DebugChecksTest, PointerIntoAnotherCacheIsForeign) {
    SlabCache* mine = make_cache("mine", 64);
    SlabCache* theirs = make_cache("theirs", 64);
    void* object = theirs->allocate();
    EXPECT_DEATH(mine->free(object), "free of " + address(object) +
                                         " to cache 'mine': the object belongs to cache 'theirs'");
    theirs->free(object);
}

TEST_F(DebugChecksTest, KfreeOfAnObjectOfANamedCacheIsCaught) {
    void* table = heap_->page_table_cache().allocate();
    EXPECT_DEATH(heap_->free(table), "belongs to cache 'page-table', not to kmalloc");
    heap_->page_table_cache().free(table);
}

TEST_F(DebugChecksTest, InteriorPointerIntoALargeBlockIsCaught) {
    auto* block = static_cast<uint8_t*>(heap_->allocate(20000));
    EXPECT_DEATH(heap_->free(block + 4096),
                 "interior pointer, 4096 bytes into the large allocation at " + address(block));
    heap_->free(block);
}

TEST_F(DebugChecksTest, LargeBlockFreedToASlabCacheIsForeign) {
    SlabCache* cache = make_cache("not-large", 64);
    void* block = heap_->allocate(20000);
    EXPECT_DEATH(cache->free(block),
                 "not a heap object \\(foreign pointer: a large kmalloc block\\)");
    heap_->free(block);
}

TEST_F(DebugChecksTest, PointerIntoASlabHeaderIsNotAnObject) {
    SlabCache* cache = make_cache("header", 64);
    auto* object = static_cast<uint8_t*>(cache->allocate());
    ASSERT_FALSE(cache->layout().off_slab_header);
    void* header = reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(object) &
                                           ~(cache->layout().block_bytes() - 1));
    EXPECT_DEATH(cache->free(header), "not an object \\(slab header or tail");
    cache->free(object);
}

// ---- Poisoned objects ---------------------------------------------------------

TEST_F(DebugChecksTest, WriteAfterFreeIsFoundWhenTheObjectIsHandedOutAgain) {
    SlabCache* cache = make_cache("poisoned", 64);
    auto* object = static_cast<uint8_t*>(cache->allocate());
    cache->free(object);
    object[10] = 0x01;  // use after free
    EXPECT_DEATH(cache->allocate(), "use after free in cache 'poisoned': object " +
                                        address(object) +
                                        " was written after it was freed \\(byte 10 is 0x01");
    object[10] = kPoisonByte;
    EXPECT_EQ(cache->allocate(), object);
    cache->free(object);
}

TEST_F(DebugChecksTest, WriteAfterFreeIsFoundWhenTheObjectGoesBackToItsSlab) {
    SlabCache* cache = make_cache("poisoned-drain", 128);
    auto* object = static_cast<uint8_t*>(cache->allocate());
    cache->free(object);
    object[0] = 0;
    EXPECT_DEATH(cache->drain(), "object " + address(object) +
                                     " was written after it was freed \\(byte 0 is 0x00.*"
                                     "found when it went back to its slab");
    object[0] = kPoisonByte;
}

TEST_F(DebugChecksTest, WriteAfterFreeOverTheFreeListLinkIsFound) {
    SlabCache* cache = make_cache("poisoned-link", 64);
    auto* object = static_cast<uint8_t*>(cache->allocate());
    cache->free(object);
    cache->drain();  // the object heads its slab's free list now
    uint64_t saved;
    memcpy(&saved, object, sizeof(saved));
    memset(object, 0x41, 8);
    EXPECT_DEATH(cache->allocate(), "use after free in cache 'poisoned-link': object " +
                                        address(object) + " .*free-list link");
    memcpy(object, &saved, sizeof(saved));
}

TEST_F(DebugChecksTest, WriteAfterFreeIsFoundWhenTheSlabIsReleased) {
    SlabCache* cache = make_cache("poisoned-shrink", 256);
    auto* object = static_cast<uint8_t*>(cache->allocate());
    cache->free(object);
    cache->drain();
    object[200] = 0x99;
    EXPECT_DEATH(cache->shrink(), "\\(byte 200 is 0x99.*found when its slab was released");
    object[200] = kPoisonByte;
}

TEST_F(DebugChecksTest, KmallocWriteAfterFreeIsFound) {
    auto* bytes = static_cast<uint8_t*>(heap_->allocate(1000));
    heap_->free(bytes);
    bytes[999] = 0;
    EXPECT_DEATH(heap_->allocate(1000), "use after free in cache 'kmalloc-1k'.*byte 999 is 0x00");
    bytes[999] = kPoisonByte;
}

TEST_F(DebugChecksTest, OverrunIntoAConstructedObjectsLinkIsFound) {
    CacheConfig config;
    config.name = "constructed";
    config.size = 40;
    config.constructor = [](void* object) { memset(object, 0, 40); };
    SlabCache* cache = heap_->create_cache(config).value();
    auto* object = static_cast<uint8_t*>(cache->allocate());
    cache->free(object);
    cache->drain();
    uint8_t* link = object + cache->layout().link_offset;
    uint64_t saved;
    memcpy(&saved, link, sizeof(saved));
    memset(link, 0x41, 8);  // an overrun past the end of the object
    EXPECT_DEATH(cache->allocate(), "cache 'constructed': free-list link of object " +
                                        address(object) + " \\(at byte 40\\)");
    memcpy(link, &saved, sizeof(saved));
}

TEST_F(DebugChecksTest, DestroyingACacheWithLiveObjectsPanics) {
    SlabCache* cache = make_cache("busy", 64);
    void* object = cache->allocate();
    EXPECT_DEATH(heap_->destroy_cache(cache), "cache 'busy' destroyed with 1 objects in use");
    cache->free(object);
}

}  // namespace
}  // namespace kernel::mm::testing
