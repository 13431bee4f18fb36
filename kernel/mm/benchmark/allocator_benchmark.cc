// Benchmarks of the allocators as the booted kernel set them up: the buddy
// allocator over the machine's memory, kmalloc and a slab cache.
//
// Each operation is an allocation and the free that undoes it, so the
// allocator is in the same state before every iteration. One pair runs
// before the timed loop: the figures are the steady state (a warm per-CPU
// magazine, a slab in place), not the first allocation of a cache.
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/selftest/benchmark.h"

namespace kernel::mm {
namespace {

// Buddy allocation of 2^order frames and its free. Whether that splits and
// merges depends on the free lists as boot left them: without a free block
// of `order`, every allocation splits a larger one and every free merges it
// back, and the figure includes that walk.
void buddy_allocate_free(benchmark::Run& run, unsigned order) {
    PhysicalMemory& frames = physical_memory();
    PageRequest request{.order = order};
    bool ok = true;
    auto allocate_free = [&](uint32_t) {
        auto block = frames.allocate(request);
        if (block.is_error()) {
            ok = false;
            return;
        }
        frames.free(block.value());
    };
    allocate_free(0);
    run.measure(allocate_free);
    if (!ok) run.fail("buddy allocation failed");
}

KERNEL_BENCHMARK(mm, buddy_alloc_free_order0) {
    buddy_allocate_free(run, 0);
}

KERNEL_BENCHMARK(mm, buddy_alloc_free_order4) {
    buddy_allocate_free(run, 4);
}

void kmalloc_free(benchmark::Run& run, size_t size) {
    bool ok = true;
    auto allocate_free = [&](uint32_t) {
        void* memory = kmalloc(size);
        ok = ok && memory != nullptr;
        kfree(memory);
    };
    allocate_free(0);
    run.measure(allocate_free);
    if (!ok) run.fail("kmalloc returned nullptr");
}

KERNEL_BENCHMARK(mm, kmalloc_free_64) {
    kmalloc_free(run, 64);
}

KERNEL_BENCHMARK(mm, kmalloc_free_4096) {
    kmalloc_free(run, 4096);
}

// A named cache of 128-byte objects, as the kernel's object caches are
// (threads, regions, ...): made for the run and destroyed after it.
KERNEL_BENCHMARK(mm, slab_cache_alloc_free_128) {
    auto created = kernel_heap().create_cache(CacheConfig{.name = "benchmark-128", .size = 128});
    if (created.is_error()) return run.fail("cannot create the cache");
    SlabCache* cache = created.value();
    bool ok = true;
    auto allocate_free = [&](uint32_t) {
        void* object = cache->allocate();
        ok = ok && object != nullptr;
        if (object != nullptr) cache->free(object);
    };
    allocate_free(0);
    run.measure(allocate_free);
    if (!ok) run.fail("slab allocation failed");
    kernel_heap().destroy_cache(cache);
}

}  // namespace
}  // namespace kernel::mm
