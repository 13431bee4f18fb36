#include "kernel/selftest/benchmark.h"

#include "kernel/debug/print.h"
#include "kernel/lib/format.h"
#include "kernel/selftest/registry.h"

namespace kernel::benchmark {
namespace {

BenchmarkCase* registry = nullptr;

void sort(int64_t* values, int count) {
    for (int i = 1; i < count; ++i) {
        for (int j = i; j > 0 && values[j - 1] > values[j]; --j) {
            int64_t swap = values[j];
            values[j] = values[j - 1];
            values[j - 1] = swap;
        }
    }
}

// `ticks` spread over `iterations`, as text with one decimal, rounded half
// away from zero: "57.3", "-0.5".
struct PerOperation {
    char text[32];
};

PerOperation per_operation(int64_t ticks, uint32_t iterations) {
    bool negative = ticks < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(ticks) : ticks;
    uint64_t tenths = (magnitude * 10 + iterations / 2) / iterations;
    PerOperation result;
    os::format(result.text, sizeof(result.text), "%s%llu.%llu", negative ? "-" : "",
               static_cast<unsigned long long>(tenths / 10),
               static_cast<unsigned long long>(tenths % 10));
    return result;
}

// Runs `benchmark` kRuns times and prints its line; false if it failed.
bool run_one(const BenchmarkCase& benchmark) {
    int64_t net[kRuns];
    for (int index = 0; index < kRuns; ++index) {
        Run run(benchmark.iterations);
        benchmark.body(run);
        if (run.failure() == nullptr && !run.has_measured()) run.fail("nothing measured");
        if (run.failure() != nullptr) {
            print("bench: %s.%s: FAILED (%s)\n", benchmark.suite, benchmark.name, run.failure());
            return false;
        }
        if (!run.has_reference()) run.measure_empty_loop();
        net[index] = run.net_ticks();
    }
    sort(net, kRuns);
    uint32_t n = benchmark.iterations;
    print("bench: %s.%s: %s counter ticks/op (n=%u, runs=%d, min %s, max %s)\n", benchmark.suite,
          benchmark.name, per_operation(net[kRuns / 2], n).text, n, kRuns,
          per_operation(net[0], n).text, per_operation(net[kRuns - 1], n).text);
    return true;
}

}  // namespace

Registration::Registration(BenchmarkCase& benchmark) {
    selftest::insert_sorted(registry, benchmark);
}

Summary run(const char* suite) {
    print("bench: suite %s: median of %d runs per benchmark, net of the measuring loop\n", suite,
          kRuns);
    Summary summary;
    for (BenchmarkCase* benchmark = registry; benchmark != nullptr; benchmark = benchmark->next) {
        if (!selftest::in_suite(*benchmark, suite)) continue;
        ++summary.run;
        if (!run_one(*benchmark)) ++summary.failed;
    }
    print("bench: %d run, %d failed\n", summary.run, summary.failed);
    return summary;
}

}  // namespace kernel::benchmark
