// CPU affinity holds under load balancing: pinned threads never run
// elsewhere, while unpinned ones spread out from the CPU that created them,
// and a changed mask moves a running thread.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

constexpr uint64_t kBusyNs = 300'000'000;

struct Busy {
    uint64_t mask = 0;       // 0: unpinned
    uint64_t cpus_seen = 0;  // bit per CPU observed
    uint64_t violations = 0;
};

void busy(void* argument) {
    auto* busy = static_cast<Busy*>(argument);
    uint64_t end = now_ns() + kBusyNs;
    volatile uint64_t sink = 0;
    while (now_ns() < end) {
        for (int spin = 0; spin < 20000; ++spin)
            sink = sink + 1;
        uint64_t cpu = current_cpu();
        busy->cpus_seen |= uint64_t{1} << cpu;
        if (busy->mask != 0 && (busy->mask & (uint64_t{1} << cpu)) == 0) ++busy->violations;
    }
}

struct Mover {
    volatile uint64_t target = ~0ull;
    volatile bool arrived = false;
};

void move(void* argument) {
    auto* mover = static_cast<Mover*>(argument);
    uint64_t deadline = now_ns() + 2'000'000'000;
    while (now_ns() < deadline) {
        if (mover->target != ~0ull && current_cpu() == mover->target) {
            mover->arrived = true;
            return;
        }
        yield();
    }
}

}  // namespace

void run_affinity() {
    uint64_t cpus = system_info().cpu_count;
    constexpr int kMax = 16;
    int count = static_cast<int>(cpus * 3 < kMax ? cpus * 3 : kMax);
    static Busy work[kMax];
    static Thread threads[kMax];
    // Create everything from one CPU, so that spreading is the balancer's.
    CHECK_EQ(set_affinity(0, 1), 0);
    for (int index = 0; index < count; ++index) {
        // Two thirds pinned (one CPU, or two neighbours), one third free.
        uint64_t cpu = static_cast<uint64_t>(index) % cpus;
        uint64_t mask = index % 3 == 0 ? 0
                        : index % 3 == 1
                            ? uint64_t{1} << cpu
                            : (uint64_t{1} << cpu) | (uint64_t{1} << ((cpu + 1) % cpus));
        work[index] = Busy{mask, 0, 0};
        CHECK(start_thread(&threads[index], busy, &work[index], 120, mask));
    }
    CHECK_EQ(set_affinity(0, ~uint64_t{0}), 0);  // back to every CPU
    uint64_t union_of_unpinned = 0;
    for (int index = 0; index < count; ++index) {
        CHECK_EQ(join(&threads[index]), 0);
        CHECK_EQ(work[index].violations, 0u);
        if (work[index].mask != 0) CHECK_EQ(work[index].cpus_seen & ~work[index].mask, 0u);
        if (work[index].mask == 0) union_of_unpinned |= work[index].cpus_seen;
    }
    int spread = __builtin_popcountll(union_of_unpinned);
    if (cpus > 1) CHECK(spread >= 2);

    // A new mask moves a running thread.
    static Mover mover;
    Thread moving;
    CHECK(start_thread(&moving, move, &mover, 120, 1));
    uint64_t target = cpus - 1;
    CHECK_EQ(set_affinity(moving.id, uint64_t{1} << target), 0);
    mover.target = target;
    CHECK_EQ(join(&moving), 0);
    CHECK(mover.arrived);
    printf(
        "affinity: %d threads, pinned ones stayed on their CPUs, unpinned ones ran on %d "
        "of %llu CPUs\n",
        count, spread, static_cast<unsigned long long>(cpus));
}

}  // namespace utest
