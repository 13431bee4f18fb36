// memtest's "process_quota" case: processes, threads and address spaces are
// charged to a memory quota (abi/cairn/capability.h), and so are the pages
// and page tables of the process's memory. A spawn pays the fixed parts up
// front and the program's pages and tables as it loads them: every quota
// below its price is refused with nothing made (no process, no id used up,
// kernel object bytes and the quota as they were), whichever page or table
// of the load it ran out on; a child given exactly the price is killed at
// its first page of its own. A child given a small quota makes threads (each
// kThreadCost plus whole pages of its own) and address spaces until the
// quota is spent, the refused calls changing nothing, and gets every byte
// back when they are gone.
#include "tests/user/memtest/quota.h"
#include "tests/user/memtest/quota_cases.h"

#include <stdio.h>
#include <string.h>

#include "cairn/capability.h"
#include "cairn/sys.h"
#include "cairn/thread.h"
#include "tests/user/check.h"

namespace memtest {
namespace {

using namespace cairn;

constexpr uint64_t kMaxThreads = 16;
// What a started thread's own pages may cost beyond kThreadCost: its
// stack, start record and TLS pages the runtime and the thread touch, and
// the tables over them.
constexpr uint64_t kThreadRoom = 8 * kPage;

SystemInfo system() {
    SystemInfo info{};
    (void)sys::system_info(&info);
    return info;
}

// Whether `quota` has `bytes` left. Checked right after thread_join /
// process_wait, which return only once the charge is back.
bool comes_back(CapSlot quota, uint64_t bytes) {
    return left(quota) == bytes;
}

Result spawn(const char* argument, CapSlot quota, const CapSlot* caps = nullptr,
             uint64_t count = 0) {
    return sys::spawn_with_caps("bin/memtest", argument, caps, count, 0, quota);
}

constexpr uint64_t kFixedSpawnCost = kProcessCost + kAddressSpaceCost + kThreadCost;

// Finds the spawn's price by raising a quota one page at a time from the
// fixed part (the loaded pages and tables are whole pages): each spawn
// below the price is refused with nothing made (no process, no id used up,
// kernel object bytes, thread count and the quota as they were), at every
// point of the load; the first that succeeds is the price (one byte less
// is refused too). That child has nothing left for its first page of its
// own and is killed there. Returns the price, 0 on failure.
uint64_t find_spawn_price(uint64_t running, uint64_t* refusals, uint64_t* next_id) {
    Result big = sys::cap_create(kQuota, ObjectType::kQuota, running);
    if (!CHECK(big.ok())) return 0;
    // The id of the last process made, to see that the refused spawns used none.
    Result before_child = spawn("child_sleep", big.value());
    CHECK(sys::cap_delete(big.value()).ok());
    if (!CHECK(before_child.ok())) return 0;
    CHECK(sys::process_wait(before_child.value(), 20 * kSecond).raw == 0);
    uint64_t price = 0;
    for (uint64_t bytes = kFixedSpawnCost; bytes <= running && price == 0; bytes += kPage) {
        Result quota = sys::cap_create(kQuota, ObjectType::kQuota, bytes);
        if (!CHECK(quota.ok())) return 0;
        SystemInfo before = system();
        Result child = spawn("child_sleep", quota.value());
        if (!child) {
            CHECK_STATUS(child, Status::kQuotaExceeded);
            SystemInfo after = system();
            CHECK(after.kernel_objects_bytes == before.kernel_objects_bytes);
            CHECK(after.process_count == before.process_count);
            CHECK(after.thread_count == before.thread_count);
            CHECK(left(quota.value()) == bytes);
            ++*refusals;
        } else {
            price = bytes;
            *next_id = child.value();
            // memtest is process 1 and the only one spawning: ids follow on.
            CHECK(child.value() == before_child.value() + 1);
            CHECK(sys::process_wait(child.value(), 20 * kSecond).raw == kThreadKilledStatus);
            CHECK(comes_back(quota.value(), bytes));
        }
        CHECK(sys::cap_delete(quota.value()).ok());
    }
    if (!CHECK(price > kFixedSpawnCost)) return 0;
    Result short_quota = sys::cap_create(kQuota, ObjectType::kQuota, price - 1);
    if (CHECK(short_quota.ok())) {
        CHECK_STATUS(spawn("child_sleep", short_quota.value()), Status::kQuotaExceeded);
        CHECK(left(short_quota.value()) == price - 1);
        CHECK(sys::cap_delete(short_quota.value()).ok());
    }
    return price;
}

// Runs the child_threads side with a copy of a quota worth what a running
// child costs, `threads` threads with their stacks and some room; returns
// its exit status.
int64_t run_threads_child(uint64_t running, uint64_t threads) {
    // The child's chunk of slots (for the quota we hand it) is charged too,
    // and it touches more of its own pages than child_sleep.
    uint64_t bytes =
        running + kCapabilityChunkCost + threads * (kThreadCost + kThreadRoom) + (64 << 10);
    Result quota = sys::cap_create(kQuota, ObjectType::kQuota, bytes);
    if (!CHECK(quota.ok())) return -1;
    CapSlot caps[] = {quota.value()};
    uint64_t bytes_before = system().kernel_objects_bytes;
    Result child = spawn("child_threads", quota.value(), caps, 1);
    int64_t status = -1;
    if (CHECK(child.ok())) {
        status = sys::process_wait(child.value(), 60 * kSecond).raw;
        // Everything back: the process, its threads, spaces, pages and slots.
        CHECK(comes_back(quota.value(), bytes));
        CHECK(system().kernel_objects_bytes == bytes_before);
    }
    CHECK(sys::cap_delete(quota.value()).ok());
    return status;
}

}  // namespace

// A child that only waits a moment, so its parent can look at what it cost.
int child_sleep() {
    (void)sys::thread_sleep(200 * kMillisecond);
    return 0;
}

// The child's side: slot 1 holds its memory quota (spawned with it). Makes
// threads while the quota can pay for one and its pages (each charged
// kThreadCost plus whole pages of its own), then spends the rest on
// address spaces (kAddressSpaceCost each) until refused; then a thread is
// refused too, changing nothing. Exits 0 when all went as the price list
// says and every byte came back.
int child_threads() {
    int failures_before = utest::failures;
    static volatile bool ready[kMaxThreads];
    volatile bool release = false;
    cairn::Thread threads[kMaxThreads];
    uint64_t handles[kMaxSpaces];
    static uint64_t stack[64] __attribute__((aligned(16)));
    pre_touch_stack();
    // One thread first: what the runtime touches once for its first thread
    // (data pages of its own) stays charged and is not what is measured.
    for (volatile bool& flag : ready)
        flag = false;
    CHECK(threads[0].start([] { return int64_t{0}; }).ok() && threads[0].join(kSecond).raw == 0);
    const uint64_t budget = left(kChildQuota);
    uint64_t made = 0;
    while (made < kMaxThreads && left(kChildQuota) >= kThreadCost + kThreadRoom) {
        uint64_t quota = left(kChildQuota);
        const uint64_t index = made;
        Result started = threads[made].start([&release, index] {
            ready[index] = true;
            while (!release)
                (void)sys::thread_sleep(kMillisecond);
            return int64_t{0};
        });
        if (!CHECK(started.ok())) break;
        ++made;
        for (int tries = 0; !ready[index] && tries < 10000; ++tries)
            (void)sys::thread_sleep(kMillisecond);
        CHECK(ready[index]);
        // Running in its loop: its pages are all there now.
        uint64_t paid = quota - left(kChildQuota);
        CHECK(paid >= kThreadCost && (paid - kThreadCost) % kPage == 0 &&
              paid - kThreadCost <= kThreadRoom);
    }
    CHECK(made >= 1);

    // Address spaces: refused without a trace once the quota is spent.
    uint64_t spaces = 0;
    while (spaces < kMaxSpaces) {
        uint64_t bytes = system().kernel_objects_bytes;
        uint64_t quota = left(kChildQuota);
        Result handle = sys::as_create();
        if (handle.ok()) {
            handles[spaces++] = handle.value();
            CHECK(left(kChildQuota) == quota - kAddressSpaceCost);
            continue;
        }
        CHECK_STATUS(handle, Status::kQuotaExceeded);
        CHECK(system().kernel_objects_bytes == bytes);
        CHECK(left(kChildQuota) == quota);
        break;
    }
    CHECK(left(kChildQuota) < kAddressSpaceCost);

    // The refusal of a thread, without the runtime's stack mapping around
    // it: nothing made, nothing charged.
    ThreadCreateArguments arguments{};
    arguments.entry = reinterpret_cast<uintptr_t>(&child_sleep);
    arguments.stack_top = reinterpret_cast<uintptr_t>(stack + 64);
    arguments.priority = kInheritPriority;
    uint64_t bytes = settled_object_bytes();
    uint64_t thread_count = system().thread_count;
    uint64_t quota = left(kChildQuota);
    CHECK_STATUS(sys::thread_create(arguments), Status::kQuotaExceeded);
    CHECK(system().kernel_objects_bytes == bytes);
    CHECK(system().thread_count == thread_count);
    CHECK(left(kChildQuota) == quota);

    release = true;
    for (uint64_t i = 0; i < made; ++i)
        CHECK(threads[i].join(10 * kSecond).raw == 0);
    for (uint64_t i = 0; i < spaces; ++i)
        CHECK(sys::as_destroy(handles[i]).ok());
    // Joined (stacks, records and their pages back) and destroyed: at once.
    if (!CHECK(comes_back(kChildQuota, budget)))
        printf("memtest child_threads: %lld bytes not back\n",
               static_cast<long long>(budget - left(kChildQuota)));
    printf("memtest child_threads: %llu bytes paid for %llu threads, %llu address spaces\n",
           static_cast<unsigned long long>(budget), static_cast<unsigned long long>(made),
           static_cast<unsigned long long>(spaces));
    return utest::failures == failures_before ? 0 : 1;
}

uint64_t running_cost() {
    constexpr uint64_t kBig = 1 << 20;
    Result quota = sys::cap_create(kQuota, ObjectType::kQuota, kBig);
    if (!CHECK(quota.ok())) return 0;
    Result child = spawn("child_sleep", quota.value());
    uint64_t cost = 0;
    if (CHECK(child.ok())) {
        (void)sys::thread_sleep(100 * kMillisecond);  // it has started and sleeps
        cost = kBig - left(quota.value());
        CHECK(sys::process_wait(child.value(), 20 * kSecond).raw == 0);
        CHECK(comes_back(quota.value(), kBig));
    }
    CHECK(sys::cap_delete(quota.value()).ok());
    // The fixed parts and whole pages and tables (at least the StartInfo's).
    CHECK(cost > kFixedSpawnCost && (cost - kFixedSpawnCost) % kPage == 0);
    return cost;
}

int run_process_quota() {
    int failures_before = utest::failures;
    uint64_t quota_before = left(kQuota);
    uint64_t running = running_cost();
    if (running == 0) return utest::failures - failures_before;
    uint64_t refusals = 0, next_id = 0;
    uint64_t price = find_spawn_price(running, &refusals, &next_id);
    CHECK(run_threads_child(running, 3) == 0);
    CHECK(left(kQuota) == quota_before);
    printf(
        "memtest process_quota: spawn costs %llu bytes (%llu running); %llu smaller quotas "
        "refused, the next is process %llu\n",
        static_cast<unsigned long long>(price), static_cast<unsigned long long>(running),
        static_cast<unsigned long long>(refusals), static_cast<unsigned long long>(next_id));
    return utest::failures - failures_before;
}

}  // namespace memtest
