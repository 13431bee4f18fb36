// peer: a partner that goes away never leaves the other side hanging.
//   - a server process that exits while owing a reply: the caller gets
//     kPeerGone
//   - a caller process that exits while the server holds its call: the
//     server's reply gets kPeerGone
//   - a thread waiting in ipc_receive when the endpoint's last capability is
//     deleted: kPeerGone
#include <stdio.h>

#include "cairn/thread.h"
#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::Message;
using cairn::ObjectType;
using namespace cairn::sys;

void server_dies_owing_reply() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot server_end = cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    uint64_t child = spawn_child("die_in_call", &server_end, 1, /*move=*/1);
    Message message = cairn::make_message(1);
    CHECK_STATUS(ipc_call(endpoint, &message, 10 * kSecond), kPeerGone);
    CHECK_EQ(wait_child(child), 0);
    CHECK_OK(cap_delete(endpoint));
}

void caller_dies_before_reply() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot client_end = cap_copy(endpoint, cairn::kRightWrite | cairn::kRightGrant).value();
    uint64_t child = spawn_child("exit_while_calling", &client_end, 1, /*move=*/1);
    Message message = cairn::make_message();
    if (CHECK_OK(ipc_receive(endpoint, &message, 10 * kSecond))) {
        CHECK(cairn::is_call(message));
        CHECK_EQ(wait_child(child), 0);  // it exits while we hold its call
        Message reply = cairn::make_message(2);
        CHECK_STATUS(ipc_reply(0, reply), kPeerGone);
    }
    CHECK_OK(cap_delete(endpoint));
}

void last_capability_deleted() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot ready = create(ObjectType::kNotification);
    Result received{};
    cairn::Thread receiver;
    (void)receiver.start([&] {
        Message message = cairn::make_message();
        (void)ipc_notify(ready, 1);
        received = ipc_receive(endpoint, &message, 10 * kSecond);
    });
    // Delete only once the receiver waits: it said it is about to, and
    // 50 ms is far more than the step into the kernel takes.
    CHECK_EQ(ipc_wait_notification(ready, 10 * kSecond).raw, 1);
    (void)thread_sleep(50 * kMillisecond);
    CHECK_OK(cap_delete(endpoint));
    (void)receiver.join();
    CHECK_STATUS(received, kPeerGone);
    CHECK_OK(cap_delete(ready));
}

}  // namespace

void run_peer() {
    uint64_t quota_before = info(cairn::kInitQuotaSlot).size;
    server_dies_owing_reply();
    caller_dies_before_reply();
    last_capability_deleted();
    // Cancelled calls leave no object behind (each gave its quota back).
    CHECK_EQ(info(cairn::kInitQuotaSlot).size, quota_before);
    printf("peer: dead server, dead caller and deleted endpoint each answered peer gone\n");
}

// Receives one call and exits without answering it.
int child_die_in_call() {
    Message message = cairn::make_message();
    if (!ipc_receive(1, &message, 10 * kSecond)) return 1;
    return 0;
}

// Calls slot 1 and, while the call is held, a second thread ends the process.
int child_exit_while_calling() {
    cairn::Thread killer;
    (void)killer.start([] {
        (void)thread_sleep(100 * kMillisecond);
        process_exit(0);
    });
    Message message = cairn::make_message(1);
    (void)ipc_call(1, &message, 10 * kSecond);
    return 3;  // the reply came: the kernel did not end the call
}

}  // namespace ipctest
