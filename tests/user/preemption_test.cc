// A real-time thread preempts a normal thread that spins without ever
// entering the kernel, on the same CPU: the only way the real-time thread
// runs is the timer interrupt (or its wake-up) taking the CPU away.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

struct Shared {
    volatile bool stop = false;
    volatile uint64_t spins = 0;
    volatile bool spinner_started = false;
    uint64_t spins_seen_at_wake = 0;
    uint64_t spins_seen_later = 0;
    uint64_t real_time_cpu = ~0ull;
    uint64_t wake_latency_ns = 0;
};

void spin(void* argument) {
    auto* shared = static_cast<Shared*>(argument);
    shared->spinner_started = true;
    while (!shared->stop)
        shared->spins = shared->spins + 1;
}

void real_time(void* argument) {
    auto* shared = static_cast<Shared*>(argument);
    while (!shared->spinner_started)
        sleep_ns(1'000'000);
    constexpr uint64_t kNap = 20'000'000;
    uint64_t before = now_ns();
    sleep_ns(kNap);
    shared->wake_latency_ns = now_ns() - before - kNap;
    shared->spins_seen_at_wake = shared->spins;
    shared->real_time_cpu = current_cpu();
    sleep_ns(kNap);  // the spinner gets the CPU back meanwhile
    shared->spins_seen_later = shared->spins;
    shared->stop = true;
}

}  // namespace

void run_preemption() {
    uint64_t cpus = system_info().cpu_count;
    uint64_t cpu = cpus - 1;  // not the CPU init started on, if there are two
    static Shared shared;
    Thread spinner, waker;
    CHECK(start_thread(&spinner, spin, &shared, 120, uint64_t{1} << cpu));
    CHECK(start_thread(&waker, real_time, &shared, 10, uint64_t{1} << cpu));
    CHECK_EQ(join(&waker), 0);
    CHECK_EQ(join(&spinner), 0);
    CHECK_EQ(shared.real_time_cpu, cpu);
    CHECK(shared.spins_seen_at_wake > 0);                        // the spinner ran first
    CHECK(shared.spins_seen_later > shared.spins_seen_at_wake);  // and again in between
    printf(
        "preemption: real-time thread ran on CPU %llu beside a spinning normal thread; "
        "wake-up latency %llu us\n",
        static_cast<unsigned long long>(cpu),
        static_cast<unsigned long long>(shared.wake_latency_ns / 1000));
}

}  // namespace utest
