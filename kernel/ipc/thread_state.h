// Each thread's IPC state: where it waits, the message it carries or
// receives, the reply it waits for and the reply it owes.
//
// Locking: one lock, ipc_lock(), guards every endpoint queue, every
// ThreadState's wait fields, replies owed and notification words and
// bindings. A rendezvous touches two threads, an endpoint and maybe a
// notification; one lock makes every hand-over atomic (a waiter woken by a
// timeout either is still queued and leaves, or was served in full) at the
// price of contention between unrelated endpoints, which the fast path
// (fast_path.cc) keeps short. Lock order: ipc_lock -> capability-space locks
// (cap transfer) -> wait-queue and CPU locks (waking). It is never held
// across a user copy or an allocation.
#pragma once

#include <stdint.h>

#include "kernel/cap/capability_space.h"
#include "kernel/debug/panic.h"
#include "kernel/ipc/ipc_buffer.h"
#include "kernel/ipc/message.h"
#include "kernel/lib/error.h"
#include "kernel/sched/list.h"
#include "kernel/sched/thread.h"
#include "kernel/sched/wait_queue.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::ipc {

class Endpoint;
class Notification;
struct ThreadState;

namespace detail {
inline SpinLock ipc_lock;  // use ipc_lock()
}
inline SpinLock& ipc_lock() {
    return detail::ipc_lock;
}

enum class Phase : uint8_t {
    kIdle,
    kSending,        // queued on endpoint->senders_ with `message`
    kReceiving,      // queued on endpoint->receivers_, room for `capacity` bytes
    kAwaitingReply,  // its call was received; waits for reply_sequence's answer
};

// A reply someone owes: valid while `caller` still awaits call `sequence`.
struct OwedReply {
    ThreadState* caller = nullptr;  // a reference held (ThreadState::retain)
    uint64_t sequence = 0;
};

struct ThreadState {
    sched::ListNode link;  // first member (see of()): in an endpoint queue; ipc_lock()

    // Reference counted: the thread holds one until it exits; an owed reply
    // (another thread's, or a Reply object) holds one on its caller. Frees
    // itself at zero.
    void retain() { __atomic_add_fetch(&references, 1, __ATOMIC_RELAXED); }
    void release() {
        if (__atomic_sub_fetch(&references, 1, __ATOMIC_ACQ_REL) == 0) [[unlikely]]
            destroy();
    }
    // release() of a reference that is not the last (the caller knows of
    // another held for as long as it uses the state): no call on the IPC
    // fast path, whose values then need not survive one.
    void release_not_last() {
        KERNEL_ASSERT(__atomic_sub_fetch(&references, 1, __ATOMIC_ACQ_REL) != 0);
    }
    [[gnu::noinline]] void destroy();  // the last reference went

    sched::Thread* thread;        // nullptr once the thread exited
    cap::CapabilitySpace* space;  // its process's (nullptr: kernel thread)
    uint32_t references = 1;
    IpcBuffer buffer;  // the thread's own (ipc_buffer.h): no lock, only it touches it
    // The out-of-line range this thread lent for its current send, call or
    // reply (out_of_line.h): its system call waits for it to come back
    // before returning. Only the thread touches it.
    OutOfLine* lent = nullptr;
    // The fast path's (parking.cc) lookup of the endpoint slot it was last
    // called with. Only the thread touches it, with ipc_lock() held.
    cap::CapabilitySpace::CachedLookup<object::ObjectType::kEndpoint> endpoint_lookup;

    // ---- Guarded by ipc_lock() ----
    // (The fields the fast path writes together lie together, so that its
    // stores merge: the four flags first, then the two pointers.)
    Phase phase = Phase::kIdle;
    // The thread is blocked in wait_until_done (sched::begin_wait's
    // sequence, wait_sequence): finish() wakes it with sched::wake.
    bool waiting = false;
    // The thread waits parked (hal/park.h, parking.cc): nothing of its
    // system call is on its kernel stack, so a fast-path partner resumes it
    // straight in user mode, and anybody else's wake runs
    // kernel::resume_parked_thread(). Always with direct_to set.
    bool parked = false;
    // Set only while the thread waits in a fast-path call whose Message is
    // its IPC buffer (fast_path.cc, parking.cc): a fast-path partner then
    // writes the inline message straight into that pinned page (direct_to;
    // a partner of a thread not parked sets `delivered`) instead of
    // `message`. The thread clears both when it wakes.
    bool delivered = false;
    bool is_call = false;  // kSending: a call (then a reply is awaited)
    // Set when a partner finished this thread's operation (ok or error).
    bool done = false;
    bool failed = false;  // when done: whether it failed, and why
    os::Error error = os::Error::kPeerGone;
    Endpoint* endpoint = nullptr;
    cairn::Message* direct_to = nullptr;
    uint64_t wait_sequence = 0;
    uint64_t capacity = 0;  // kReceiving / kAwaitingReply: room for out-of-line bytes
    uint64_t call_sequence = 0;
    OwedReply owed;                 // the implicit reply this thread owes (caller == nullptr: none)
    Notification* bound = nullptr;  // a reference held
    KernelMessage message;          // kSending: to deliver; when done: what arrived

    // `link` is the first member of a standard-layout struct: a queue node
    // is its ThreadState.
    static ThreadState* of(sched::ListNode* node) { return reinterpret_cast<ThreadState*>(node); }
};
static_assert(__is_standard_layout(ThreadState));

// The running thread's state, made on first use (kOutOfMemory).
os::ErrorOr<ThreadState*> current_state();
// The state of a thread if it has one (no reference taken).
inline ThreadState* state_of(sched::Thread& thread) {
    return static_cast<ThreadState*>(thread.ipc);
}

// ---- ipc_lock() held -------------------------------------------------------

// Ends `state`'s operation with `error` (or success) and wakes it.
void finish(ThreadState& state, os::ErrorOr<void> result);
// finish() without the wake, for a partner that gets this CPU directly.
// Inline: the fast path's.
inline void complete(ThreadState& state, os::ErrorOr<void> result) {
    state.failed = result.is_error();
    if (state.failed) state.error = result.error();
    state.phase = Phase::kIdle;
    state.endpoint = nullptr;
    state.done = true;
}

// A partner this thread satisfied and will wake itself, by switching
// straight to it when it blocks next (the fast path's direct switch), or
// with wake_handoff() when it does not block.
struct Handoff {
    ThreadState* state = nullptr;
    uint64_t sequence = 0;
};
// finish() without the wake: the partner becomes `handoff` if it is worth
// running on this CPU now (priority at least the caller's), else it is
// woken at once.
void finish_deferred(ThreadState& state, Handoff* handoff);
void wake_handoff(Handoff& handoff);

// Blocks until a partner finished this thread's operation (done) or the
// deadline (a sched deadline) passes or the thread is killed: then the
// operation is withdrawn (kTimedOut). A pending `handoff` gets the CPU
// directly (or is woken) on the way.
os::ErrorOr<void> wait_until_done(ThreadState& state, uint64_t deadline_ns,
                                  Handoff* handoff = nullptr);
// The fast path's wait: this thread has served `partner` (its message or
// reply is in place) but not yet finished it. If `partner` waits, last ran
// on this CPU and may run here: finishes it, blocks this thread until its
// own operation is done and gives the CPU straight to `partner`
// (sched/direct_switch.h), with no deadline; *result is the operation's.
// Otherwise false and nothing changed (then finish_deferred() +
// wait_until_done() do it the general way).
bool wait_switching_to(ThreadState& self, ThreadState& partner, os::ErrorOr<void>* result);

// Drops the reply `state` owes: its caller (if it still waits) fails with
// kPeerGone.
void drop_owed_reply(ThreadState& state);
// `receiver` now owes `caller` (which waits on, kAwaitingReply) the reply
// to its current call (call_sequence). Inline: the fast path's.
// owe_reply() for a receiver that owes no other reply (waiting_partner()
// checked, under the same ipc_lock(); not asserted again, which would cost
// the fast path a reload): nothing to drop, so no call.
inline void owe_first_reply(ThreadState& receiver, ThreadState& caller) {
    caller.retain();
    receiver.owed = {&caller, caller.call_sequence};
    caller.phase = Phase::kAwaitingReply;
    caller.endpoint = nullptr;
}
inline void owe_reply(ThreadState& receiver, ThreadState& caller) {
    if (receiver.owed.caller != nullptr) drop_owed_reply(receiver);  // an older one is abandoned
    owe_first_reply(receiver, caller);
}

// Answers the reply `owed` with `message` (from `replier`'s space). Caller
// gone: kPeerGone; the reply is then spent. The caller lacks room for the
// out-of-line bytes: kOutOfRange, and the reply stays owed.
os::ErrorOr<void> deliver_reply(OwedReply& owed, KernelMessage& message,
                                cap::CapabilitySpace* replier_space, Handoff* handoff = nullptr);
// Moves/copies message.caps from `from` into `to` (GRANT needed), replacing
// message.caps with the new slots. All or nothing (as far as possible: a
// moved capability that has to come back may land in another slot).
os::ErrorOr<void> transfer_caps(KernelMessage& message, cap::CapabilitySpace* from,
                                cap::CapabilitySpace* to);

}  // namespace kernel::ipc
