#include "kernel/ipc/endpoint.h"

#include "cairn/ipc.h"
#include "kernel/ipc/notification.h"
#include "kernel/ipc/out_of_line.h"
#include "kernel/object/allocator.h"

namespace kernel::ipc {

Endpoint::Endpoint() : KernelObject(object::ObjectType::kEndpoint) {}

os::ErrorOr<Endpoint*> Endpoint::create(object::Quota* quota) {
    return object::Allocator::create<Endpoint>(quota, 0);
}

os::ErrorOr<Endpoint*> create_endpoint(object::Quota* quota) {
    return Endpoint::create(quota);
}

void Endpoint::destroy() {
    object::Allocator::destroy(this);
}

void Endpoint::on_last_capability() {
    SpinLockGuard guard(ipc_lock());
    dead_ = true;
    while (sched::ListNode* node = senders_.pop_front())
        finish(*ThreadState::of(node), os::Error::kPeerGone);
    while (sched::ListNode* node = receivers_.pop_front())
        finish(*ThreadState::of(node), os::Error::kPeerGone);
}

namespace {

// The message moves from `from` to `to` (the out-of-line range with it).
void move_message(ThreadState& from, ThreadState& to) {
    to.message = from.message;
    from.message.out_of_line = nullptr;
    from.message.buffer_length = 0;
}

}  // namespace

os::ErrorOr<void> Endpoint::hand_over(ThreadState& sender, ThreadState& receiver, bool is_call,
                                      Handoff* handoff) {
    if (sender.message.buffer_length > receiver.capacity) {
        withdraw(receiver);
        finish(receiver, os::Error::kOutOfRange);
        return os::Error::kOutOfRange;
    }
    // A failed transfer is the sender's problem: the receiver waits on.
    TRY(transfer_caps(sender.message, sender.space, receiver.space));
    withdraw(receiver);
    move_message(sender, receiver);
    if (is_call) {
        owe_reply(receiver, sender);
        finish_deferred(receiver, handoff);  // the caller blocks next: switch to it
    } else {
        finish(receiver, {});
    }
    return {};
}

os::ErrorOr<void> Endpoint::send(ThreadState& self, uint64_t badge, bool is_call, bool no_wait,
                                 uint64_t deadline_ns) {
    SpinLockGuard guard(ipc_lock());
    if (dead_) return os::Error::kPeerGone;
    self.message.badge = badge;
    self.message.flags = is_call ? cairn::kMessageFlagCall : 0;
    self.is_call = is_call;
    if (is_call) ++self.call_sequence;
    if (ThreadState* receiver = first_receiver()) {
        Handoff handoff;
        TRY(hand_over(self, *receiver, is_call, &handoff));
        if (!is_call) return {};
        // kNoWait only means "fail if nobody receives": the reply is awaited.
        return wait_until_done(self, no_wait ? sched::kNoDeadline : deadline_ns, &handoff);
    }
    if (no_wait) return os::Error::kWouldBlock;
    self.phase = Phase::kSending;
    self.endpoint = this;
    senders_.push_back(self.link);
    return wait_until_done(self, deadline_ns);
}

os::ErrorOr<void> Endpoint::receive(ThreadState& self, uint64_t capacity, bool no_wait,
                                    uint64_t deadline_ns) {
    SpinLockGuard guard(ipc_lock());
    return receive_locked(self, capacity, no_wait, deadline_ns, nullptr);
}

os::ErrorOr<void> Endpoint::reply_receive(ThreadState& self, uint64_t capacity, bool no_wait,
                                          uint64_t deadline_ns) {
    SpinLockGuard guard(ipc_lock());
    Handoff handoff;
    if (self.owed.caller != nullptr) {
        os::ErrorOr<void> replied = deliver_reply(self.owed, self.message, self.space, &handoff);
        // A caller that gave up or died is no reason not to receive.
        if (replied.is_error() && replied.error() != os::Error::kPeerGone) return replied.error();
    }
    // An undelivered reply's out-of-line range goes back before a message
    // arrives (its lender is this thread: nobody waits for it).
    if (self.message.out_of_line != nullptr) give_back_locked(self.message.out_of_line);
    self.message.out_of_line = nullptr;
    self.message.buffer_length = 0;
    os::ErrorOr<void> received = receive_locked(self, capacity, no_wait, deadline_ns, &handoff);
    wake_handoff(handoff);  // if receive did not block
    return received;
}

os::ErrorOr<void> Endpoint::receive_locked(ThreadState& self, uint64_t capacity, bool no_wait,
                                           uint64_t deadline_ns, Handoff* handoff) {
    if (dead_) return os::Error::kPeerGone;
    if (self.bound != nullptr && self.bound->take_bits_locked(&self.message)) return {};
    while (sched::ListNode* node = senders_.first()) {
        ThreadState& sender = *ThreadState::of(node);
        if (sender.message.buffer_length > capacity) {
            withdraw(sender);
            finish(sender, os::Error::kOutOfRange);
            return os::Error::kOutOfRange;
        }
        os::ErrorOr<void> transferred = transfer_caps(sender.message, sender.space, self.space);
        withdraw(sender);
        if (transferred.is_error()) {  // the sender's problem: take the next one
            finish(sender, transferred.error());
            continue;
        }
        move_message(sender, self);
        if (sender.is_call) {
            owe_reply(self, sender);  // it waits on, now for the reply
        } else {
            finish(sender, {});
        }
        return {};
    }
    if (no_wait) return os::Error::kWouldBlock;
    enqueue_receiver(self, capacity);
    return wait_until_done(self, deadline_ns, handoff);
}

}  // namespace kernel::ipc
