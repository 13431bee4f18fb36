// Sleeps last at least as long as asked and not much longer (the bound is
// loose: TCG emulation on a loaded machine is slow, but a sleep that rides
// on the 10 ms tick or misses its deadline by a lot is caught). Threads
// sleeping on several CPUs at once wake in deadline order.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

constexpr uint64_t kSlack = 250'000'000;  // emulation on a loaded host stalls for a while

// Sleeps until an absolute deadline, so that how late each thread started
// does not change the order.
struct Sleeper {
    uint64_t deadline = 0;
    uint64_t woke_at = 0;
};

void sleeper(void* argument) {
    auto* self = static_cast<Sleeper*>(argument);
    uint64_t now = now_ns();
    if (now < self->deadline) sleep_ns(self->deadline - now);
    self->woke_at = now_ns();
}

}  // namespace

void run_sleep() {
    const uint64_t durations[] = {100'000, 1'000'000, 3'000'000, 20'000'000, 50'000'000};
    uint64_t worst_overshoot = 0;
    for (uint64_t duration : durations) {
        uint64_t start = now_ns();
        sleep_ns(duration);
        uint64_t elapsed = now_ns() - start;
        CHECK(elapsed >= duration);
        CHECK(elapsed < duration + kSlack);
        if (elapsed > duration && elapsed - duration > worst_overshoot)
            worst_overshoot = elapsed - duration;
    }
    // Concurrent sleepers on several CPUs: wake order follows deadlines
    // 30 ms apart (the first a while ahead, so that every thread has
    // started by then even on a slow emulator).
    constexpr int kSleepers = 6;
    static Sleeper sleepers[kSleepers];
    static Thread threads[kSleepers];
    uint64_t base = now_ns() + 200'000'000;
    for (int index = 0; index < kSleepers; ++index) {
        sleepers[index] = Sleeper{base + static_cast<uint64_t>(kSleepers - index) * 30'000'000, 0};
        CHECK(start_thread(&threads[index], sleeper, &sleepers[index]));
    }
    for (int index = 0; index < kSleepers; ++index)
        CHECK_EQ(join(&threads[index]), 0);
    for (int index = 0; index < kSleepers; ++index) {
        CHECK(sleepers[index].woke_at >= sleepers[index].deadline);
        if (index > 0) CHECK(sleepers[index].woke_at <= sleepers[index - 1].woke_at);
    }
    printf("sleep: 5 lengths 0.1-50 ms, worst overshoot %llu us\n",
           static_cast<unsigned long long>(worst_overshoot / 1000));
}

}  // namespace utest
