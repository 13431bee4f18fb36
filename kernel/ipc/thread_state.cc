#include "kernel/ipc/thread_state.h"

#include "hal/cpu.h"
#include "hal/timer.h"
#include "kernel/cap/capability_space.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/notification.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/sched/direct_switch.h"
#include "kernel/sched/scheduler.h"

namespace kernel::ipc {
namespace {

SpinLock& lock = ipc_lock();

// The exit hook (sched::set_exit_hook): a thread that ends owes nobody a
// reply any more and is bound to no notification. It cannot be waiting in
// an endpoint: it exits on its way back to user mode, after its IPC call
// withdrew whatever it waited for.
void thread_exiting(sched::Thread& thread) {
    ThreadState* state = state_of(thread);
    if (state == nullptr) return;
    Notification* bound = nullptr;
    {
        SpinLockGuard guard(lock);
        drop_owed_reply(*state);
        if (state->bound != nullptr) {
            bound = state->bound;
            bound->unbind_locked(*state);
        }
        state->thread = nullptr;
        thread.ipc = nullptr;
    }
    if (bound != nullptr) bound->release();
    clear_ipc_buffer(state->buffer);
    state->release();
}

}  // namespace

void ThreadState::destroy() {
    // No out-of-line range to give back: the last reference goes after the
    // thread exited, and every system call settles its message's range
    // before it returns (out_of_line.h).
    this->~ThreadState();
    kfree(this);
}

os::ErrorOr<ThreadState*> current_state() {
    sched::Thread& thread = sched::current();
    if (thread.ipc != nullptr) return static_cast<ThreadState*>(thread.ipc);
    void* memory = kmalloc(sizeof(ThreadState));
    if (memory == nullptr) return os::Error::kOutOfMemory;
    ThreadState* state = new (memory) ThreadState;
    state->thread = &thread;
    state->space = cap::current_space();
    sched::set_exit_hook(thread_exiting);
    // Only the thread itself sets its pointer; partners find the state
    // through queues and owed replies, never through Thread::ipc.
    thread.ipc = state;
    return state;
}

void finish(ThreadState& state, os::ErrorOr<void> result) {
    complete(state, result);
    if (state.waiting) {
        // With ipc_lock held: the waiter cannot return (and exit, freeing
        // its state) before the wake is over.
        state.waiting = false;
        sched::wake(*state.thread, state.wait_sequence);
    }
}

void finish_deferred(ThreadState& state, Handoff* handoff) {
    complete(state, {});
    if (!state.waiting) return;  // not blocked yet: it will see `done`
    sched::Thread& self = sched::current();
    if (handoff == nullptr || handoff->state != nullptr || state.thread->priority > self.priority) {
        finish(state, {});
        return;
    }
    state.waiting = false;
    handoff->state = &state;
    handoff->sequence = state.wait_sequence;
}

void wake_handoff(Handoff& handoff) {
    if (handoff.state == nullptr) return;
    sched::wake(*handoff.state->thread, handoff.sequence);
    handoff.state = nullptr;
}

namespace {

// The thread gives up waiting (deadline, kill): it leaves its queue; an
// awaited reply will find it no longer waiting and fail with kPeerGone.
void withdraw(ThreadState& state) {
    if (state.phase == Phase::kSending || state.phase == Phase::kReceiving)
        Endpoint::withdraw(state);
    state.phase = Phase::kIdle;
}

}  // namespace

os::ErrorOr<void> wait_until_done(ThreadState& state, uint64_t deadline_ns, Handoff* handoff) {
    sched::Thread& thread = *state.thread;
    while (!state.done) {
        if (sched::kill_pending(thread) ||
            (deadline_ns != sched::kNoDeadline && hal::timer::monotonic_ns() >= deadline_ns)) {
            withdraw(state);
            if (handoff != nullptr) wake_handoff(*handoff);
            return os::Error::kTimedOut;
        }
        uint64_t sequence = sched::begin_wait();
        state.wait_sequence = sequence;
        state.waiting = true;
        // Interrupts stay masked from here to the switch (the guard of the
        // caller restores them).
        lock.unlock(hal::disable_interrupts());
        if (handoff != nullptr && handoff->state != nullptr) {
            ThreadState& next = *handoff->state;
            handoff->state = nullptr;
            sched::end_wait_switching_to(sequence, deadline_ns, *next.thread, handoff->sequence);
        } else {
            sched::end_wait(sequence, deadline_ns);
        }
        (void)lock.lock();
        state.waiting = false;
    }
    if (handoff != nullptr) wake_handoff(*handoff);
    state.done = false;
    if (state.failed) return state.error;
    return {};
}

bool wait_switching_to(ThreadState& self, ThreadState& partner, os::ErrorOr<void>* result) {
    sched::Thread& thread = *self.thread;
    sched::Thread& next = *partner.thread;
    uint64_t sequence;
    if (!partner.waiting || sched::kill_pending(thread) ||
        !sched::begin_direct_switch(thread, next, partner.wait_sequence, &sequence)) {
        return false;
    }
    // `next` runs on this CPU from here; this CPU's lock is held until the
    // switch is complete, so a waker of either thread waits for it.
    complete(partner, {});
    partner.waiting = false;
    self.wait_sequence = sequence;
    self.waiting = true;
    lock.unlock(hal::disable_interrupts());  // interrupts stay masked to the switch
    sched::complete_direct_switch(thread, next);
    (void)lock.lock();
    self.waiting = false;
    if (self.done) {  // the usual case: what wait_until_done() does then
        self.done = false;
        if (self.failed) *result = self.error;
        return true;
    }
    *result = wait_until_done(self, sched::kNoDeadline);  // a kill or a stale wake
    return true;
}

void drop_owed_reply(ThreadState& state) {
    ThreadState* caller = state.owed.caller;
    if (caller == nullptr) return;
    if (caller->phase == Phase::kAwaitingReply && caller->call_sequence == state.owed.sequence)
        finish(*caller, os::Error::kPeerGone);
    state.owed.caller = nullptr;
    caller->release();
}

os::ErrorOr<void> deliver_reply(OwedReply& owed, KernelMessage& message,
                                cap::CapabilitySpace* replier_space, Handoff* handoff) {
    ThreadState* caller = owed.caller;
    if (caller == nullptr) return os::Error::kNotFound;
    if (caller->phase != Phase::kAwaitingReply || caller->call_sequence != owed.sequence) {
        owed.caller = nullptr;
        caller->release();
        return os::Error::kPeerGone;
    }
    // Nothing is lost on these failures: the reply stays owed.
    if (message.buffer_length > caller->capacity) return os::Error::kOutOfRange;
    TRY(transfer_caps(message, replier_space, caller->space));
    caller->message = message;
    caller->message.badge = 0;
    caller->message.flags = 0;
    message.out_of_line = nullptr;  // the caller holds the out-of-line range now
    message.buffer_length = 0;
    finish_deferred(*caller, handoff);
    owed.caller = nullptr;
    caller->release();
    return {};
}

os::ErrorOr<void> transfer_caps(KernelMessage& message, cap::CapabilitySpace* from,
                                cap::CapabilitySpace* to) {
    if (message.cap_count == 0) return {};
    if (from == nullptr || to == nullptr) return os::Error::kNoCapability;
    cap::Slot made[cairn::kMessageCaps] = {};
    for (uint32_t i = 0; i < message.cap_count; ++i) {
        bool move = (message.cap_move >> i) & 1;
        os::ErrorOr<cap::Slot> slot =
            move ? from->move(message.caps[i], *to, cairn::kRightGrant)
                 : from->derive(message.caps[i], cairn::kAllRights, *to, cairn::kRightGrant);
        if (slot.is_error()) {
            // Undo what went over: copies are deleted (their source stays, so
            // no object loses its last capability here), moves go back.
            for (uint32_t j = 0; j < i; ++j) {
                if ((message.cap_move >> j) & 1) {
                    os::ErrorOr<cap::Slot> back = to->move(made[j], *from);
                    if (!back.is_error()) message.caps[j] = back.value();
                } else {
                    (void)to->remove(made[j], true);
                }
            }
            return slot.error();
        }
        made[i] = slot.value();
    }
    for (uint32_t i = 0; i < message.cap_count; ++i)
        message.caps[i] = made[i];
    return {};
}

}  // namespace kernel::ipc
