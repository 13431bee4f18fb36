// parked: the IPC fast path's parked threads (kernel/ipc/parking.cc). A
// client and a server calling each other from their IPC buffers with no
// deadline, on one CPU, park on every round trip; this case makes each way a
// parked thread can be resumed happen and checks what arrives:
//   - 2000 fast round trips, every request and reply with its own bytes and
//     length (0..64); thread_info's ipc_parked counts them on both sides
//   - a capability sent to the parked server (the slow path wakes it): it
//     arrives and names the object sent
//   - the client parked in a fast call, answered by a slow-path reply that
//     carries the capability back
//   - the parked server's process killed: it ends at once, with the status
//   - a client parked in a call held by the server, its process killed: it
//     ends at once and the server's reply answers kPeerGone
//   - the fast path's cached lookup of the endpoint slot (kernel/cap
//     find_cached_masked) goes stale: the slot deleted, refilled with
//     another object, refilled with fewer rights - each next fast call is
//     refused with the right error instead of reaching the server
#include <stdio.h>

#include "cairn/thread.h"
#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::Message;
using cairn::ObjectType;
using cairn::Status;
using namespace cairn::sys;

constexpr uint64_t kEcho = 100;      // answer id + 1, each byte + 1
constexpr uint64_t kTakeCap = 200;   // keep the capability; data[0] = 1 if a notification
constexpr uint64_t kGiveBack = 300;  // answer with the kept capability (moved)
constexpr uint64_t kQuitServer = 999;
constexpr int kRounds = 2000;

// Everyone in this case runs on CPU 0: the fast path switches only to a
// partner that last ran on the calling CPU.
void pin_to_cpu0() {
    (void)thread_set_affinity(0, 1);
    (void)thread_yield();
}

uint64_t parked_calls() {
    cairn::ThreadInfo info{};
    (void)thread_info(0, &info);
    return info.ipc_parked;
}

uint8_t byte_of(int round, uint32_t index) {
    return static_cast<uint8_t>(round * 7 + index);
}

// One echo round trip of `length` bytes from the IPC buffer; true if the
// reply is the request's bytes + 1 with the same length.
bool echo_round(CapSlot endpoint, int round, uint32_t length, uint64_t timeout) {
    Message& message = *cairn::ipc_buffer();
    message = cairn::make_message(kEcho);
    message.data_length = length;
    for (uint32_t i = 0; i < length; ++i)
        message.data[i] = byte_of(round, i);
    if (!CHECK_OK(ipc_call(endpoint, &message, timeout))) return false;
    bool intact = message.id == kEcho + 1 && message.data_length == length;
    for (uint32_t i = 0; i < length && intact; ++i)
        intact = message.data[i] == static_cast<uint8_t>(byte_of(round, i) + 1);
    return intact;
}

void kill_child(uint64_t child, int64_t status) {
    Result process =
        cap_obtain(ObjectType::kProcess, child, cairn::kAllRights, cairn::kInitQuotaSlot);
    if (!CHECK_OK(process)) return;
    CHECK_OK(process_kill(process.value(), status));
    CHECK_EQ(wait_child(child), status);
    CHECK_OK(cap_delete(process.value()));
}

// The capability goes to the parked server and comes back to the parked
// client; true if it is the object sent.
bool capability_round_trip(CapSlot endpoint) {
    CapSlot token = create(ObjectType::kNotification);
    uint64_t token_id = info(token).object_id;
    Message& message = *cairn::ipc_buffer();
    message = cairn::make_message(kTakeCap);
    cairn::attach_cap(message, token, /*move=*/true);
    if (!CHECK_OK(ipc_call(endpoint, &message, 10 * kSecond))) return false;
    CHECK_EQ(message.id, kTakeCap + 1);
    CHECK_EQ(message.data[0], 1);
    message = cairn::make_message(kGiveBack);
    if (!CHECK_OK(ipc_call(endpoint, &message, cairn::kForever))) return false;
    if (!CHECK_EQ(message.cap_count, 1u)) return false;
    bool same = info(message.caps[0]).object_id == token_id;
    CHECK_OK(cap_delete(message.caps[0]));
    return same;
}

// The slot the client's fast calls went through changes under its cached
// lookup; returns how many of the three changes the next call refused as
// it should.
int stale_slot_refusals(CapSlot endpoint) {
    int refused = 0;
    // A thread whose cache holds nothing yet, calling slot 0 and an empty
    // slot from its IPC buffer (the fast path's first lookup).
    cairn::Thread fresh;
    Status first = Status::kOk, second = Status::kOk;
    CHECK_OK(fresh.start([&first, &second] {
        Message& message = *cairn::ipc_buffer();
        message = cairn::make_message(kEcho);
        first = ipc_call(cairn::kNullSlot, &message, cairn::kForever).status();
        message = cairn::make_message(kEcho);
        second = ipc_call(4000, &message, cairn::kForever).status();
    }));
    CHECK_OK(fresh.join());
    CHECK(first == Status::kNoCapability);
    CHECK(second == Status::kNoCapability);
    CapSlot alias = cap_copy(endpoint, cairn::kRightWrite | cairn::kRightDelete).value();
    for (int round = 0; round < 4; ++round)
        CHECK(echo_round(alias, round, 8, cairn::kForever));  // cached: the alias
    Message& message = *cairn::ipc_buffer();
    CHECK_OK(cap_delete(alias));
    message = cairn::make_message(kEcho);
    refused += CHECK_STATUS(ipc_call(alias, &message, cairn::kForever), kNoCapability);

    CapSlot other = create(ObjectType::kNotification);  // the lowest empty slot: the alias's
    CHECK_EQ(other, alias);
    message = cairn::make_message(kEcho);
    refused += CHECK_STATUS(ipc_call(alias, &message, cairn::kForever), kWrongType);
    CHECK_OK(cap_delete(other));

    CHECK_EQ(cap_copy(endpoint, cairn::kRightWrite | cairn::kRightDelete).value(), alias);
    CHECK(echo_round(alias, 0, 8, cairn::kForever));  // cached again, with WRITE
    CHECK_OK(cap_delete(alias));
    CHECK_EQ(cap_copy(endpoint, cairn::kRightRead | cairn::kRightDelete).value(), alias);
    message = cairn::make_message(kEcho);
    refused += CHECK_STATUS(ipc_call(alias, &message, cairn::kForever), kMissingRights);
    CHECK_OK(cap_delete(alias));
    return refused;
}

}  // namespace

void run_parked() {
    uint64_t quota_before = info(cairn::kInitQuotaSlot).size;
    pin_to_cpu0();
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot server_end = cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    uint64_t server = spawn_child("parked_server", &server_end, 1, /*move=*/1);

    uint64_t parked_before = parked_calls();
    int intact = 0;
    for (int round = 0; round < kRounds; ++round) {
        uint32_t length = round % 16 == 0 ? 0 : static_cast<uint32_t>(1 + round % 64);
        // The first call waits for the server to start; then no deadline.
        if (!echo_round(endpoint, round, length, round == 0 ? 10 * kSecond : cairn::kForever))
            break;
        ++intact;
    }
    CHECK_EQ(intact, kRounds);
    uint64_t parked = parked_calls() - parked_before;
    // Every call after the first few (the server has to get parked once).
    CHECK(parked >= kRounds - 4);

    bool capability_back = capability_round_trip(endpoint);
    CHECK(capability_back);
    int refusals = stale_slot_refusals(endpoint);
    CHECK_EQ(refusals, 3);

    // Parked again (a few fast rounds), then killed where it waits.
    for (int round = 0; round < 4; ++round)
        CHECK(echo_round(endpoint, round, 64, cairn::kForever));
    kill_child(server, 55);
    Message& message = *cairn::ipc_buffer();
    message = cairn::make_message(kEcho);
    CHECK_STATUS(ipc_call(endpoint, &message, 100 * kMillisecond), kTimedOut);

    // A client parked in a call we hold, killed.
    CapSlot client_end = cap_copy(endpoint, cairn::kRightWrite | cairn::kRightGrant).value();
    uint64_t client = spawn_child("parked_client", &client_end, 1, /*move=*/1);
    message = cairn::make_message();
    if (CHECK_OK(ipc_receive(endpoint, &message, 10 * kSecond))) {
        CHECK(cairn::is_call(message));
        kill_child(client, 66);
        Message reply = cairn::make_message(1);
        CHECK_STATUS(ipc_reply(0, reply), kPeerGone);
    }
    CHECK_OK(cap_delete(endpoint));
    (void)thread_set_affinity(0, 0);  // any CPU again
    CHECK_EQ(info(cairn::kInitQuotaSlot).size, quota_before);
    printf(
        "parked: %d of %d fast round trips intact (%llu parked calls), a capability in through "
        "the parked server and back to the parked client %s, %d of 3 stale slots refused, "
        "killed parked server and client ended\n",
        intact, kRounds, static_cast<unsigned long long>(parked),
        capability_back ? "intact" : "LOST", refusals);
}

// Serves slot 1 from its IPC buffer: kEcho, kTakeCap, kGiveBack, kQuitServer.
int child_parked_server() {
    pin_to_cpu0();
    constexpr CapSlot kEndpoint = 1;
    Message& message = *cairn::ipc_buffer();
    message = cairn::make_message();
    if (!ipc_receive(kEndpoint, &message, 10 * kSecond)) return 1;
    CapSlot kept = cairn::kNullSlot;
    for (;;) {
        uint64_t id = message.id;
        if (id == kQuitServer) return 0;
        if (id == kEcho) {
            uint32_t length = message.data_length;
            for (uint32_t i = 0; i < length; ++i)
                message.data[i] = static_cast<uint8_t>(message.data[i] + 1);
            message.id = kEcho + 1;
            message.cap_count = 0;
        } else if (id == kTakeCap) {
            bool notification =
                message.cap_count == 1 && info(message.caps[0]).type == ObjectType::kNotification;
            kept = notification ? message.caps[0] : cairn::kNullSlot;
            message = cairn::make_message(kTakeCap + 1);
            message.data_length = 1;
            message.data[0] = notification ? 1 : 0;
        } else if (id == kGiveBack) {
            message = cairn::make_message(kGiveBack + 1);
            if (kept != cairn::kNullSlot) cairn::attach_cap(message, kept, /*move=*/true);
            kept = cairn::kNullSlot;
        } else {
            return 2;
        }
        message.buffer = 0;
        message.buffer_length = 0;
        if (!ipc_reply_receive(kEndpoint, &message)) return 3;
    }
}

// Calls slot 1 from its IPC buffer and waits for an answer that never comes.
int child_parked_client() {
    pin_to_cpu0();
    Message& message = *cairn::ipc_buffer();
    message = cairn::make_message(kEcho);
    (void)ipc_call(1, &message, cairn::kForever);
    return 1;  // killed before
}

}  // namespace ipctest
