// ns per alloc+free of the slab layer and kmalloc, against glibc malloc+free
// of the same size in the same binary, with the ratios at the end.
//
//   ./bazelw run -c opt //kernel/mm/heap:heap_benchmark             # checks off
//   ./bazelw run -c opt --define=kernel_debug_allocator=on //kernel/mm/heap:heap_benchmark
//
// "pair" benchmarks allocate and free one object per iteration (the magazine
// fast path); "batch" benchmarks allocate 1000 objects and free them all,
// which also exercises the depot and the slab layer (times are per object).
//
// A pair makes six HAL calls (interrupt mask and restore, CPU index, twice);
// "HAL calls of one pair" measures them alone. They are inline
// (hal/arch/cpu_inline.h); the host HAL's are a thread-local load and two
// no-ops, so the kernel pays more for them than these figures show (the
// interrupt mask: pushf/cli/popf-style on x86_64, DAIF on aarch64, sstatus on
// riscv64).
// glibc's batch of 4 KiB blocks is slow because glibc returns the freed
// 4 MiB heap top to the kernel every round (M_TRIM_THRESHOLD) and faults it
// back in; its ratio says little.
#include <benchmark/benchmark.h>
#include <stdio.h>
#include <stdlib.h>

#include <map>
#include <string>
#include <vector>

#include "hal/cpu.h"
#include "hal/host/host_hal.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/heap/tests/host_page_source.h"

namespace {

using kernel::mm::SlabCache;

SlabCache* cache64 = nullptr;
constexpr int kBatch = 1000;

void slab_pair_64(benchmark::State& state) {
    for (auto _ : state) {
        void* object = cache64->allocate();
        benchmark::DoNotOptimize(object);
        cache64->free(object);
    }
}

void kmalloc_pair(benchmark::State& state) {
    size_t size = static_cast<size_t>(state.range(0));
    for (auto _ : state) {
        void* object = kernel::kmalloc(size);
        benchmark::DoNotOptimize(object);
        kernel::kfree(object);
    }
}

void glibc_pair(benchmark::State& state) {
    size_t size = static_cast<size_t>(state.range(0));
    for (auto _ : state) {
        void* object = malloc(size);
        benchmark::DoNotOptimize(object);
        free(object);
    }
}

void slab_batch_64(benchmark::State& state) {
    std::vector<void*> objects(kBatch);
    for (auto _ : state) {
        for (void*& object : objects)
            object = cache64->allocate();
        benchmark::DoNotOptimize(objects.data());
        for (void* object : objects)
            cache64->free(object);
    }
    state.SetItemsProcessed(state.iterations() * kBatch);
}

void kmalloc_batch(benchmark::State& state) {
    size_t size = static_cast<size_t>(state.range(0));
    std::vector<void*> objects(kBatch);
    for (auto _ : state) {
        for (void*& object : objects)
            object = kernel::kmalloc(size);
        benchmark::DoNotOptimize(objects.data());
        for (void* object : objects)
            kernel::kfree(object);
    }
    state.SetItemsProcessed(state.iterations() * kBatch);
}

void glibc_batch(benchmark::State& state) {
    size_t size = static_cast<size_t>(state.range(0));
    std::vector<void*> objects(kBatch);
    for (auto _ : state) {
        for (void*& object : objects)
            object = malloc(size);
        benchmark::DoNotOptimize(objects.data());
        for (void* object : objects)
            free(object);
    }
    state.SetItemsProcessed(state.iterations() * kBatch);
}

// What one alloc+free pair spends in the HAL alone: an interrupt mask, the
// CPU index and the unmask, twice.
void hal_calls_per_pair(benchmark::State& state) {
    for (auto _ : state) {
        for (int i = 0; i < 2; ++i) {
            hal::InterruptState interrupts = hal::disable_interrupts();
            uint32_t cpu = hal::current_cpu_index();
            benchmark::DoNotOptimize(cpu);
            hal::restore_interrupts(interrupts);
        }
    }
}

// Three repetitions each; the table at the end takes the fastest, the one
// least disturbed by whatever else shares the machine.
BENCHMARK(hal_calls_per_pair)->Repetitions(3);
BENCHMARK(slab_pair_64)->Repetitions(3);
BENCHMARK(kmalloc_pair)->Arg(64)->Arg(4096)->Repetitions(3);
BENCHMARK(glibc_pair)->Arg(64)->Arg(4096)->Repetitions(3);
BENCHMARK(slab_batch_64)->Repetitions(3);
BENCHMARK(kmalloc_batch)->Arg(64)->Arg(4096)->Repetitions(3);
BENCHMARK(glibc_batch)->Arg(64)->Arg(4096)->Repetitions(3);

// Records ns per alloc+free of every run for the ratio table.
class RecordingReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration) continue;  // mean, median...
            // CPU time: the build machine is shared, and wall time counts the
            // moments another process had the core. The default unit is ns.
            double ns = run.GetAdjustedCPUTime();
            std::string name = run.run_name.function_name;
            if (!run.run_name.args.empty()) name += "/" + run.run_name.args;
            if (name.find("batch") != std::string::npos) ns /= kBatch;
            auto known = ns_per_pair.find(name);
            if (known == ns_per_pair.end() || ns < known->second) ns_per_pair[name] = ns;
        }
        ConsoleReporter::ReportRuns(runs);
    }

    std::map<std::string, double> ns_per_pair;
};

void print_ratio(const RecordingReporter& reporter, const char* what, const char* ours,
                 const char* glibc) {
    auto mine = reporter.ns_per_pair.find(ours);
    auto theirs = reporter.ns_per_pair.find(glibc);
    if (mine == reporter.ns_per_pair.end() || theirs == reporter.ns_per_pair.end()) return;
    printf("%-34s %8.2f ns   glibc %8.2f ns   ratio %5.2fx\n", what, mine->second, theirs->second,
           mine->second / theirs->second);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    hal::host::set_current_cpu(0);
    static kernel::mm::testing::HostPageSource source(size_t{1} << 30);
    if (kernel::mm::initialize_kernel_heap(source).is_error()) return 1;
    kernel::mm::CacheConfig config;
    config.name = "bench-64";
    config.size = 64;
    cache64 = kernel::mm::kernel_heap().create_cache(config).value();

    RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    printf("\nheap debug checks (KERNEL_DEBUG_ALLOCATOR): %s\n",
           kernel::mm::kAllocatorChecks ? "on" : "off");
    printf("CPU ns per alloc+free, and the ratio to glibc malloc+free of the same size:\n");
    auto hal = reporter.ns_per_pair.find("hal_calls_per_pair");
    if (hal != reporter.ns_per_pair.end()) {
        printf("%-34s %8.2f ns   (part of every pair below)\n", "HAL calls of one pair",
               hal->second);
    }
    print_ratio(reporter, "slab cache 64 B (pair)", "slab_pair_64", "glibc_pair/64");
    print_ratio(reporter, "kmalloc(64) (pair)", "kmalloc_pair/64", "glibc_pair/64");
    print_ratio(reporter, "kmalloc(4096) (pair)", "kmalloc_pair/4096", "glibc_pair/4096");
    print_ratio(reporter, "slab cache 64 B (batch of 1000)", "slab_batch_64", "glibc_batch/64");
    print_ratio(reporter, "kmalloc(64) (batch of 1000)", "kmalloc_batch/64", "glibc_batch/64");
    print_ratio(reporter, "kmalloc(4096) (batch of 1000)", "kmalloc_batch/4096",
                "glibc_batch/4096");
    benchmark::Shutdown();
    return 0;
}
