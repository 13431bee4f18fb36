// Scheduler benchmarks (`bench=sched`; //tests/benchmarks:sched_<arch> runs
// them under -icount, one CPU, so the figures are guest instructions).
#include "kernel/sched/scheduler.h"
#include "kernel/selftest/benchmark.h"

namespace kernel::sched {
namespace {

// A yield with nobody else ready: the scheduler's path without a switch.
KERNEL_BENCHMARK(sched, yield_alone) {
    run.measure([](uint32_t) { yield(); });
}

struct Partner {
    bool stop = false;
};

void yield_until_stopped(void* argument) {
    auto* partner = static_cast<Partner*>(argument);
    while (!__atomic_load_n(&partner->stop, __ATOMIC_ACQUIRE))
        yield();
}

// Two kernel threads of one priority on one CPU yield to each other: each
// operation is two switches (there and back).
KERNEL_BENCHMARK(sched, yield_round_trip_two_kernel_threads) {
    Partner partner;
    ThreadOptions options;
    options.name = "bench-partner";
    options.priority = current().priority;
    options.affinity = cpu_bit(hal::current_cpu_index());
    auto thread = create_kernel_thread(yield_until_stopped, &partner, options);
    if (thread.is_error()) return run.fail("no partner thread");
    start(*thread.value());
    yield();  // the partner is now in its loop
    run.measure([](uint32_t) { yield(); });
    __atomic_store_n(&partner.stop, true, __ATOMIC_RELEASE);
    while (thread.value()->state != ThreadState::kDead)
        yield();
    release(*thread.value());
}

void nothing(void*) {}

// Create a kernel thread, run it (it exits at once), reap it.
KERNEL_BENCHMARK(sched, thread_create_run_exit) {
    run.measure([](uint32_t) {
        ThreadOptions options;
        options.name = "bench-empty";
        options.priority = kHighestNormalPriority;
        options.affinity = cpu_bit(hal::current_cpu_index());
        auto thread = create_kernel_thread(nothing, nullptr, options);
        if (thread.is_error()) return;
        start(*thread.value());
        yield();  // it runs and exits; its stack is freed on the way back
        release(*thread.value());
    });
}

}  // namespace
}  // namespace kernel::sched
