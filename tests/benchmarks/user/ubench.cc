// ubench: system call and thread switch costs measured from user space.
// Booted as init (`init=ubench`) by //tests/benchmarks:user_<arch> under
// QEMU `-icount shift=0,sleep=off`, where one nanosecond of the guest's
// clock is one guest instruction: the figures printed as "ns/op" are then
// exact guest instruction counts per operation (including the loop, ~3-5
// instructions).
//
//   null syscall        the kNull call: user -> kernel -> user
//   yield, same AS      two threads of this process on one CPU yielding to
//                       each other: per switch (one yield call each)
//   yield, other AS     the same with the partner in another process
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"
#include "cairn/thread.h"

namespace {

using cairn::Syscall;

constexpr uint64_t kCpu = 0;  // every benchmark thread is pinned here
constexpr uint64_t kNullCalls = 200000;
constexpr uint64_t kYields = 50000;

uint64_t now() {
    return cairn::sys::clock_monotonic();
}

void pin_to_benchmark_cpu() {
    (void)cairn::sys::thread_set_affinity(0, uint64_t{1} << kCpu);
    (void)cairn::sys::thread_yield();  // move there now
}

uint64_t context_switches() {
    cairn::ThreadInfo info{};
    (void)cairn::sys::thread_info(0, &info);
    return info.context_switches;
}

void report(const char* name, uint64_t total_ns, uint64_t operations) {
    printf("ubench: %-18s %6llu ns/op (%llu ops)\n", name,
           static_cast<unsigned long long>(total_ns / operations),
           static_cast<unsigned long long>(operations));
}

void null_syscall() {
    for (int i = 0; i < 1000; ++i)
        (void)cairn::sys::call(Syscall::kNull);
    uint64_t start = now();
    for (uint64_t i = 0; i < kNullCalls; ++i)
        (void)cairn::sys::call(Syscall::kNull);
    report("null syscall", now() - start, kNullCalls);
}

// Yields until a yield actually switched (the partner is ready on this CPU),
// then measures `kYields` round trips; every yield must have switched.
void measure_yields(const char* name) {
    uint64_t deadline = now() + 5'000'000'000ull;
    uint64_t seen = context_switches();
    while (context_switches() == seen && now() < deadline)
        (void)cairn::sys::thread_yield();
    uint64_t switches_before = context_switches();
    uint64_t start = now();
    for (uint64_t i = 0; i < kYields; ++i)
        (void)cairn::sys::thread_yield();
    uint64_t elapsed = now() - start;
    uint64_t switched = context_switches() - switches_before;
    if (switched < kYields) {
        printf("ubench: %s: only %llu of %llu yields switched; figure invalid\n", name,
               static_cast<unsigned long long>(switched), static_cast<unsigned long long>(kYields));
        return;
    }
    report(name, elapsed, 2 * kYields);  // each round trip is two switches
}

void partner_loop(uint64_t yields) {
    pin_to_benchmark_cpu();
    for (uint64_t i = 0; i < yields; ++i)
        (void)cairn::sys::thread_yield();
}

void yield_same_address_space() {
    cairn::Thread partner;
    cairn::ThreadOptions options;
    options.cpu_mask = uint64_t{1} << kCpu;
    if (!partner.start([] { partner_loop(4 * kYields); }, options)) {
        printf("ubench: cannot start a thread\n");
        return;
    }
    measure_yields("yield, same AS");
    (void)partner.join();
}

void yield_other_address_space() {
    cairn::Result pid = cairn::sys::process_spawn("bin/ubench", "partner", cairn::kInitQuotaSlot);
    if (!pid) {
        printf("ubench: cannot spawn the partner: %lld\n", static_cast<long long>(pid.raw));
        return;
    }
    measure_yields("yield, other AS");
    (void)cairn::sys::process_wait(pid.value());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && strcmp(argv[1], "partner") == 0) {
        partner_loop(4 * kYields);
        return 0;
    }
    pin_to_benchmark_cpu();
    null_syscall();
    yield_same_address_space();
    yield_other_address_space();
    printf("ubench: done\n");
    return 0;
}
