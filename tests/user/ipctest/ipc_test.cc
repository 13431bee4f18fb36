// ipc: synchronous IPC between threads and between processes.
//   - send/receive with badges, kNoWait (kWouldBlock) and deadlines
//     (kTimedOut), malformed messages
//   - call/reply, reply_recv, saved replies, reply with none owed
//   - capability transfer (copy and move; GRANT needed)
//   - out-of-line buffers at kMaxOutOfLineBytes, past it, and too big for
//     the receiver (kOutOfRange on both sides)
//   - 200 calls to a server in another process (slow and fast path)
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

constexpr uint64_t kQuit = 0xdead;

void fill(Message& message, uint8_t seed) {
    uint8_t bytes[cairn::kMessageDataBytes];
    for (size_t index = 0; index < sizeof bytes; ++index)
        bytes[index] = static_cast<uint8_t>(seed + index * 7);
    cairn::put_bytes(message, bytes, sizeof bytes);
}

bool filled_with(const Message& message, uint8_t seed) {
    if (message.data_length != cairn::kMessageDataBytes) return false;
    for (size_t index = 0; index < cairn::kMessageDataBytes; ++index)
        if (message.data[index] != static_cast<uint8_t>(seed + index * 7)) return false;
    return true;
}

void check_send_receive(CapSlot endpoint) {
    Message message = cairn::make_message();
    CHECK_STATUS(ipc_receive(endpoint, &message, cairn::kNoWait), kWouldBlock);
    CHECK_STATUS(ipc_send(endpoint, message, cairn::kNoWait), kWouldBlock);
    uint64_t start = clock_monotonic();
    CHECK_STATUS(ipc_receive(endpoint, &message, 10 * kMillisecond), kTimedOut);
    CHECK(clock_monotonic() - start >= 10 * kMillisecond);
    CHECK_STATUS(ipc_send(endpoint, message, 5 * kMillisecond), kTimedOut);
    CHECK_STATUS(ipc_call(endpoint, &message, cairn::kNoWait), kWouldBlock);
    CHECK_STATUS(ipc_call(endpoint, &message, 5 * kMillisecond), kTimedOut);

    CapSlot badged = cap_derive(endpoint, cairn::kRightWrite | cairn::kRightDelete, 0x1234).value();
    cairn::Thread sender;
    (void)sender.start([badged] {
        for (uint8_t round = 0; round < 10; ++round) {
            Message out = cairn::make_message(100 + round);
            fill(out, round);
            CHECK_OK(ipc_send(badged, out, 5 * kSecond));
        }
    });
    int good = 0;
    for (uint8_t round = 0; round < 10; ++round) {
        Message in = cairn::make_message();
        if (!CHECK_OK(ipc_receive(endpoint, &in, 5 * kSecond))) break;
        good += in.id == 100u + round && in.badge == 0x1234 && in.flags == 0 &&
                filled_with(in, round) && in.cap_count == 0;
    }
    CHECK_EQ(good, 10);
    (void)sender.join();
    CHECK_OK(cap_delete(badged));

    Message bad = cairn::make_message(1);
    bad.data_length = cairn::kMessageDataBytes + 1;
    CHECK_STATUS(ipc_send(endpoint, bad, cairn::kNoWait), kInvalidArgument);
    bad = cairn::make_message(1);
    bad.cap_count = cairn::kMessageCaps + 1;
    CHECK_STATUS(ipc_send(endpoint, bad, cairn::kNoWait), kInvalidArgument);
    CHECK_STATUS(call(cairn::Syscall::kIpcSend, endpoint, 16, cairn::kNoWait), kBadAddress);
    CHECK_STATUS(call(cairn::Syscall::kIpcReceive, endpoint, 0, cairn::kNoWait), kBadAddress);
}

// A server thread answers calls with ipc_reply, then with reply_recv; a
// third kind keeps the reply (ipc_save_reply) and answers it later.
void check_call_reply(CapSlot endpoint) {
    Message nothing = cairn::make_message();
    CHECK_STATUS(ipc_reply(0, nothing), kNotFound);
    cairn::Thread server;
    (void)server.start([endpoint] {
        Message message = cairn::make_message();
        for (int round = 0; round < 20; ++round) {  // receive + reply
            if (!CHECK_OK(ipc_receive(endpoint, &message, 5 * kSecond))) return;
            CHECK(cairn::is_call(message));
            uint8_t seed = message.data[0];
            message = cairn::make_message(message.id + 1);
            fill(message, static_cast<uint8_t>(seed + 1));
            CHECK_OK(ipc_reply(0, message));
        }
        CHECK_STATUS(ipc_reply(0, message), kNotFound);  // answered already
        if (!CHECK_OK(ipc_receive(endpoint, &message, 5 * kSecond))) return;
        while (message.id != kQuit) {  // reply_recv
            uint8_t seed = message.data[0];
            message = cairn::make_message(message.id + 1);
            fill(message, static_cast<uint8_t>(seed + 1));
            if (!CHECK_OK(ipc_reply_receive(endpoint, &message))) return;
        }
        Result saved = ipc_save_reply(cairn::kInitQuotaSlot);  // the kQuit call: answer it later
        if (!CHECK_OK(saved)) return;
        CHECK_EQ(static_cast<uint64_t>(info(saved.value()).type),
                 static_cast<uint64_t>(ObjectType::kReply));
        (void)thread_sleep(5 * kMillisecond);
        message = cairn::make_message(kQuit + 1);
        CHECK_OK(ipc_reply(saved.value(), message));
        CHECK_STATUS(ipc_reply(saved.value(), message), kNotFound);  // one-shot: spent
        CHECK_OK(cap_delete(saved.value()));
    });
    int good = 0;
    for (int round = 0; round < 60; ++round) {
        Message message = cairn::make_message(round * 2);
        fill(message, static_cast<uint8_t>(round));
        if (!CHECK_OK(ipc_call(endpoint, &message, round < 20 ? 5 * kSecond : cairn::kForever)))
            break;
        good += message.id == static_cast<uint64_t>(round * 2 + 1) &&
                filled_with(message, static_cast<uint8_t>(round + 1)) && message.badge == 0;
    }
    CHECK_EQ(good, 60);
    Message quit = cairn::make_message(kQuit);
    CHECK_OK(ipc_call(endpoint, &quit, 5 * kSecond));
    CHECK_EQ(quit.id, kQuit + 1);
    (void)server.join();
}

// Capabilities in a message: a copy (the sender keeps its own) and a move
// (the sender's slot is emptied); without GRANT the send fails.
void check_cap_transfer(CapSlot endpoint) {
    CapSlot kept = create(ObjectType::kNotification);
    CapSlot moved = create(ObjectType::kNotification);
    CapSlot no_grant = cap_copy(kept, cairn::kRightRead | cairn::kRightWrite).value();
    uint64_t kept_id = info(kept).object_id, moved_id = info(moved).object_id;
    Message received = cairn::make_message();
    cairn::Thread receiver;
    (void)receiver.start([&] { CHECK_OK(ipc_receive(endpoint, &received, 5 * kSecond)); });
    Message denied = cairn::make_message(1);
    cairn::attach_cap(denied, no_grant);
    CHECK_STATUS(ipc_send(endpoint, denied, 5 * kSecond), kMissingRights);
    Message message = cairn::make_message(2);
    cairn::attach_cap(message, kept);
    cairn::attach_cap(message, moved, /*move=*/true);
    CHECK_OK(ipc_send(endpoint, message, 5 * kSecond));
    (void)receiver.join();
    CHECK_EQ(received.id, 2u);
    CHECK_EQ(received.cap_count, 2u);
    cairn::CapInfo answer{};
    CHECK_STATUS(cap_info(moved, &answer), kNoCapability);
    CHECK_STATUS(cap_info(kept, &answer), kOk);
    CHECK_EQ(info(received.caps[0]).object_id, kept_id);
    CHECK_EQ(info(received.caps[1]).object_id, moved_id);
    CHECK_EQ(static_cast<uint64_t>(info(received.caps[1]).type),
             static_cast<uint64_t>(ObjectType::kNotification));
    // The copy is a child of `kept`: revoking kept removes it.
    CHECK_OK(cap_revoke(kept));
    CHECK_STATUS(cap_info(received.caps[0], &answer), kNoCapability);
    CHECK_OK(ipc_notify(received.caps[1], 1));  // the moved one works
    CHECK_EQ(ipc_wait_notification(received.caps[1], cairn::kNoWait).raw, 1);
    CHECK_OK(cap_delete(kept));
    CHECK_OK(cap_delete(received.caps[1]));

    // A reply carries a capability back to the caller.
    cairn::Thread server;
    (void)server.start([endpoint] {
        Message request = cairn::make_message();
        if (!CHECK_OK(ipc_receive(endpoint, &request, 5 * kSecond))) return;
        Message reply = cairn::make_message(9);
        cairn::attach_cap(reply, create(ObjectType::kNotification), /*move=*/true);
        CHECK_OK(ipc_reply(0, reply));
    });
    Message request = cairn::make_message(8);
    CHECK_OK(ipc_call(endpoint, &request, 5 * kSecond));
    (void)server.join();
    CHECK_EQ(request.id, 9u);
    CHECK_EQ(request.cap_count, 1u);
    CHECK_EQ(static_cast<uint64_t>(info(request.caps[0]).type),
             static_cast<uint64_t>(ObjectType::kNotification));
    CHECK_OK(cap_delete(request.caps[0]));
}

// Out-of-line buffers: exactly kMaxOutOfLineBytes arrives intact; one byte
// more is refused (kOutOfRange, a length past the limit); a receiver with too little room fails and
// so does the sender (kOutOfRange), and nothing is delivered.
uint64_t check_out_of_line(CapSlot endpoint) {
    constexpr uint64_t kLimit = cairn::kMaxOutOfLineBytes;
    auto* source = static_cast<uint8_t*>(malloc(kLimit + 1));
    auto* target = static_cast<uint8_t*>(malloc(kLimit));
    for (uint64_t index = 0; index <= kLimit; ++index)
        source[index] = static_cast<uint8_t>(index * 13 + (index >> 12));
    memset(target, 0, kLimit);

    Message past = cairn::make_message(1);
    cairn::set_buffer(past, source, kLimit + 1);
    CHECK_STATUS(ipc_send(endpoint, past, cairn::kNoWait), kOutOfRange);

    Message received = cairn::make_message();
    cairn::Thread receiver;
    (void)receiver.start([&] {
        cairn::set_buffer(received, target, kLimit);
        CHECK_OK(ipc_receive(endpoint, &received, 5 * kSecond));
    });
    Message message = cairn::make_message(3);
    cairn::set_buffer(message, source, kLimit);
    CHECK_OK(ipc_send(endpoint, message, 5 * kSecond));
    (void)receiver.join();
    CHECK_EQ(received.buffer_length, kLimit);
    uint64_t matching = 0;
    for (uint64_t index = 0; index < kLimit; ++index)
        matching += target[index] == source[index];
    CHECK_EQ(matching, kLimit);

    Result receiver_result{};
    cairn::Thread small;
    (void)small.start([&] {
        Message room = cairn::make_message();
        cairn::set_buffer(room, target, 4096);
        receiver_result = ipc_receive(endpoint, &room, 5 * kSecond);
    });
    (void)thread_sleep(10 * kMillisecond);  // let it wait first
    Message big = cairn::make_message(4);
    cairn::set_buffer(big, source, 8192);
    CHECK_STATUS(ipc_send(endpoint, big, 5 * kSecond), kOutOfRange);
    (void)small.join();
    CHECK_STATUS(receiver_result, kOutOfRange);
    Message left = cairn::make_message();
    CHECK_STATUS(ipc_receive(endpoint, &left, cairn::kNoWait), kWouldBlock);
    free(source);
    free(target);
    return matching;
}

// 200 calls to bin/ipctest child:echo_server, which answers id + 1 and the
// data bytes + 1; kQuit ends it. The server waits in reply_recv without a
// deadline, and so do the last 100 calls: the kernel's fast path (inline
// messages, kForever, receiver waiting) serves those; the first 100 with a
// deadline take the slow path.
int check_other_process() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot server_end = cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    uint64_t child = spawn_child("echo_server", &server_end, 1, /*move=*/1);
    int good = 0;
    for (int round = 0; round < 200; ++round) {
        Message message = cairn::make_message(round);
        fill(message, static_cast<uint8_t>(round));
        if (!CHECK_OK(ipc_call(endpoint, &message, round < 100 ? 5 * kSecond : cairn::kForever)))
            break;
        good += message.id == static_cast<uint64_t>(round + 1) &&
                filled_with(message, static_cast<uint8_t>(round + 1));
    }
    CHECK_EQ(good, 200);
    Message quit = cairn::make_message(kQuit);
    CHECK_OK(ipc_send(endpoint, quit, 5 * kSecond));
    CHECK_EQ(wait_child(child), 0);
    CHECK_OK(cap_delete(endpoint));
    return good;
}

}  // namespace

uint64_t quota_left() {
    return info(cairn::kInitQuotaSlot).size;
}

void run_ipc() {
    uint64_t quota_before = quota_left();
    CapSlot endpoint = create(ObjectType::kEndpoint);
    check_send_receive(endpoint);
    check_call_reply(endpoint);
    check_cap_transfer(endpoint);
    uint64_t bytes = check_out_of_line(endpoint);
    CHECK_OK(cap_delete(endpoint));
    // Every object made here is gone again: its quota charge came back.
    CHECK_EQ(quota_left(), quota_before);
    int calls = check_other_process();
    CHECK_EQ(quota_left(), quota_before);
    printf(
        "ipc: 10 badged sends, 61 calls in-process, 3 caps moved/copied, %llu out-of-line "
        "bytes intact, %d calls to another process\n",
        static_cast<unsigned long long>(bytes), calls);
}

int child_echo_server() {
    constexpr CapSlot kEndpoint = 1;
    Message message = cairn::make_message();
    if (!ipc_receive(kEndpoint, &message, 10 * kSecond)) return 1;
    while (message.id != kQuit) {
        uint8_t seed = message.data[0];
        message = cairn::make_message(message.id + 1);
        fill(message, static_cast<uint8_t>(seed + 1));
        if (!ipc_reply_receive(kEndpoint, &message)) return 2;
    }
    return 0;
}

}  // namespace ipctest
