// The IPC system calls (abi/cairn/syscalls.h 96-104): slot checks, message
// copies in and out of the caller's own memory, then kernel/ipc. No lock is
// held here; the out-of-line bytes stay in the sender's pinned pages until
// the receiver copies them (ipc/out_of_line.h).
#include "cairn/ipc.h"
#include "kernel/cap/capability_space.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/fast_path.h"
#include "kernel/ipc/ipc_buffer.h"
#include "kernel/ipc/message.h"
#include "kernel/ipc/notification.h"
#include "kernel/ipc/out_of_line.h"
#include "kernel/ipc/reply.h"
#include "kernel/ipc/thread_state.h"
#include "kernel/object/quota.h"
#include "kernel/sched/priority.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

using cairn::ObjectType;
using ipc::KernelMessage;
using ipc::ThreadState;

// A blocking call's timeout: kNoWait, or a sched deadline.
struct Timeout {
    bool no_wait;
    uint64_t deadline_ns;
};
Timeout timeout_of(uint64_t timeout_ns) {
    if (timeout_ns == cairn::kNoWait) return {true, 0};
    return {false, deadline_after(timeout_ns)};
}

// Checks an outgoing message and copies it into self->message: the caps it
// names must carry GRANT (checked again at delivery, when they move), the
// out-of-line bytes are pinned where they are (ipc/out_of_line.h), before
// any lock: a bad page is this caller's kBadAddress and nothing was sent.
// Every successful call is followed by settle_outgoing().
os::ErrorOr<void> prepare_outgoing(ThreadState& self, cap::CapabilitySpace& own,
                                   const cairn::Message& message) {
    TRY(ipc::validate_outgoing(message));
    for (uint32_t i = 0; i < message.cap_count; ++i)
        TRY(own.lookup(message.caps[i], ObjectType::kNone, cairn::kRightGrant));
    ipc::from_user(message, &self.message);
    if (message.buffer_length == 0) return {};
    ipc::OutOfLine* range = TRY(ipc::lend(message.buffer, message.buffer_length));
    self.message.out_of_line = range;
    self.message.buffer_length = message.buffer_length;
    self.lent = range;
    return {};
}

// Before the system call returns: a range that did not go is given back,
// and one that went is waited for until its receiver copied it (so the
// caller cannot rewrite its buffer under the receiver's copy).
void settle_outgoing(ThreadState& self) {
    if (self.message.out_of_line != nullptr) ipc::give_back(self.message.out_of_line);
    self.message.out_of_line = nullptr;
    self.message.buffer_length = 0;
    if (self.lent != nullptr) ipc::wait_given_back(self.lent);
    self.lent = nullptr;
}

// The receive side of a user Message: room for out-of-line bytes.
os::ErrorOr<uint64_t> receive_room(const cairn::Message& message) {
    uint64_t capacity = ipc::receive_capacity(message);
    if (!is_user_range(message.buffer, capacity)) return os::Error::kBadAddress;
    return capacity;
}

// What every (endpoint, Message*, timeout) call starts with: the endpoint
// capability with `rights`, the caller's IPC state and its Message.
struct EndpointCall {
    cap::Capability endpoint;
    ThreadState* self = nullptr;
    cairn::Message message;
};

// The user Message at `address`: from the thread's IPC buffer when it is
// there (even if the page was unmapped since, see ipc_buffer.h), else a
// checked copy.
os::ErrorOr<void> read_message(const ThreadState& self, uint64_t address, cairn::Message* message) {
    if (const cairn::Message* registered = self.buffer.at(address)) {
        __builtin_memcpy(message, registered, sizeof(cairn::Message));
        return {};
    }
    return read_user(address, message);
}

os::ErrorOr<EndpointCall> begin_endpoint_call(const Arguments& arguments, cairn::Rights rights) {
    EndpointCall call;
    call.endpoint = TRY(look_up(arguments.values[0], ObjectType::kEndpoint, rights));
    call.self = TRY(ipc::current_state());
    TRY(read_message(*call.self, arguments.values[1], &call.message));
    return call;
}

os::ErrorOr<void> send(const Arguments& arguments, bool is_call) {
    uint64_t address = arguments.values[1];
    EndpointCall call = TRY(begin_endpoint_call(arguments, cairn::kRightWrite));
    cap::Capability& endpoint = call.endpoint;
    ThreadState* self = call.self;
    const cairn::Message& message = call.message;
    uint64_t capacity = 0;
    if (is_call) capacity = TRY(receive_room(message));
    TRY(prepare_outgoing(*self, *self->space, message));
    self->capacity = capacity;
    Timeout timeout = timeout_of(arguments.values[2]);
    os::ErrorOr<void> result = endpoint.as<ipc::Endpoint>().send(
        *self, endpoint.badge, is_call, timeout.no_wait, timeout.deadline_ns);
    // The reply first: its replier may be waiting for this copy.
    if (is_call && !result.is_error())
        result = ipc::deliver_to_user(*self, address, message.buffer);
    settle_outgoing(*self);
    return result;
}

os::ErrorOr<void> receive(ThreadState& self, ipc::Endpoint& endpoint, uint64_t address,
                          const cairn::Message& message, uint64_t timeout_ns) {
    uint64_t capacity = TRY(receive_room(message));
    Timeout timeout = timeout_of(timeout_ns);
    TRY(endpoint.receive(self, capacity, timeout.no_wait, timeout.deadline_ns));
    return ipc::deliver_to_user(self, address, message.buffer);
}

// Answers the implicit reply `self` owes with the user Message `message`.
os::ErrorOr<void> reply_implicit(ThreadState& self, const cairn::Message& message) {
    TRY(prepare_outgoing(self, *self.space, message));
    os::ErrorOr<void> replied;
    {
        SpinLockGuard guard(ipc::ipc_lock());
        replied = ipc::deliver_reply(self.owed, self.message, self.space);
    }
    settle_outgoing(self);
    return replied;
}

bool owes_reply(ThreadState& self) {
    SpinLockGuard guard(ipc::ipc_lock());
    return self.owed.caller != nullptr;
}

}  // namespace

int64_t ipc_send(const Arguments& arguments) {
    return result_of(send(arguments, false));
}

int64_t ipc_call(const Arguments& arguments) {
    int64_t fast = ipc::fast_call(arguments);
    if (fast != ipc::kTakeSlowPath) return fast;
    return result_of(send(arguments, true));
}

int64_t ipc_receive(const Arguments& arguments) {
    auto run = [&]() -> os::ErrorOr<void> {
        EndpointCall call = TRY(begin_endpoint_call(arguments, cairn::kRightRead));
        return receive(*call.self, call.endpoint.as<ipc::Endpoint>(), arguments.values[1],
                       call.message, arguments.values[2]);
    };
    return result_of(run());
}

int64_t ipc_reply(const Arguments& arguments) {
    auto run = [&]() -> os::ErrorOr<void> {
        uint64_t slot = arguments.values[0];
        cap::Capability reply;
        if (slot != cairn::kNullSlot)
            reply = TRY(look_up(slot, ObjectType::kReply, cairn::kRightWrite));
        ThreadState* self = TRY(ipc::current_state());
        cairn::Message message;
        TRY(read_message(*self, arguments.values[1], &message));
        if (slot == cairn::kNullSlot) {
            if (!owes_reply(*self)) return os::Error::kNotFound;
            return reply_implicit(*self, message);
        }
        TRY(prepare_outgoing(*self, *self->space, message));
        os::ErrorOr<void> replied = reply.as<ipc::Reply>().answer(self->message, self->space);
        settle_outgoing(*self);
        return replied;
    };
    return result_of(run());
}

int64_t ipc_reply_receive(const Arguments& arguments) {
    int64_t fast = ipc::fast_reply_receive(arguments);
    if (fast != ipc::kTakeSlowPath) return fast;
    auto run = [&]() -> os::ErrorOr<void> {
        uint64_t address = arguments.values[1];
        EndpointCall call = TRY(begin_endpoint_call(arguments, cairn::kRightRead));
        ThreadState* self = call.self;
        const cairn::Message& message = call.message;
        uint64_t capacity = TRY(receive_room(message));
        if (owes_reply(*self)) TRY(prepare_outgoing(*self, *self->space, message));
        Timeout timeout = timeout_of(arguments.values[2]);
        os::ErrorOr<void> received = call.endpoint.as<ipc::Endpoint>().reply_receive(
            *self, capacity, timeout.no_wait, timeout.deadline_ns);
        if (!received.is_error()) received = ipc::deliver_to_user(*self, address, message.buffer);
        settle_outgoing(*self);  // a reply that could not go, or waits for its copy
        return received;
    };
    return result_of(run());
}

int64_t ipc_notify(const Arguments& arguments) {
    auto run = [&]() -> os::ErrorOr<void> {
        cap::Capability notification =
            TRY(look_up(arguments.values[0], ObjectType::kNotification, cairn::kRightWrite));
        uint64_t bits = arguments.values[1];
        if ((bits >> 63) != 0) return os::Error::kInvalidArgument;
        notification.as<ipc::Notification>().notify(bits);
        return {};
    };
    return result_of(run());
}

int64_t ipc_wait_notification(const Arguments& arguments) {
    os::ErrorOr<cap::Capability> notification =
        look_up(arguments.values[0], ObjectType::kNotification, cairn::kRightRead);
    if (notification.is_error()) return error_result(notification.error());
    Timeout timeout = timeout_of(arguments.values[1]);
    // Notification::wait: 0 means "do not block"; a deadline of 0 can not
    // come out of deadline_after().
    os::ErrorOr<uint64_t> bits = notification.value().as<ipc::Notification>().wait(
        timeout.no_wait ? 0 : timeout.deadline_ns);
    if (bits.is_error()) return error_result(bits.error());
    return static_cast<int64_t>(bits.value());
}

int64_t ipc_bind_notification(const Arguments& arguments) {
    auto run = [&]() -> os::ErrorOr<void> {
        uint64_t slot = arguments.values[0];
        if (slot == cairn::kNullSlot) {
            ThreadState* self = TRY(ipc::current_state());
            ipc::Notification::unbind(*self);
            return {};
        }
        cap::Capability notification =
            TRY(look_up(slot, ObjectType::kNotification, cairn::kRightRead));
        ThreadState* self = TRY(ipc::current_state());
        return notification.as<ipc::Notification>().bind(*self);
    };
    return result_of(run());
}

// (quota (WRITE)) -> slot: the Reply is charged to the quota.
int64_t ipc_save_reply(const Arguments& arguments) {
    auto quota = look_up(arguments.values[0], ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    auto self = ipc::current_state();
    if (self.is_error()) return error_result(self.error());
    auto reply = ipc::Reply::save(quota.value().as<object::Quota>(), *self.value());
    if (reply.is_error()) return error_result(reply.error());
    return insert_new(reply.value(), cairn::kRightWrite | cairn::kRightGrant | cairn::kRightDelete);
}

int64_t thread_set_ipc_buffer(const Arguments& arguments) {
    return result_of(ipc::set_ipc_buffer(arguments.values[0]));
}

}  // namespace kernel::syscall
