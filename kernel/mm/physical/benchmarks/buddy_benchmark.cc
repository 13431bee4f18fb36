// Buddy alloc+free (order 0 and order 4) against glibc malloc+free of the
// same sizes (4 KiB and 64 KiB), in one binary, with the ratios printed at
// the end ("ratio buddy/malloc order0: X"). The target for order 0 is <= 3.
//
// Both sides are measured warm, as a running kernel or program sees them:
//  - buddy: half the blocks of the order are allocated, so the free lists
//    hold blocks whose buddies are in use and alloc+free is pure list work.
//    Order 0 goes through the CPU's page list (cpu_page_cache.h) as it does
//    in the kernel; "order0_no_cpu_lists" is the same with the lists off,
//    i.e. the buddy lists' own order-0 path. The "pristine" variants start
//    with everything free in 4 MiB blocks and no CPU lists, so each
//    iteration splits down from order 10 and merges all the way back (the
//    worst case for one alloc+free pair of the buddy lists).
//  - malloc: a guard allocation keeps the freed chunk away from the top of
//    the heap, so free() does not trim and malloc() reuses the chunk.
//
//   ./bazelw run -c opt //kernel/mm/physical:buddy_benchmark
#include <benchmark/benchmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "hal/boot_info.h"
#include "hal/host/host_hal.h"
#include "kernel/mm/physical/physical_memory.h"

namespace {

using kernel::mm::PageFrame;
using kernel::mm::PhysicalMemory;

constexpr uint64_t kRamBase = 0x40000000;
constexpr uint64_t kRamSize = 64 << 20;

// One simulated machine for the whole run.
struct Machine {
    Machine() : ram(kRamBase, kRamSize) {
        map.add({kRamBase, kRamSize, os::MemoryKind::kUsable}).release_value();
        if (memory.initialize(map, numa).is_error()) abort();
    }
    hal::host::SimulatedPhysicalMemory ram;
    os::MemoryMap map;
    hal::NumaTopology numa;
    PhysicalMemory memory;
};

PhysicalMemory& memory() {
    static Machine* machine = new Machine;
    return machine->memory;
}

// Allocates every block of `order` there is, then frees every other one (by
// address): each free block left has an allocated buddy. Returns the blocks
// still held.
std::vector<PageFrame*> fragment(unsigned order) {
    std::vector<PageFrame*> blocks;
    while (true) {
        auto result = memory().allocate({.order = order});
        if (result.is_error()) break;
        blocks.push_back(result.value());
    }
    std::sort(blocks.begin(), blocks.end(), [](PageFrame* a, PageFrame* b) {
        return memory().address_of(a) < memory().address_of(b);
    });
    std::vector<PageFrame*> held;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (i % 2 == 0) {
            memory().free(blocks[i]);
        } else {
            held.push_back(blocks[i]);
        }
    }
    return held;
}

void buddy_alloc_free(benchmark::State& state, unsigned order, bool warm, bool cpu_lists) {
    // Draining the lists first also makes "pristine" pristine again.
    kernel::mm::CpuPageListLimits limits;
    if (!cpu_lists) limits = {.batch = 0, .high = 0};
    if (memory().set_cpu_page_list_limits(limits).is_error()) abort();
    std::vector<PageFrame*> held;
    if (warm) held = fragment(order);
    for (auto _ : state) {
        auto result = memory().allocate({.order = order});
        if (result.is_error()) {
            state.SkipWithError("out of memory");
            break;
        }
        PageFrame* frame = result.value();
        benchmark::DoNotOptimize(frame);
        memory().free(frame);
    }
    for (PageFrame* frame : held)
        memory().free(frame);
    if (memory().free_bytes() != memory().statistics(0).free_bytes) abort();
}

void malloc_free(benchmark::State& state, size_t size) {
    void* first = malloc(size);
    void* guard = malloc(16);
    free(first);
    for (auto _ : state) {
        void* pointer = malloc(size);
        benchmark::DoNotOptimize(pointer);
        free(pointer);
        benchmark::ClobberMemory();
    }
    free(guard);
}

// The console output plus one ratio line per pair, from the CPU time per
// iteration (the build machine is shared, so wall time includes other
// processes' turns; both sides are single-threaded and never sleep).
// With --benchmark_repetitions the median of the repetitions counts.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    RatioReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred) continue;
            std::string name = run.run_name.str();
            bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            if (median || (run.run_type == Run::RT_Iteration && !medians_.count(name))) {
                nanoseconds_[name] = run.GetAdjustedCPUTime();
            }
            if (median) medians_.insert(name);
        }
    }

    void Finalize() override {
        ConsoleReporter::Finalize();
        ratio("order0", "buddy_alloc_free/order0", "malloc_free/4KiB");
        ratio("order0 without CPU lists", "buddy_alloc_free/order0_no_cpu_lists",
              "malloc_free/4KiB");
        ratio("order4", "buddy_alloc_free/order4", "malloc_free/64KiB");
        ratio("order0 pristine", "buddy_alloc_free/order0_pristine", "malloc_free/4KiB");
        ratio("order4 pristine", "buddy_alloc_free/order4_pristine", "malloc_free/64KiB");
    }

private:
    void ratio(const char* label, const std::string& buddy, const std::string& malloc_name) {
        auto b = nanoseconds_.find(buddy);
        auto m = nanoseconds_.find(malloc_name);
        if (b == nanoseconds_.end() || m == nanoseconds_.end()) return;
        printf("ratio buddy/malloc %s: %.2f (%.1f ns / %.1f ns CPU)\n", label,
               b->second / m->second, b->second, m->second);
    }

    std::map<std::string, double> nanoseconds_;
    std::set<std::string> medians_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::RegisterBenchmark("buddy_alloc_free/order0", buddy_alloc_free, 0u, true, true);
    benchmark::RegisterBenchmark("buddy_alloc_free/order0_no_cpu_lists", buddy_alloc_free, 0u, true,
                                 false);
    benchmark::RegisterBenchmark("buddy_alloc_free/order4", buddy_alloc_free, 4u, true, true);
    benchmark::RegisterBenchmark("buddy_alloc_free/order0_pristine", buddy_alloc_free, 0u, false,
                                 false);
    benchmark::RegisterBenchmark("buddy_alloc_free/order4_pristine", buddy_alloc_free, 4u, false,
                                 false);
    benchmark::RegisterBenchmark("malloc_free/4KiB", malloc_free, size_t{4096});
    benchmark::RegisterBenchmark("malloc_free/64KiB", malloc_free, size_t{65536});
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
