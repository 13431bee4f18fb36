// notify: notification words under concurrency on 4 CPUs.
//   - bits OR together, a wait returns and clears them; kWouldBlock,
//     kTimedOut, bit 63 refused
//   - ping-pong: 4 threads pinned to CPUs 0-3 each signal their bit 2000
//     times and wait for an acknowledgement each time: every signal arrives
//     (a lost wakeup would time out)
//   - 60 distinct bits set at once from 4 CPUs all arrive
//   - a notification bound to a thread ends its ipc_receive with
//     kMessageFlagNotification and the bits in the badge
#include <stdio.h>

#include "cairn/thread.h"
#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::Message;
using cairn::ObjectType;
using namespace cairn::sys;

constexpr int kThreads = 4;
constexpr uint64_t kRounds = 2000;

void check_basics() {
    CapSlot word = create(ObjectType::kNotification);
    CHECK_OK(ipc_notify(word, 0b001));
    CHECK_OK(ipc_notify(word, 0b100));
    CHECK_EQ(ipc_wait_notification(word, cairn::kNoWait).raw, 0b101);
    CHECK_STATUS(ipc_wait_notification(word, cairn::kNoWait), kWouldBlock);
    CHECK_STATUS(ipc_wait_notification(word, 5 * kMillisecond), kTimedOut);
    CHECK_STATUS(ipc_notify(word, uint64_t{1} << 63), kInvalidArgument);
    CapSlot reader = cap_copy(word, cairn::kRightRead | cairn::kRightDelete).value();
    CHECK_STATUS(ipc_notify(reader, 1), kMissingRights);
    CapSlot writer = cap_copy(word, cairn::kRightWrite | cairn::kRightDelete).value();
    CHECK_STATUS(ipc_wait_notification(writer, cairn::kNoWait), kMissingRights);
    CHECK_OK(cap_delete(word));  // its children move up; the object lives on
    CHECK_OK(ipc_notify(writer, 2));
    CHECK_EQ(ipc_wait_notification(reader, cairn::kNoWait).raw, 2);
    CHECK_OK(cap_delete(reader));
    CHECK_OK(cap_delete(writer));
}

struct PingPong {
    CapSlot signals = 0;
    CapSlot acks[kThreads] = {};
    uint64_t counts[kThreads] = {};
    uint64_t cpus_seen = 0;
};

uint64_t ping_pong() {
    PingPong state;
    state.signals = create(ObjectType::kNotification);
    for (CapSlot& ack : state.acks)
        ack = create(ObjectType::kNotification);
    cairn::Thread threads[kThreads];
    for (int index = 0; index < kThreads; ++index) {
        cairn::ThreadOptions options;
        options.cpu_mask = uint64_t{1} << index;
        (void)threads[index].start(
            [&state, index] {
                cairn::ThreadInfo self{};
                for (uint64_t round = 0; round < kRounds; ++round) {
                    if (!CHECK_OK(ipc_notify(state.signals, uint64_t{1} << index))) return;
                    if (!CHECK_EQ(ipc_wait_notification(state.acks[index], 10 * kSecond).raw, 1))
                        return;
                }
                (void)thread_info(0, &self);
                __atomic_or_fetch(&state.cpus_seen, uint64_t{1} << self.last_cpu, __ATOMIC_RELAXED);
            },
            options);
    }
    uint64_t total = 0;
    while (total < kThreads * kRounds) {
        Result bits = ipc_wait_notification(state.signals, 10 * kSecond);
        if (!CHECK_OK(bits)) break;
        for (int index = 0; index < kThreads; ++index) {
            if ((bits.value() & (uint64_t{1} << index)) == 0) continue;
            ++state.counts[index];
            ++total;
            CHECK_OK(ipc_notify(state.acks[index], 1));
        }
    }
    for (cairn::Thread& thread : threads)
        (void)thread.join();
    for (uint64_t count : state.counts)
        CHECK_EQ(count, kRounds);
    CHECK_EQ(state.cpus_seen, 0b1111u);
    CHECK_OK(cap_delete(state.signals));
    for (CapSlot ack : state.acks)
        CHECK_OK(cap_delete(ack));
    return total;
}

uint64_t many_bits() {
    CapSlot word = create(ObjectType::kNotification);
    cairn::Thread threads[kThreads];
    for (int index = 0; index < kThreads; ++index) {
        cairn::ThreadOptions options;
        options.cpu_mask = uint64_t{1} << index;
        (void)threads[index].start(
            [word, index] {
                for (int bit = 0; bit < 15; ++bit)
                    CHECK_OK(ipc_notify(word, uint64_t{1} << (index * 15 + bit)));
            },
            options);
    }
    uint64_t seen = 0;
    constexpr uint64_t kAll = (uint64_t{1} << 60) - 1;
    while (seen != kAll) {
        Result bits = ipc_wait_notification(word, 10 * kSecond);
        if (!CHECK_OK(bits)) break;
        seen |= bits.value();
    }
    for (cairn::Thread& thread : threads)
        (void)thread.join();
    CHECK_EQ(seen, kAll);
    CHECK_OK(cap_delete(word));
    return seen;
}

void bound_notification() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot word = create(ObjectType::kNotification);
    CHECK_STATUS(ipc_bind_notification(endpoint), kWrongType);
    CHECK_OK(ipc_bind_notification(word));
    cairn::Thread signaller;
    (void)signaller.start([&] {
        (void)thread_sleep(10 * kMillisecond);
        CHECK_OK(ipc_notify(word, 0x30));
        (void)thread_sleep(10 * kMillisecond);
        Message message = cairn::make_message(77);
        CHECK_OK(ipc_send(endpoint, message, 5 * kSecond));
    });
    Message message = cairn::make_message();
    CHECK_OK(ipc_receive(endpoint, &message, 5 * kSecond));
    CHECK(cairn::is_notification(message));
    CHECK_EQ(message.badge, 0x30u);
    message = cairn::make_message();
    CHECK_OK(ipc_receive(endpoint, &message, 5 * kSecond));
    CHECK_EQ(message.id, 77u);
    CHECK(!cairn::is_notification(message));
    (void)signaller.join();
    CHECK_OK(ipc_bind_notification(0));
    CHECK_OK(ipc_notify(word, 1));
    CHECK_STATUS(ipc_receive(endpoint, &message, cairn::kNoWait), kWouldBlock);  // unbound
    CHECK_OK(cap_delete(word));
    CHECK_OK(cap_delete(endpoint));
}

}  // namespace

void run_notify() {
    uint64_t quota_before = info(cairn::kInitQuotaSlot).size;
    check_basics();
    uint64_t signals = ping_pong();
    uint64_t bits = many_bits();
    bound_notification();
    CHECK_EQ(info(cairn::kInitQuotaSlot).size, quota_before);
    printf(
        "notify: %llu signals from 4 CPUs each acknowledged, %d of 60 concurrent bits "
        "arrived, bound notification woke ipc_receive\n",
        static_cast<unsigned long long>(signals), __builtin_popcountll(bits));
}

}  // namespace ipctest
