// Heap::print_statistics: one console line per cache.
#include "kernel/debug/print.h"
#include "kernel/mm/heap/heap.h"

namespace kernel::mm {
namespace {

void print_cache(const CacheStatistics& cache, void*) {
    print(
        "%-20s %6zu %6zu %5zu %2u%c %4zu %6zu %4zu/%zu/%zu %8zu %8zu %6zu %10llu/%-8llu "
        "%10llu/%llu\n",
        cache.name, cache.object_size, cache.stride, cache.alignment, cache.slab_order,
        cache.off_slab_header ? '*' : ' ', cache.objects_per_slab, cache.slabs, cache.full_slabs,
        cache.partial_slabs, cache.empty_slabs, cache.pages, cache.objects_in_use,
        cache.objects_cached, static_cast<unsigned long long>(cache.allocation_hits),
        static_cast<unsigned long long>(cache.allocation_misses),
        static_cast<unsigned long long>(cache.free_hits),
        static_cast<unsigned long long>(cache.free_misses));
}

}  // namespace

void Heap::print_statistics() const {
    print(
        "heap: order* = off-slab header; slabs = full/partial/empty; hit/miss = per-CPU "
        "magazines\n");
    print("%-20s %6s %6s %5s %3s %4s %6s %9s %8s %8s %6s %19s %19s\n", "cache", "size", "stride",
          "align", "ord", "objs", "slabs", "f/p/e", "pages", "in use", "cached", "alloc hit/miss",
          "free hit/miss");
    visit_caches(print_cache, nullptr);
    LargeAllocationStatistics large = large_statistics();
    print("large blocks: %llu outstanding holding %llu pages (%llu allocated, %llu freed)\n",
          static_cast<unsigned long long>(large.blocks),
          static_cast<unsigned long long>(large.pages),
          static_cast<unsigned long long>(large.allocations),
          static_cast<unsigned long long>(large.frees));
}

}  // namespace kernel::mm
