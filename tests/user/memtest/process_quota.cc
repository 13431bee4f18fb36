// memtest's "process_quota" case: processes, threads and address spaces are
// charged to a memory quota (abi/cairn/capability.h). A spawn pays for the
// child up front: with one byte less than that it answers kQuotaExceeded and
// nothing is made (no process, no id used up, kernel object bytes and the
// quota as they were); the bytes come back when the child is gone. A child
// given a small quota makes threads and address spaces until the quota is
// spent (exactly as many as it paid for), the refused call changing nothing,
// and gets every byte back when they are gone.
#include "tests/user/memtest/quota.h"

#include <stdio.h>
#include <string.h>

#include "cairn/capability.h"
#include "cairn/sys.h"
#include "cairn/thread.h"
#include "tests/user/check.h"

namespace memtest {
namespace {

using namespace cairn;

// The call answered exactly `expected`.
#define CHECK_STATUS(result, expected) CHECK((result).status() == (expected))

constexpr CapSlot kQuota = kInitQuotaSlot;
constexpr CapSlot kChildQuota = 1;  // the child's memory quota, in its slot 1
constexpr uint64_t kPage = 4096;
constexpr uint64_t kMillisecond = 1'000'000;
constexpr uint64_t kSecond = 1'000'000'000;
constexpr uint64_t kMaxThreads = 16;
constexpr uint64_t kMaxSpaces = 16;  // the handle table's size

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

// What spawning bin/memtest costs (no capabilities handed over: no chunk of
// slots yet), measured on a child that sleeps while we look; 0 on failure.
uint64_t spawn_cost() {
    constexpr uint64_t kBig = 1 << 20;
    Result quota = sys::cap_create(kQuota, ObjectType::kQuota, kBig);
    if (!CHECK(quota.ok())) return 0;
    Result child = spawn("child_sleep", quota.value());
    uint64_t cost = 0;
    if (CHECK(child.ok())) {
        cost = kBig - left(quota.value());
        CHECK(sys::process_wait(child.value(), 20 * kSecond).raw == 0);
        CHECK(comes_back(quota.value(), kBig));
    }
    CHECK(sys::cap_delete(quota.value()).ok());
    // The fixed parts and whole program pages (at least the StartInfo's).
    uint64_t fixed = kProcessCost + kAddressSpaceCost + kThreadCost;
    CHECK(cost > fixed && (cost - fixed) % kPage == 0);
    return cost;
}

// A quota one byte short of the spawn is refused with nothing made; one of
// exactly its price is spent to 0 and refilled when the child is gone.
bool refuse_then_spawn(uint64_t cost, uint64_t* refused_id, uint64_t* next_id) {
    Result short_quota = sys::cap_create(kQuota, ObjectType::kQuota, cost - 1);
    Result exact = sys::cap_create(kQuota, ObjectType::kQuota, cost);
    if (!CHECK(short_quota.ok() && exact.ok())) return false;
    // The id of the last process made, to see that the refused spawn used none.
    Result before_child = spawn("child_sleep", exact.value());
    if (!CHECK(before_child.ok())) return false;
    CHECK(sys::process_wait(before_child.value(), 20 * kSecond).raw == 0);
    CHECK(comes_back(exact.value(), cost));

    SystemInfo before = system();
    CHECK_STATUS(spawn("child_sleep", short_quota.value()), Status::kQuotaExceeded);
    SystemInfo after = system();
    CHECK(after.kernel_objects_bytes == before.kernel_objects_bytes);
    CHECK(after.process_count == before.process_count);
    CHECK(after.thread_count == before.thread_count);
    CHECK(left(short_quota.value()) == cost - 1);

    Result child = spawn("child_sleep", exact.value());
    bool spent = false;
    if (CHECK(child.ok())) {
        *refused_id = before_child.value();
        *next_id = child.value();
        // memtest is process 1 and the only one spawning: ids follow on.
        CHECK(child.value() == before_child.value() + 1);
        spent = CHECK(left(exact.value()) == 0);
        CHECK(sys::process_wait(child.value(), 20 * kSecond).raw == 0);
        CHECK(comes_back(exact.value(), cost));
    }
    CHECK(sys::cap_delete(short_quota.value()).ok());
    CHECK(sys::cap_delete(exact.value()).ok());
    return spent;
}

// Runs the child_threads side with a copy of a quota worth `threads` and a
// half threads beyond its own spawn; returns its exit status.
int64_t run_threads_child(uint64_t cost, uint64_t threads) {
    // The child's chunk of slots (for the quota we hand it) is charged too.
    uint64_t bytes = cost + kCapabilityChunkCost + threads * kThreadCost + kThreadCost / 2;
    Result quota = sys::cap_create(kQuota, ObjectType::kQuota, bytes);
    if (!CHECK(quota.ok())) return -1;
    CapSlot caps[] = {quota.value()};
    uint64_t bytes_before = system().kernel_objects_bytes;
    Result child = spawn("child_threads", quota.value(), caps, 1);
    int64_t status = -1;
    if (CHECK(child.ok())) {
        status = sys::process_wait(child.value(), 60 * kSecond).raw;
        // Everything back: the process, its threads, spaces and slots.
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
// threads, then address spaces, until the quota refuses; exits 0 when all
// went as the price list says.
int child_threads() {
    int failures_before = utest::failures;
    const uint64_t budget = left(kChildQuota);
    volatile bool release = false;
    cairn::Thread threads[kMaxThreads];
    uint64_t made = 0;
    while (made < kMaxThreads) {
        uint64_t quota = left(kChildQuota);
        Result started = threads[made].start([&release] {
            while (!release)
                (void)sys::thread_sleep(kMillisecond);
            return int64_t{0};
        });
        if (!started) {
            CHECK_STATUS(started, Status::kQuotaExceeded);
            CHECK(left(kChildQuota) == quota);
            break;
        }
        ++made;
        CHECK(left(kChildQuota) == quota - kThreadCost);
    }
    // The refusal itself, without the runtime's stack mapping around it:
    // nothing made, nothing charged.
    static uint64_t stack[64] __attribute__((aligned(16)));
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
    CHECK(made == budget / kThreadCost);
    release = true;
    for (uint64_t i = 0; i < made; ++i)
        CHECK(threads[i].join(10 * kSecond).raw == 0);
    CHECK(comes_back(kChildQuota, budget));  // joined: stacks and records back

    // Address spaces: refused without a trace once the quota is spent.
    uint64_t handles[kMaxSpaces];
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
    CHECK(spaces == budget / kAddressSpaceCost);
    for (uint64_t i = 0; i < spaces; ++i)
        CHECK(sys::as_destroy(handles[i]).ok());
    CHECK(left(kChildQuota) == budget);  // at once: as_destroy refunds
    printf("memtest child_threads: %llu bytes paid for %llu threads, %llu address spaces\n",
           static_cast<unsigned long long>(budget), static_cast<unsigned long long>(made),
           static_cast<unsigned long long>(spaces));
    return utest::failures == failures_before ? 0 : 1;
}

int run_process_quota() {
    int failures_before = utest::failures;
    uint64_t quota_before = left(kQuota);
    uint64_t cost = spawn_cost();
    if (cost == 0) return utest::failures - failures_before;
    uint64_t refused_id = 0, next_id = 0;
    bool spent = refuse_then_spawn(cost, &refused_id, &next_id);
    CHECK(run_threads_child(cost, 3) == 0);
    CHECK(left(kQuota) == quota_before);
    printf(
        "memtest process_quota: spawn costs %llu bytes; %llu refused, the next is process "
        "%llu%s\n",
        static_cast<unsigned long long>(cost), static_cast<unsigned long long>(cost - 1),
        static_cast<unsigned long long>(next_id), spent ? ", spending it all" : "");
    (void)refused_id;
    return utest::failures - failures_before;
}

}  // namespace memtest
