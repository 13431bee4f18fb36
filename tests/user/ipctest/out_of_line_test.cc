// ool: out-of-line buffers copied once, from the sender's pinned pages
// straight into the receiver's buffer (kernel/ipc/out_of_line.h).
//   - receiver waiting first, and sender first: an unaligned buffer of
//     three pages and a bit arrives intact
//   - a reply with out-of-line bytes into the caller's room (ipc_reply and
//     ipc_reply_receive); a reply too big for the room: kOutOfRange for the
//     replier, the reply stays owed and a smaller one goes
//   - a sender buffer whose second page is unmapped: the sender gets
//     kBadAddress and the waiting receiver sees nothing of it (it waits on
//     and gets the next message, its room untouched past that one)
//   - the receiver's room unmapped by another thread while it waits: the
//     receiver's copy fails (kBadAddress, its Message untouched), the sender
//     is released with kOk (the message was taken)
//   - a sender killed while blocked with 1 MiB pinned: the queue is empty
//     after, and kernel memory is back where it was
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cairn/thread.h"
#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::Message;
using cairn::ObjectType;
using namespace cairn::sys;

constexpr uint64_t kPage = 4096;
constexpr uint64_t kOdd = 3 * kPage + 5;  // three pages and a bit
constexpr uint64_t kReadWrite = cairn::kMapRead | cairn::kMapWrite;
constexpr int64_t kKillStatus = 91;

uint8_t pattern(uint64_t index, uint8_t seed) {
    return static_cast<uint8_t>(index * 31 + seed + (index >> 12));
}

void fill_bytes(uint8_t* bytes, uint64_t length, uint8_t seed) {
    for (uint64_t index = 0; index < length; ++index)
        bytes[index] = pattern(index, seed);
}

uint64_t matching(const uint8_t* bytes, uint64_t length, uint8_t seed) {
    uint64_t good = 0;
    for (uint64_t index = 0; index < length; ++index)
        good += bytes[index] == pattern(index, seed);
    return good;
}

// Receiver first, then sender first; both with an unaligned buffer.
int both_orders(CapSlot endpoint) {
    auto* source = static_cast<uint8_t*>(malloc(kOdd + 200));
    auto* target = static_cast<uint8_t*>(malloc(kOdd + 200));
    int good = 0;
    for (int sender_first = 0; sender_first < 2; ++sender_first) {
        uint8_t seed = static_cast<uint8_t>(17 + sender_first);
        fill_bytes(source + 123, kOdd, seed);
        memset(target, 0, kOdd + 200);
        Message message = cairn::make_message(50 + sender_first);
        cairn::set_buffer(message, source + 123, kOdd);
        Message received = cairn::make_message();
        Result received_result{};
        Result sent_result{};
        cairn::Thread other;
        if (sender_first) {
            (void)other.start([&] { sent_result = ipc_send(endpoint, message, 5 * kSecond); });
            (void)thread_sleep(20 * kMillisecond);  // let it block first
            cairn::set_buffer(received, target + 77, kOdd + 100);
            received_result = ipc_receive(endpoint, &received, 5 * kSecond);
        } else {
            (void)other.start([&] {
                cairn::set_buffer(received, target + 77, kOdd + 100);
                received_result = ipc_receive(endpoint, &received, 5 * kSecond);
            });
            (void)thread_sleep(20 * kMillisecond);  // let it wait first
            sent_result = ipc_send(endpoint, message, 5 * kSecond);
        }
        (void)other.join();
        CHECK_OK(sent_result);
        CHECK_OK(received_result);
        CHECK_EQ(received.id, static_cast<uint64_t>(50 + sender_first));
        CHECK_EQ(received.buffer_length, kOdd);
        CHECK_EQ(matching(target + 77, kOdd, seed), kOdd);
        CHECK_EQ(target[76], 0);
        CHECK_EQ(target[77 + kOdd], 0);
        good += received_result.ok() && matching(target + 77, kOdd, seed) == kOdd;
    }
    free(source);
    free(target);
    return good;
}

// Replies carry out-of-line bytes into the caller's room.
int replies(CapSlot endpoint) {
    constexpr uint64_t kReplyBytes = 20000;
    auto* answer = static_cast<uint8_t*>(malloc(kReplyBytes));
    fill_bytes(answer, kReplyBytes, 5);
    // A call's buffer is both what it sends and its room for the reply:
    // the server takes the request's bytes into `inbox`.
    auto* inbox = static_cast<uint8_t*>(malloc(kReplyBytes + kPage));
    cairn::Thread server;
    (void)server.start([&] {
        Message request = cairn::make_message();
        cairn::set_buffer(request, inbox, kReplyBytes + kPage);
        if (!CHECK_OK(ipc_receive(endpoint, &request, 5 * kSecond))) return;
        // The caller's room is 1000 bytes: too small, the reply stays owed.
        Message reply = cairn::make_message(2);
        cairn::set_buffer(reply, answer, 2000);
        CHECK_STATUS(ipc_reply(0, reply), kOutOfRange);
        cairn::set_buffer(reply, answer, 1000);
        CHECK_OK(ipc_reply(0, reply));
        // The second call is answered by reply_receive, which then waits
        // for the third (inline) call and answers that with ipc_reply.
        request = cairn::make_message();
        cairn::set_buffer(request, inbox, kReplyBytes + kPage);
        if (!CHECK_OK(ipc_receive(endpoint, &request, 5 * kSecond))) return;
        reply = cairn::make_message(3);
        cairn::set_buffer(reply, answer, kReplyBytes);  // and room for the third call
        if (!CHECK_OK(ipc_reply_receive(endpoint, &reply, 5 * kSecond))) return;
        reply = cairn::make_message(4);
        CHECK_OK(ipc_reply(0, reply));
    });
    auto* room = static_cast<uint8_t*>(malloc(kReplyBytes + kPage));
    int good = 0;
    Message call = cairn::make_message(1);
    cairn::set_buffer(call, room, 1000);
    if (CHECK_OK(ipc_call(endpoint, &call, 5 * kSecond))) {
        CHECK_EQ(call.id, 2u);
        CHECK_EQ(call.buffer_length, 1000u);
        good += matching(room, 1000, 5) == 1000;
    }
    call = cairn::make_message(1);
    cairn::set_buffer(call, room + 1, kReplyBytes + 100);
    if (CHECK_OK(ipc_call(endpoint, &call, 5 * kSecond))) {
        CHECK_EQ(call.id, 3u);
        CHECK_EQ(call.buffer_length, kReplyBytes);
        good += matching(room + 1, kReplyBytes, 5) == kReplyBytes;
    }
    call = cairn::make_message(1);
    if (CHECK_OK(ipc_call(endpoint, &call, 5 * kSecond))) good += call.id == 4;
    (void)server.join();
    CHECK_EQ(good, 3);
    free(room);
    free(answer);
    free(inbox);
    return good;
}

// A sender buffer that faults on its second page.
void sender_fault(CapSlot endpoint) {
    Result region = as_map(0, 0, 2 * kPage, kReadWrite);
    if (!CHECK_OK(region)) return;
    auto* bad = reinterpret_cast<uint8_t*>(region.value());
    fill_bytes(bad, kPage, 9);
    CHECK_OK(as_unmap(0, region.value() + kPage, kPage));
    uint8_t good_bytes[100];
    fill_bytes(good_bytes, sizeof good_bytes, 3);
    auto* room = static_cast<uint8_t*>(malloc(2 * kPage));
    memset(room, 0xee, 2 * kPage);
    Message received = cairn::make_message();
    Result received_result{};
    cairn::Thread receiver;
    (void)receiver.start([&] {
        cairn::set_buffer(received, room, 2 * kPage);
        received_result = ipc_receive(endpoint, &received, 5 * kSecond);
    });
    (void)thread_sleep(20 * kMillisecond);
    Message message = cairn::make_message(7);
    cairn::set_buffer(message, bad + 100, kPage);  // crosses into the hole
    CHECK_STATUS(ipc_send(endpoint, message, 5 * kSecond), kBadAddress);
    Message next = cairn::make_message(8);
    cairn::set_buffer(next, good_bytes, sizeof good_bytes);
    CHECK_OK(ipc_send(endpoint, next, 5 * kSecond));
    (void)receiver.join();
    CHECK_OK(received_result);
    CHECK_EQ(received.id, 8u);
    CHECK_EQ(received.buffer_length, sizeof good_bytes);
    CHECK_EQ(matching(room, sizeof good_bytes, 3), sizeof good_bytes);
    uint64_t untouched = 0;
    for (uint64_t index = sizeof good_bytes; index < 2 * kPage; ++index)
        untouched += room[index] == 0xee;
    CHECK_EQ(untouched, 2 * kPage - sizeof good_bytes);
    CHECK_OK(as_unmap(0, region.value(), kPage));
    free(room);
}

// The receiver's room goes while it waits.
void receiver_room_unmapped(CapSlot endpoint) {
    Result region = as_map(0, 0, 2 * kPage, kReadWrite);
    if (!CHECK_OK(region)) return;
    memset(reinterpret_cast<void*>(region.value()), 0, 2 * kPage);
    Message received = cairn::make_message(0x5555);
    Result received_result{};
    cairn::Thread receiver;
    (void)receiver.start([&] {
        cairn::set_buffer(received, reinterpret_cast<void*>(region.value()), 2 * kPage);
        received_result = ipc_receive(endpoint, &received, 5 * kSecond);
    });
    (void)thread_sleep(20 * kMillisecond);
    CHECK_OK(as_unmap(0, region.value(), 2 * kPage));
    auto* source = static_cast<uint8_t*>(malloc(2 * kPage));
    fill_bytes(source, 2 * kPage, 1);
    Message message = cairn::make_message(9);
    cairn::set_buffer(message, source, 2 * kPage);
    CHECK_OK(ipc_send(endpoint, message, 5 * kSecond));
    (void)receiver.join();
    CHECK_STATUS(received_result, kBadAddress);
    CHECK_EQ(received.id, 0x5555u);  // the Message itself was not written
    Message left = cairn::make_message();
    CHECK_STATUS(ipc_receive(endpoint, &left, cairn::kNoWait), kWouldBlock);
    free(source);
}

// A child blocks sending 1 MiB and is killed.
void sender_killed(CapSlot endpoint) {
    Usage before = settled_usage();
    CapSlot send_end = cap_copy(endpoint, cairn::kRightWrite | cairn::kRightGrant).value();
    uint64_t child = spawn_child("ool_sender", &send_end, 1, /*move=*/1);
    Result obtained =
        cap_obtain(ObjectType::kProcess, child, cairn::kAllRights, cairn::kInitQuotaSlot);
    if (!CHECK_OK(obtained)) {
        (void)wait_child(child);
        return;
    }
    (void)thread_sleep(200 * kMillisecond);  // it maps, fills and blocks
    CHECK_OK(process_kill(obtained.value(), kKillStatus));
    CHECK_EQ(wait_child(child), kKillStatus);
    CHECK_OK(cap_delete(obtained.value()));
    Message left = cairn::make_message();
    CHECK_STATUS(ipc_receive(endpoint, &left, cairn::kNoWait), kWouldBlock);
    Usage after = settled_usage();
    CHECK_EQ(after.objects, before.objects);
    CHECK_EQ(after.unaccounted, before.unaccounted);
}

}  // namespace

int child_ool_sender() {
    constexpr CapSlot kEndpoint = 1;
    auto* bytes = static_cast<uint8_t*>(malloc(cairn::kMaxOutOfLineBytes));
    memset(bytes, 0x42, cairn::kMaxOutOfLineBytes);
    Message message = cairn::make_message(1);
    cairn::set_buffer(message, bytes, cairn::kMaxOutOfLineBytes);
    (void)ipc_send(kEndpoint, message, cairn::kForever);  // killed in there
    return 1;
}

void run_out_of_line() {
    {
        cairn::Thread warm_up;  // what a first extra thread leaves for good
        if (CHECK_OK(warm_up.start([] {}))) (void)warm_up.join();
    }
    CapSlot endpoint = create(ObjectType::kEndpoint);
    int orders = both_orders(endpoint);
    int answered = replies(endpoint);
    sender_fault(endpoint);
    receiver_room_unmapped(endpoint);
    sender_killed(endpoint);
    CHECK_OK(cap_delete(endpoint));
    printf(
        "ool: %d of 2 orders intact, %d of 3 out-of-line replies, sender fault and unmapped "
        "room refused, killed sender's pins released\n",
        orders, answered);
}

}  // namespace ipctest
