// memtest's "quota" case: every call that makes a kernel object on the
// caller's behalf charges the quota it names (abi/cairn/capability.h's
// accounting rule). With a quota too small for one object each call answers
// kQuotaExceeded and makes nothing (kernel object bytes, the quota and the
// IRQ line as they were; an owed reply stays owed); with enough, each
// object costs kObjectCost, which comes back when it dies (deleted, or with
// the child process that held it). And ipc_call on the slow path (a
// capability in every message) allocates nothing that outlives the call.
#include "tests/user/memtest/quota.h"
#include "tests/user/memtest/quota_cases.h"

#include <stdio.h>
#include <string.h>

#include "cairn/capability.h"
#include "cairn/message.h"
#include "cairn/sys.h"
#include "cairn/thread.h"
#include "tests/user/check.h"

namespace memtest {
namespace {

using namespace cairn;

constexpr uint64_t kCom1 = 0x3f8;
constexpr uint64_t kSlowCalls = 2000;
// What cap_obtain names (id 0: the caller's own).
constexpr ObjectType kObtainable[] = {ObjectType::kThread, ObjectType::kProcess,
                                      ObjectType::kAddressSpace, ObjectType::kCapabilitySpace};
uint64_t object_bytes() {
    SystemInfo info{};
    (void)sys::system_info(&info);
    return info.kernel_objects_bytes;
}

// A quota one byte short of any object.
CapSlot starved_quota() {
    Result quota = sys::cap_create(kQuota, ObjectType::kQuota, kObjectCost - 1);
    CHECK(quota.ok());
    return quota.ok() ? quota.value() : kNullSlot;
}

// The first call to `endpoint` from another thread, received: this thread
// then owes its reply. The caller's thread gets `*answer` set to its
// reply's id.
struct PendingCall {
    CapSlot endpoint = kNullSlot;
    uint64_t answer = 0;
    cairn::Thread caller;
};

bool receive_call(PendingCall& pending) {
    Result started = pending.caller.start([&pending] {
        Message message = make_message(7);
        if (!sys::ipc_call(pending.endpoint, &message, 10 * kSecond)) return int64_t{1};
        pending.answer = message.id;
        return int64_t{0};
    });
    if (!CHECK(started.ok())) return false;
    Message message = make_message();
    return CHECK(sys::ipc_receive(pending.endpoint, &message, 10 * kSecond).ok()) &&
           CHECK(message.id == 7);
}

// Each object kind with a starved quota: kQuotaExceeded, nothing made.
// Returns how many calls were refused.
int refuse_all(CapSlot notification, const PlatformInfo& platform) {
    CapSlot starved = starved_quota();
    Result endpoint = sys::cap_create(kQuota, ObjectType::kEndpoint);
    if (!CHECK(endpoint.ok()) || starved == kNullSlot) return 0;
    PendingCall pending;
    pending.endpoint = endpoint.value();
    if (!receive_call(pending)) return 0;

    uint64_t bytes_before = settled_object_bytes();
    uint64_t starved_before = left(starved);
    int refused = 0;
    auto refuse = [&refused](Result result) {
        if (CHECK_STATUS(result, Status::kQuotaExceeded)) ++refused;
    };
    refuse(sys::cap_create(starved, ObjectType::kEndpoint));
    refuse(sys::memory_create_device(kPlatform, kSomeDevice, kPage, starved));
    refuse(sys::irq_register(kPlatform, platform.serial_irq_line, notification, 1, starved));
#if defined(__x86_64__)
    refuse(sys::io_port_create(kPlatform, kCom1, 8, starved));
#else
    CHECK_STATUS(sys::io_port_create(kPlatform, kCom1, 8, starved), Status::kUnsupported);
#endif
    for (ObjectType type : kObtainable) {
        refuse(sys::cap_obtain(type, 0, kAllRights, starved));
    }
    refuse(sys::ipc_save_reply(starved));
    uint64_t bytes_after = object_bytes();
    if (!CHECK(bytes_after == bytes_before)) {
        printf("memtest quota: kernel object bytes %llu before the refused calls, %llu after\n",
               static_cast<unsigned long long>(bytes_before),
               static_cast<unsigned long long>(bytes_after));
    }
    CHECK(left(starved) == starved_before);

    // Nothing was bound: the line is free for a quota that can pay.
    Result handler =
        sys::irq_register(kPlatform, platform.serial_irq_line, notification, 1, kQuota);
    CHECK(handler.ok());
    if (handler) CHECK(sys::cap_delete(handler.value()).ok());
    // The reply is still owed: answered the usual way.
    Message reply = make_message(8);
    CHECK(sys::ipc_reply(0, reply).ok());
    CHECK(pending.caller.join(10 * kSecond).raw == 0);
    CHECK(pending.answer == 8);
    CHECK(sys::cap_delete(endpoint.value()).ok());
    CHECK(sys::cap_delete(starved).ok());
    return refused;
}

// `made` charged kObjectCost to `quota` (left `before` bytes); deleting it
// gives them back.
void check_charged(Result made, CapSlot quota, uint64_t before) {
    if (!CHECK(made.ok())) return;
    CHECK(left(quota) == before - kObjectCost);
    CHECK(sys::cap_delete(made.value()).ok());
    CHECK(left(quota) == before);
}

// Each object kind from a quota that can pay: charged, refunded on delete.
// Returns how many kinds were checked.
int charge_and_refund(CapSlot notification, const PlatformInfo& platform) {
    Result own = sys::cap_create(kQuota, ObjectType::kQuota, 16 * kObjectCost);
    if (!CHECK(own.ok())) return 0;
    CapSlot quota = own.value();
    uint64_t full = left(quota);
    CHECK(full == 16 * kObjectCost);
    int kinds = 0;
    check_charged(sys::memory_create_device(kPlatform, kSomeDevice, kPage, quota), quota, full);
    check_charged(sys::irq_register(kPlatform, platform.serial_irq_line, notification, 1, quota),
                  quota, full);
    kinds += 2;
#if defined(__x86_64__)
    check_charged(sys::io_port_create(kPlatform, kCom1, 8, quota), quota, full);
    ++kinds;
#endif
    for (ObjectType type : kObtainable) {
        Result first = sys::cap_obtain(type, 0, kAllRights, quota);
        if (!CHECK(first.ok())) continue;
        CHECK(left(quota) == full - kObjectCost);
        // A second capability to the same object costs nothing.
        Result second = sys::cap_obtain(type, 0, kAllRights, quota);
        CHECK(second.ok());
        CHECK(left(quota) == full - kObjectCost);
        if (second) CHECK(sys::cap_delete(second.value()).ok());
        CHECK(left(quota) == full - kObjectCost);  // the object lives on
        CHECK(sys::cap_delete(first.value()).ok());
        CHECK(left(quota) == full);
        ++kinds;
    }
    // A saved reply.
    Result endpoint = sys::cap_create(kQuota, ObjectType::kEndpoint);
    if (CHECK(endpoint.ok())) {
        PendingCall pending;
        pending.endpoint = endpoint.value();
        if (receive_call(pending)) {
            Result saved = sys::ipc_save_reply(quota);
            CHECK(saved.ok());
            CHECK(left(quota) == full - kObjectCost);
            Message reply = make_message(9);
            if (saved) CHECK(sys::ipc_reply(saved.value(), reply).ok());
            CHECK(pending.caller.join(10 * kSecond).raw == 0);
            CHECK(pending.answer == 9);
            if (saved) CHECK(sys::cap_delete(saved.value()).ok());
            CHECK(left(quota) == full);
            ++kinds;
        }
        CHECK(sys::cap_delete(endpoint.value()).ok());
    }
    CHECK(sys::cap_delete(quota).ok());
    return kinds;
}

// A child binds the IRQ line charged to a quota of ours and exits holding
// the handler: the charge comes back with the child's capabilities.
bool refund_on_exit(CapSlot notification) {
    Result own = sys::cap_create(kQuota, ObjectType::kQuota, 4 * kObjectCost);
    if (!CHECK(own.ok())) return false;
    CapSlot caps[] = {kPlatform, notification, own.value()};
    Result child = sys::spawn_with_caps("bin/memtest", "child_hold_irq", caps, 3, 0, kQuota);
    bool back = false;
    if (CHECK(child.ok())) {
        CHECK(sys::process_wait(child.value(), 20 * kSecond).raw == 0);
        for (int attempt = 0; attempt < 100 && !back; ++attempt) {
            back = left(own.value()) == 4 * kObjectCost;
            if (!back) (void)sys::thread_sleep(10 * kMillisecond);
        }
        CHECK(back);
    }
    CHECK(sys::cap_delete(own.value()).ok());
    return back;
}

// ipc_call with a capability in each message (so never the fast path): the
// server deletes what it received and replies. Kernel object bytes and the
// quota stay where they were. Returns the bytes before and after.
void slow_calls(uint64_t* before, uint64_t* after) {
    Result endpoint = sys::cap_create(kQuota, ObjectType::kEndpoint);
    Result token = sys::cap_create(kQuota, ObjectType::kNotification);
    if (!CHECK(endpoint.ok() && token.ok())) return;
    cairn::Thread server;
    uint64_t served = 0;
    Result started = server.start([&] {
        Message message = make_message();
        if (!sys::ipc_receive(endpoint.value(), &message, 10 * kSecond)) return int64_t{1};
        for (;;) {
            if (message.id == 0) return int64_t{0};
            if (message.cap_count != 1 || !sys::cap_delete(message.caps[0])) return int64_t{2};
            ++served;
            message = make_message(message.id + 1);
            if (!sys::ipc_reply_receive(endpoint.value(), &message, 10 * kSecond)) {
                return int64_t{3};
            }
        }
    });
    if (!CHECK(started.ok())) return;
    auto call = [&](uint64_t id) {
        Message message = make_message(id);
        attach_cap(message, token.value());
        return sys::ipc_call(endpoint.value(), &message, 10 * kSecond).ok() && message.id == id + 1;
    };
    bool all = true;
    for (uint64_t i = 1; i <= 100; ++i)  // warm-up: slab pages, page tables
        all = all && call(i);
    uint64_t quota_before = left(kQuota);
    *before = object_bytes();
    for (uint64_t i = 1; i <= kSlowCalls; ++i)
        all = all && call(i);
    *after = object_bytes();
    CHECK(all);
    CHECK(served == 100 + kSlowCalls);
    CHECK(left(kQuota) == quota_before);
    Message quit = make_message(0);
    (void)sys::ipc_send(endpoint.value(), quit, 10 * kSecond);
    CHECK(server.join(10 * kSecond).raw == 0);
    CHECK(sys::cap_delete(token.value()).ok());
    CHECK(sys::cap_delete(endpoint.value()).ok());
}

}  // namespace

int run_quota() {
    int failures_before = utest::failures;
    PlatformInfo platform{};
    CHECK(sys::platform_info(&platform).ok());
    Result notification = sys::cap_create(kQuota, ObjectType::kNotification);
    if (!CHECK(notification.ok())) return utest::failures - failures_before;
    uint64_t quota_before = left(kQuota);
    int refused = refuse_all(notification.value(), platform);
    int kinds = charge_and_refund(notification.value(), platform);
    bool back_on_exit = refund_on_exit(notification.value());
    if (!CHECK(left(kQuota) == quota_before))
        printf("memtest quota: %lld bytes not back\n",
               static_cast<long long>(quota_before - left(kQuota)));
    CHECK(sys::cap_delete(notification.value()).ok());
    uint64_t before = 0, after = 0;
    slow_calls(&before, &after);
    CHECK(after == before);
    printf(
        "memtest quota: %d calls refused by a starved quota, %d kinds charged %llu bytes and "
        "refunded%s; %llu slow-path calls: kernel objects %llu bytes before, %llu after\n",
        refused, kinds, static_cast<unsigned long long>(kObjectCost),
        back_on_exit ? ", also by a child's exit" : "", static_cast<unsigned long long>(kSlowCalls),
        static_cast<unsigned long long>(before), static_cast<unsigned long long>(after));
    return utest::failures - failures_before;
}

void pre_touch_stack() {
    volatile uint8_t pad[32 * 1024];
    for (size_t i = 0; i < sizeof(pad); i += 512)
        pad[i] = 0;
}

uint64_t settled_object_bytes() {
    uint64_t bytes = object_bytes();
    for (int stable = 0, tries = 0; stable < 3 && tries < 100; ++tries) {
        (void)sys::thread_sleep(10 * kMillisecond);
        uint64_t now = object_bytes();
        stable = now == bytes ? stable + 1 : 0;
        bytes = now;
    }
    return bytes;
}

}  // namespace memtest
