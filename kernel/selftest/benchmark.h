// In-kernel benchmarks: operations timed with hal::cycle_counter() on the
// real MMU and allocators. `bench=<suite>` on the command line runs a suite
// at boot (like `test=<suite>` for the self-tests, but nothing is checked:
// the figures are printed). //tests/benchmarks boots them under QEMU
// `-icount shift=0,sleep=off`, where the counter counts guest instructions;
// the runner cannot tell, so it says "counter ticks".
//
//   KERNEL_BENCHMARK(mm, kmalloc_free_64) {
//       run.measure([](uint32_t) { kfree(kmalloc(64)); });
//   }
//
// The runner calls the body kRuns times, each with a fresh Run. A body sets
// up what it needs, then calls measure() once with the operation (called
// with i = 0 .. iterations-1) and, optionally, measure_reference() with what
// the same loop costs without the work being measured (for example the same
// copy to a page that is already mapped, so that a fault benchmark reports
// the fault alone). Without a reference the runner times an empty loop. A
// run's figure is (measured - reference) / iterations; the printed figure
// is the median over the runs, one line per benchmark:
//
//   bench: mm.kmalloc_free_64: 57.0 counter ticks/op (n=512, runs=5, min 57.0, max 57.3)
//
// A body that cannot set up calls run.fail("why"): the line then reads
// "bench: mm.name: FAILED (why)". The last line of a suite is
// "bench: N run, M failed".
#pragma once

#include <stdint.h>

#include "hal/cpu.h"

namespace kernel::benchmark {

inline constexpr uint32_t kDefaultIterations = 512;
inline constexpr int kRuns = 5;

class Run {
public:
    explicit Run(uint32_t iterations) : iterations_(iterations) {}

    uint32_t iterations() const { return iterations_; }

    // Times iterations() calls of `operation(i)`.
    template <typename Operation>
    void measure(Operation&& operation) {
        measured_ = time_loop(operation);
        has_measured_ = true;
    }

    // Times the same loop around `reference(i)`: the part of each measured
    // operation that is not to be counted.
    template <typename Operation>
    void measure_reference(Operation&& reference) {
        reference_ = time_loop(reference);
        has_reference_ = true;
    }

    // This run cannot produce a figure; `why` is printed. The first call wins.
    void fail(const char* why) {
        if (failure_ == nullptr) failure_ = why;
    }

    // ---- For the runner ----------------------------------------------------
    void measure_empty_loop() {
        measure_reference([](uint32_t) {});
    }
    bool has_measured() const { return has_measured_; }
    bool has_reference() const { return has_reference_; }
    const char* failure() const { return failure_; }
    // measured - reference, in counter ticks for all iterations.
    int64_t net_ticks() const { return static_cast<int64_t>(measured_ - reference_); }

private:
    // The measured and the reference loop are this same code, so the
    // difference is the work alone. Interrupts stay masked while the loop
    // runs so that no handler's instructions are counted; the compiler
    // barrier keeps an empty loop a loop.
    template <typename Operation>
    uint64_t time_loop(Operation& operation) {
        hal::InterruptState interrupts = hal::disable_interrupts();
        uint64_t start = hal::cycle_counter();
        for (uint32_t i = 0; i < iterations_; ++i) {
            operation(i);
            asm volatile("" ::: "memory");
        }
        uint64_t ticks = hal::cycle_counter() - start;
        hal::restore_interrupts(interrupts);
        return ticks;
    }

    uint32_t iterations_;
    uint64_t measured_ = 0;
    uint64_t reference_ = 0;
    bool has_measured_ = false;
    bool has_reference_ = false;
    const char* failure_ = nullptr;
};

struct BenchmarkCase {
    const char* suite;
    const char* name;
    uint32_t iterations;
    void (*body)(Run&);
    BenchmarkCase* next = nullptr;
};

// Adds a benchmark to the registry (sorted by suite, then name), from a
// static object, so benchmarks register before kernel::main.
struct Registration {
    explicit Registration(BenchmarkCase& benchmark);
};

struct Summary {
    int run = 0;
    int failed = 0;
};

// Runs every benchmark of `suite` ("all": every one), printing one line per
// benchmark and the summary line.
Summary run(const char* suite);

}  // namespace kernel::benchmark

// KERNEL_BENCHMARK_N(suite, name, iterations) { ... } with an explicit
// iteration count; KERNEL_BENCHMARK(suite, name) uses kDefaultIterations.
#define KERNEL_BENCHMARK_N(suite, name, iterations)                                   \
    static void benchmark_##suite##_##name(::kernel::benchmark::Run& run);            \
    static ::kernel::benchmark::BenchmarkCase benchmark_case_##suite##_##name{        \
        #suite, #name, iterations, benchmark_##suite##_##name};                       \
    static ::kernel::benchmark::Registration benchmark_registration_##suite##_##name{ \
        benchmark_case_##suite##_##name};                                             \
    static void benchmark_##suite##_##name([[maybe_unused]] ::kernel::benchmark::Run& run)

#define KERNEL_BENCHMARK(suite, name) \
    KERNEL_BENCHMARK_N(suite, name, ::kernel::benchmark::kDefaultIterations)
