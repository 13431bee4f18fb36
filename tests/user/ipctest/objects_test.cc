// objects: capabilities to threads, processes, address spaces and capability
// spaces (cap_obtain, cap_insert, thread_control, thread_capability_info,
// process_kill, process_info, memory_map with kMapAddressSpaceCapability).
//   - every call's denials: no capability, wrong type, missing right, bad
//     pointer, unknown operation or type, ended thread / space / process
//     (kNotFound), a destroyed address-space handle that was reused
//   - a child sends capabilities to one of its threads and to its address
//     space in a message: the parent re-prioritises, pins and kills that
//     thread, maps memory into the child's space and inserts a
//     notification into the child's capability space; the child sees all of
//     it (the bytes, the notification, its thread's killed status)
//   - a child's process capability kills it; process_info reads its exit
//     status afterwards; a thread and a process kill themselves
//   - races: process_kill while the child creates threads, memory_map into
//     a child's space while it exits
//   - kernel memory returns to where it was (no wrapper object leaks)
#include <stdio.h>
#include <string.h>

#include "cairn/thread.h"
#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::Message;
using cairn::ObjectType;
using namespace cairn::sys;

constexpr cairn::Rights kRead = cairn::kRightRead;
constexpr cairn::Rights kWrite = cairn::kRightWrite;
// Copies that lack one right but may still be deleted.
constexpr cairn::Rights kReadOnly = cairn::kRightRead | cairn::kRightDelete;
constexpr cairn::Rights kWriteOnly = cairn::kRightWrite | cairn::kRightDelete;
constexpr uint64_t kPage = 4096;
constexpr uint64_t kChildPriority = 120;
constexpr int64_t kKillStatus = 77;
constexpr int kRaceRounds = 4;
constexpr int64_t kSelfKillStatus = 55;
// What cap_obtain charges its objects to: init's quota here, the copy a
// child was handed in its slot kChildQuota (or 1, see each role).
constexpr CapSlot kQuota = cairn::kInitQuotaSlot;
constexpr CapSlot kChildQuota = 2;

int denials = 0;

// A denial: the call answered exactly `expected`.
void deny(Result result, cairn::Status expected, const char* what, int line) {
    if (check_status(result, expected, what, __FILE__, line)) ++denials;
}
#define DENY(result, status) \
    deny((result), ::cairn::Status::status, #result " -> " #status, __LINE__)

// What the target child sends (with its thread and address-space
// capabilities) and what the parent answers.
struct TargetHello {
    uint64_t spinner_id;
};
struct TargetOrders {
    uintptr_t mapped_at;  // where the parent mapped its page in the child
    CapSlot inserted;     // the notification it put into the child's space
    uint8_t pattern;      // the page's bytes
};

template <size_t N>
void delete_all(const CapSlot (&slots)[N]) {
    for (CapSlot slot : slots)
        CHECK_OK(cap_delete(slot));
}

// Bad pointers for an info structure: unmapped, kernel, misaligned.
template <typename Info>
void deny_bad_pointers(Result (*call)(CapSlot, Info*), CapSlot slot) {
    DENY(call(slot, reinterpret_cast<Info*>(uintptr_t{8})), kBadAddress);
    DENY(call(slot, reinterpret_cast<Info*>(~uintptr_t{0} - 4095)), kBadAddress);
}

void own_thread() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot self = cap_obtain(ObjectType::kThread, 0, cairn::kAllRights, kQuota).value();
    CHECK_EQ(static_cast<uint64_t>(info(self).type), static_cast<uint64_t>(ObjectType::kThread));
    CHECK_EQ(info(self).rights, cairn::kAllRights);
    cairn::ThreadInfo mine{}, through_cap{};
    CHECK_OK(thread_info(0, &mine));
    CHECK_OK(thread_capability_info(self, &through_cap));
    CHECK_EQ(through_cap.thread_id, mine.thread_id);
    CHECK_EQ(through_cap.process_id, mine.process_id);

    // One object per thread: a second cap_obtain names the same one.
    CapSlot again = cap_obtain(ObjectType::kThread, 0, kReadOnly, kQuota).value();
    CHECK_EQ(info(again).object_id, info(self).object_id);
    CHECK_EQ(info(again).rights, kReadOnly);
    CHECK_OK(cap_delete(again));

    CapSlot read_only = cap_copy(self, kReadOnly).value();
    CapSlot write_only = cap_copy(self, kWriteOnly).value();
    DENY(thread_control(0, cairn::kThreadOpSetPriority, 110), kNoCapability);
    DENY(thread_control(4000, cairn::kThreadOpSetPriority, 110), kNoCapability);
    DENY(thread_control(endpoint, cairn::kThreadOpSetPriority, 110), kWrongType);
    DENY(thread_control(read_only, cairn::kThreadOpSetPriority, 110), kMissingRights);
    DENY(thread_capability_info(write_only, &through_cap), kMissingRights);
    DENY(thread_capability_info(endpoint, &through_cap), kWrongType);
    deny_bad_pointers(thread_capability_info, self);
    DENY(thread_control(self, 0), kInvalidArgument);
    DENY(thread_control(self, 99), kInvalidArgument);
    DENY(thread_cap_set_priority(self, 140), kInvalidArgument);
    DENY(thread_cap_set_affinity(self, 0), kInvalidArgument);
    CHECK_OK(thread_cap_set_priority(self, mine.priority));  // itself, unchanged

    // An ended thread: its capability answers kNotFound, as does obtaining
    // a new one by its id.
    CapSlot gate = create(ObjectType::kNotification);
    cairn::Thread waiter;
    uint64_t waiter_id =
        waiter.start([gate] { (void)ipc_wait_notification(gate, 5 * kSecond); }).value();
    CapSlot ended = cap_obtain(ObjectType::kThread, waiter_id, cairn::kAllRights, kQuota).value();
    CHECK_OK(ipc_notify(gate, 1));
    CHECK_EQ(waiter.join().raw, 0);
    DENY(thread_cap_set_priority(ended, 110), kNotFound);
    DENY(thread_kill(ended), kNotFound);
    DENY(thread_capability_info(ended, &through_cap), kNotFound);
    DENY(cap_obtain(ObjectType::kThread, waiter_id, cairn::kAllRights, kQuota), kNotFound);
    DENY(cap_obtain(ObjectType::kThread, 1u << 30, cairn::kAllRights, kQuota), kNotFound);

    // Revocable like any capability.
    CHECK_EQ(cap_revoke(self).raw, 2);
    delete_all({self, ended, gate, endpoint});
}

void own_process_and_spaces() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    DENY(cap_obtain(ObjectType::kEndpoint, 0, cairn::kAllRights, kQuota), kInvalidArgument);
    DENY(cap_obtain(ObjectType::kNone, 0, cairn::kAllRights, kQuota), kInvalidArgument);
    DENY(cap_obtain(static_cast<ObjectType>(999), 0, cairn::kAllRights, kQuota), kInvalidArgument);
    DENY(cap_obtain(ObjectType::kProcess, 1u << 30, cairn::kAllRights, kQuota), kNotFound);
    DENY(cap_obtain(ObjectType::kCapabilitySpace, 1u << 30, cairn::kAllRights, kQuota), kNotFound);
    DENY(cap_obtain(ObjectType::kAddressSpace, 9, cairn::kAllRights, kQuota), kNotFound);

    CapSlot process = cap_obtain(ObjectType::kProcess, 0, cairn::kAllRights, kQuota).value();
    CapSlot twice = cap_obtain(ObjectType::kProcess, 0, cairn::kAllRights, kQuota).value();
    uint64_t process_object = info(process).object_id;
    CHECK_EQ(info(twice).object_id, process_object);
    CHECK_OK(cap_delete(twice));
    cairn::ProcessInfo about{};
    CHECK_OK(process_info(process, &about));
    cairn::ThreadInfo mine{};
    CHECK_OK(thread_info(0, &mine));
    CHECK_EQ(about.process_id, mine.process_id);
    CHECK_EQ(about.state, cairn::kProcessRunning);
    CHECK(strcmp(about.program, "bin/ipctest") == 0);
    CapSlot process_read = cap_copy(process, kReadOnly).value();
    CapSlot process_write = cap_copy(process, kWriteOnly).value();
    DENY(process_kill(0, 1), kNoCapability);
    DENY(process_kill(endpoint, 1), kWrongType);
    DENY(process_kill(process_read, 1), kMissingRights);
    DENY(process_info(process_write, &about), kMissingRights);
    deny_bad_pointers(process_info, process);

    // Its own capability space: cap_insert as a copy with fewer rights.
    CapSlot space = cap_obtain(ObjectType::kCapabilitySpace, 0, cairn::kAllRights, kQuota).value();
    CapSlot space_read = cap_copy(space, kReadOnly).value();
    CapSlot no_grant = cap_copy(endpoint, kReadOnly | kWrite).value();
    Result inserted = cap_insert(space, endpoint, kReadOnly);
    if (CHECK_OK(inserted)) {
        CHECK_EQ(info(inserted.value()).rights, kReadOnly);
        CHECK_EQ(info(inserted.value()).object_id, info(endpoint).object_id);
        CHECK_OK(cap_delete(inserted.value()));
    }
    DENY(cap_insert(0, endpoint), kNoCapability);
    DENY(cap_insert(endpoint, endpoint), kWrongType);
    DENY(cap_insert(space_read, endpoint), kMissingRights);
    DENY(cap_insert(space, 0), kNoCapability);
    DENY(cap_insert(space, 4000), kNoCapability);
    DENY(cap_insert(space, no_grant), kMissingRights);

    // Its own address space, and one of as_create's: memory_map through
    // the capability; a destroyed handle is kNotFound even once reused.
    CapSlot memory = create(ObjectType::kMemory, kPage);
    CapSlot own = cap_obtain(ObjectType::kAddressSpace, 0, cairn::kAllRights, kQuota).value();
    CapSlot own_read = cap_copy(own, kReadOnly).value();
    Result mapped = memory_map_into(own, memory, kPage, cairn::kMapRead | cairn::kMapWrite);
    if (CHECK_OK(mapped)) {
        auto* bytes = reinterpret_cast<volatile uint8_t*>(mapped.value());
        bytes[0] = 0x5a;
        CHECK_EQ(bytes[0], 0x5a);
        CHECK_OK(as_unmap(0, mapped.value(), kPage));
    }
    DENY(memory_map_into(0, memory, kPage, cairn::kMapRead), kNoCapability);
    DENY(memory_map_into(endpoint, memory, kPage, cairn::kMapRead), kWrongType);
    DENY(memory_map_into(own_read, memory, kPage, cairn::kMapRead), kMissingRights);
    DENY(memory_map_into(own, endpoint, kPage, cairn::kMapRead), kWrongType);
    DENY(memory_map_into(own, memory, kPage, cairn::kMapRead, 0, 1u << 7), kInvalidArgument);
    uint64_t handle = as_create().value();
    CapSlot other =
        cap_obtain(ObjectType::kAddressSpace, handle, cairn::kAllRights, kQuota).value();
    CapSlot other_again =
        cap_obtain(ObjectType::kAddressSpace, handle, cairn::kAllRights, kQuota).value();
    CHECK_EQ(info(other_again).object_id, info(other).object_id);
    CHECK(info(other).object_id != info(own).object_id);
    CHECK_OK(cap_delete(other_again));
    CHECK_OK(memory_map_into(other, memory, kPage, cairn::kMapRead));
    CHECK_OK(as_destroy(handle));
    DENY(memory_map_into(other, memory, kPage, cairn::kMapRead), kNotFound);
    uint64_t reused = as_create().value();
    CHECK_EQ(reused, handle);
    DENY(memory_map_into(other, memory, kPage, cairn::kMapRead), kNotFound);
    CHECK_OK(as_destroy(reused));

    delete_all({process, process_read, process_write, space, space_read, no_grant, memory, own,
                own_read, other,
                endpoint});  // Every capability gone: the object went; a new one has a new id.
    CapSlot fresh = cap_obtain(ObjectType::kProcess, 0, cairn::kAllRights, kQuota).value();
    CHECK(info(fresh).object_id != process_object);
    CHECK_OK(cap_delete(fresh));
}

// The parent's side of the target child: re-prioritise, pin and kill its
// thread, map a page into it and insert a notification.
void control_child() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot client_end = cap_copy(endpoint, kWrite | cairn::kRightGrant).value();
    CapSlot caps[] = {client_end, kQuota};  // its slot kChildQuota
    uint64_t child = spawn_child("objects_target", caps, 2, /*move=*/1);
    Message message = cairn::make_message();
    if (!CHECK_OK(ipc_receive(endpoint, &message, 10 * kSecond)) ||
        !CHECK_EQ(message.cap_count, 2u)) {
        (void)wait_child(child);
        return;
    }
    const TargetHello hello = *cairn::get<TargetHello>(message);
    CapSlot thread = message.caps[0];
    CapSlot child_space = message.caps[1];
    CHECK_EQ(static_cast<uint64_t>(info(thread).type), static_cast<uint64_t>(ObjectType::kThread));
    CHECK_EQ(static_cast<uint64_t>(info(child_space).type),
             static_cast<uint64_t>(ObjectType::kAddressSpace));

    cairn::ThreadInfo about{};
    CHECK_OK(thread_capability_info(thread, &about));
    CHECK_EQ(about.thread_id, hello.spinner_id);
    CHECK_EQ(about.process_id, child);
    CHECK_OK(thread_cap_set_priority(thread, kChildPriority));
    CHECK_OK(thread_cap_set_affinity(thread, 1));
    CHECK_OK(thread_capability_info(thread, &about));
    CHECK_EQ(about.priority, kChildPriority);
    CHECK_EQ(about.cpu_mask, 1u);
    CHECK_OK(thread_kill(thread));
    // The kill lands when the thread next leaves the kernel: wait for it.
    Result after = thread_capability_info(thread, &about);
    for (int tries = 0; after.ok() && tries < 200; ++tries) {
        (void)thread_sleep(kMillisecond);
        after = thread_capability_info(thread, &about);
    }
    DENY(after, kNotFound);
    DENY(thread_kill(thread), kNotFound);

    TargetOrders orders{};
    orders.pattern = 0xc3;
    CapSlot memory = create(ObjectType::kMemory, kPage);
    Result here = memory_map(memory, kPage, cairn::kMapRead | cairn::kMapWrite);
    if (CHECK_OK(here)) {
        memset(reinterpret_cast<void*>(here.value()), orders.pattern, kPage);
        CHECK_OK(as_unmap(0, here.value(), kPage));
    }
    Result there = memory_map_into(child_space, memory, kPage, cairn::kMapRead);
    if (CHECK_OK(there)) orders.mapped_at = there.value();

    CapSlot notification = create(ObjectType::kNotification);
    CapSlot child_slots =
        cap_obtain(ObjectType::kCapabilitySpace, child, cairn::kAllRights, kQuota).value();
    Result inserted = cap_insert(child_slots, notification, kRead | kWrite);
    if (CHECK_OK(inserted)) orders.inserted = inserted.value();

    Message reply = cairn::make_message(1);
    cairn::put(reply, orders);
    CHECK_OK(ipc_reply(0, reply));
    CHECK_EQ(wait_child(child), 0);
    // The child is gone: its space and capability space with it.
    DENY(memory_map_into(child_space, memory, kPage, cairn::kMapRead), kNotFound);
    DENY(cap_insert(child_slots, notification), kNotFound);
    delete_all({endpoint, thread, child_space, memory, notification, child_slots});
}

void kill_child() {
    uint64_t child = spawn_child("objects_sleeper");
    Result obtained = cap_obtain(ObjectType::kProcess, child, cairn::kAllRights, kQuota);
    if (!CHECK_OK(obtained)) {
        (void)wait_child(child);
        return;
    }
    CapSlot process = obtained.value();
    cairn::ThreadInfo mine{};
    CHECK_OK(thread_info(0, &mine));
    cairn::ProcessInfo about{};
    CHECK_OK(process_info(process, &about));
    CHECK_EQ(about.process_id, child);
    CHECK_EQ(about.parent_id, mine.process_id);
    CHECK_EQ(about.state, cairn::kProcessRunning);
    CHECK(about.thread_count >= 1);
    CHECK(strcmp(about.program, "bin/ipctest") == 0);
    CapSlot child_slots =
        cap_obtain(ObjectType::kCapabilitySpace, child, cairn::kAllRights, kQuota).value();

    CHECK_OK(process_kill(process, kKillStatus));
    CHECK_EQ(wait_child(child), kKillStatus);
    CHECK_OK(process_info(process, &about));
    CHECK_EQ(about.state, cairn::kProcessExited);
    CHECK_EQ(about.exit_status, kKillStatus);
    CHECK_EQ(about.thread_count, 0u);
    DENY(process_kill(process, 1), kNotFound);
    DENY(cap_insert(child_slots, process), kNotFound);
    DENY(cap_obtain(ObjectType::kProcess, child, cairn::kAllRights, kQuota),
         kNotFound);  // waited for: no child any more
    CHECK_OK(cap_delete(process));
    CHECK_OK(cap_delete(child_slots));

    // Capabilities to oneself: a thread kills itself, then the process.
    CHECK_EQ(wait_child(spawn_child("objects_self_kill", &kQuota, 1)), kSelfKillStatus);
}

// Races with the kernel's own ending of a process: process_kill while the
// child starts threads as fast as it can, and memory_map into a child's
// space while the child exits (the reaper waits for the mapping call).
void races() {
    int killed = 0;
    for (int round = 0; round < kRaceRounds; ++round) {
        uint64_t child = spawn_child("objects_busy");
        Result process = cap_obtain(ObjectType::kProcess, child, cairn::kAllRights, kQuota);
        if (!CHECK_OK(process)) break;
        (void)thread_sleep(2 * kMillisecond * (round + 1));
        CHECK_OK(process_kill(process.value(), kKillStatus));
        killed += wait_child(child) == kKillStatus;
        CHECK_OK(cap_delete(process.value()));
    }
    CHECK_EQ(killed, kRaceRounds);

    int mapped_until_gone = 0;
    CapSlot memory = create(ObjectType::kMemory, kPage);
    for (int round = 0; round < kRaceRounds; ++round) {
        CapSlot endpoint = create(ObjectType::kEndpoint);
        CapSlot client_end = cap_copy(endpoint, kWrite | cairn::kRightGrant).value();
        CapSlot caps[] = {client_end, kQuota};  // its slot kChildQuota
        uint64_t child = spawn_child("objects_leaver", caps, 2, /*move=*/1);
        Message message = cairn::make_message();
        if (CHECK_OK(ipc_receive(endpoint, &message, 10 * kSecond)) &&
            CHECK_EQ(message.cap_count, 1u)) {
            Result mapped = cairn::Result{0};
            for (int tries = 0; tries < 100'000 && mapped.ok(); ++tries)
                mapped = memory_map_into(message.caps[0], memory, kPage, cairn::kMapRead);
            mapped_until_gone += mapped.status() == cairn::Status::kNotFound;
            CHECK_OK(cap_delete(message.caps[0]));
        }
        CHECK_EQ(wait_child(child), 0);
        CHECK_OK(cap_delete(endpoint));
    }
    CHECK_EQ(mapped_until_gone, kRaceRounds);
    CHECK_OK(cap_delete(memory));
}

}  // namespace

void run_objects() {
    denials = 0;
    {
        // Warm-up: what a process's first extra thread leaves behind for
        // good is not this case's to count.
        cairn::Thread warm_up;
        if (CHECK_OK(warm_up.start([] {}))) (void)warm_up.join();
    }
    Usage before = settled_usage();
    own_thread();
    own_process_and_spaces();
    control_child();
    kill_child();
    races();
    Usage after = settled_usage();
    CHECK_EQ(after.objects, before.objects);
    CHECK_EQ(after.unaccounted, before.unaccounted);
    printf(
        "objects: %d denials; a child's thread re-prioritised to %llu, pinned and killed through "
        "its capability; a child killed with status %lld and described after; cap_insert and "
        "memory_map into a child seen by it; %d kills of a busy child, %d maps racing an exit; "
        "kernel memory %s\n",
        denials, static_cast<unsigned long long>(kChildPriority),
        static_cast<long long>(kKillStatus), kRaceRounds, kRaceRounds,
        before == after ? "back to where it was" : "LEAKED");
}

// Sends the parent (slot 1) capabilities to a thread of its own and to its
// address space; checks what the parent did with them.
int child_objects_target() {
    constexpr CapSlot kEndpoint = 1;
    cairn::Thread spinner;
    Result started = spinner.start([] {
        for (int i = 0; i < 2000; ++i)
            (void)thread_sleep(5 * kMillisecond);
        return 1;  // not killed in 10 s
    });
    if (!started) return 10;
    Result thread =
        cap_obtain(ObjectType::kThread, started.value(), cairn::kAllRights, kChildQuota);
    Result space = cap_obtain(ObjectType::kAddressSpace, 0, cairn::kAllRights, kChildQuota);
    if (!thread || !space) return 11;
    Message message = cairn::make_message(1);
    cairn::put(message, TargetHello{started.value()});
    (void)cairn::attach_cap(message, thread.value(), /*move=*/true);
    (void)cairn::attach_cap(message, space.value(), /*move=*/true);
    if (!ipc_call(kEndpoint, &message, 10 * kSecond)) return 12;
    const TargetOrders* orders = cairn::get<TargetOrders>(message);
    if (orders == nullptr || orders->mapped_at == 0 || orders->inserted == 0) return 13;
    auto* bytes = reinterpret_cast<const volatile uint8_t*>(orders->mapped_at);
    for (uint64_t i = 0; i < kPage; ++i)
        if (bytes[i] != orders->pattern) return 14;
    cairn::CapInfo inserted{};
    if (!cap_info(orders->inserted, &inserted) || inserted.type != ObjectType::kNotification ||
        inserted.rights != (kRead | kWrite)) {
        return 15;
    }
    if (!ipc_notify(orders->inserted, 4) ||
        ipc_wait_notification(orders->inserted, cairn::kNoWait).raw != 4) {
        return 16;
    }
    if (spinner.join(5 * kSecond).raw != cairn::kThreadKilledStatus) return 17;
    return 0;
}

// Sleeps until killed (or gives up after 20 s).
int child_objects_sleeper() {
    for (int i = 0; i < 200; ++i)
        (void)thread_sleep(100 * kMillisecond);
    return 1;
}

// Starts short threads until killed (or gives up after 20 s).
int child_objects_busy() {
    uint64_t deadline = clock_monotonic() + 20 * kSecond;
    while (clock_monotonic() < deadline) {
        cairn::Thread worker;
        if (worker.start([] { (void)thread_yield(); })) (void)worker.join();
    }
    return 1;
}

// Sends the parent (slot 1) a capability to its address space and exits.
int child_objects_leaver() {
    constexpr CapSlot kEndpoint = 1;
    Result space = cap_obtain(ObjectType::kAddressSpace, 0, cairn::kAllRights, kChildQuota);
    if (!space) return 10;
    Message message = cairn::make_message(1);
    (void)cairn::attach_cap(message, space.value(), /*move=*/true);
    if (!ipc_send(kEndpoint, message, 10 * kSecond)) return 11;
    return 0;
}

// A thread kills itself through its own capability (thread_join reports
// it killed), then the process kills itself: it exits with kSelfKillStatus,
// never reaching its return.
int child_objects_self_kill() {
    cairn::Thread victim;
    Result started = victim.start([] {
        Result self = cap_obtain(ObjectType::kThread, 0, cairn::kAllRights, 1);
        if (!self || !thread_kill(self.value())) return 2;
        return 3;  // the kill lands on the way back to user mode: never here
    });
    if (!started || victim.join(5 * kSecond).raw != cairn::kThreadKilledStatus) return 20;
    Result process = cap_obtain(ObjectType::kProcess, 0, cairn::kAllRights, 1);
    if (!process || !process_kill(process.value(), kSelfKillStatus)) return 21;
    return 22;
}

}  // namespace ipctest
