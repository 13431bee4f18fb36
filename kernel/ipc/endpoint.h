// Endpoints: synchronous IPC ports. A sender and a receiver meet at an
// endpoint; whoever comes second finds the other queued, hands the message
// over (inline data, capabilities, the out-of-line buffer) and wakes it.
// A call additionally leaves the receiver owing a one-shot reply (the
// caller's ThreadState and call sequence, see thread_state.h).
//
// Cancellation: when the endpoint's last capability goes, every queued
// thread fails with kPeerGone and later operations fail the same way.
#pragma once

#include <stdint.h>

#include "kernel/ipc/thread_state.h"
#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"
#include "kernel/sched/list.h"

namespace kernel::object {
class Quota;
class Allocator;
}  // namespace kernel::object

namespace kernel::ipc {

class Endpoint final : public object::KernelObject {
public:
    // Charged to `quota` (nullptr: uncharged). kQuotaExceeded, kOutOfMemory.
    static os::ErrorOr<Endpoint*> create(object::Quota* quota);

    // `self` sends `message` (self->message, already copied in) with the
    // badge of the capability used. A call (`is_call`) returns once the reply
    // arrived in self->message. deadline_ns: sched deadline; 0 with
    // `no_wait`: kWouldBlock when no receiver waits.
    os::ErrorOr<void> send(ThreadState& self, uint64_t badge, bool is_call, bool no_wait,
                           uint64_t deadline_ns);
    // `self` receives into self->message with room for `capacity`
    // out-of-line bytes. A bound notification with bits pending answers
    // first (kMessageFlagNotification, bits in badge).
    os::ErrorOr<void> receive(ThreadState& self, uint64_t capacity, bool no_wait,
                              uint64_t deadline_ns);

    // ipc_reply_receive: answers the implicit reply `self` owes (if any) with
    // self->message, then receives as receive(). The caller, if it is to run
    // next, gets this CPU directly when this thread blocks.
    os::ErrorOr<void> reply_receive(ThreadState& self, uint64_t capacity, bool no_wait,
                                    uint64_t deadline_ns);

    // ---- For the fast path and notifications (ipc_lock() held) ----
    bool dead() const { return dead_; }
    bool has_senders() const { return !senders_.empty(); }
    // (Inline: the fast path's.)
    ThreadState* first_receiver() {
        sched::ListNode* node = receivers_.first();
        return node != nullptr ? ThreadState::of(node) : nullptr;
    }
    bool has_receivers() const { return !receivers_.empty(); }
    // first_receiver() when has_receivers(): one test on the fast path
    // instead of two (empty, then null).
    ThreadState& front_receiver() { return *ThreadState::of(&receivers_.front()); }
    // `state` waits here for a message (with room for `capacity` bytes).
    void enqueue_receiver(ThreadState& state, uint64_t capacity) {
        state.phase = Phase::kReceiving;
        state.capacity = capacity;
        state.endpoint = this;
        receivers_.push_back(state.link);
    }
    // Takes first_receiver() out of the queue (the fast path served it; its
    // `endpoint` is the caller's to clear).
    static void dequeue_receiver(ThreadState& state) { state.link.unlink(); }
    // Takes a queued receiver out (a notification ended its wait).
    static void withdraw(ThreadState& state) {
        if (state.link.linked()) state.link.unlink();
        state.endpoint = nullptr;
    }

private:
    friend class object::Allocator;
    Endpoint();
    void on_last_capability() override;
    void destroy() override;

    // ipc_lock() held: hands self's message to `receiver` (queued, now
    // taken out). Errors concern only the sender unless kOutOfRange.
    os::ErrorOr<void> hand_over(ThreadState& sender, ThreadState& receiver, bool is_call,
                                Handoff* handoff);
    os::ErrorOr<void> receive_locked(ThreadState& self, uint64_t capacity, bool no_wait,
                                     uint64_t deadline_ns, Handoff* handoff);

    sched::List senders_;    // ThreadStates in kSending, oldest first
    sched::List receivers_;  // ThreadStates in kReceiving, oldest first
    bool dead_ = false;      // the last capability is gone
};

// For cap_create (kernel/syscall/calls_capability.cc).
os::ErrorOr<Endpoint*> create_endpoint(object::Quota* quota);

}  // namespace kernel::ipc
