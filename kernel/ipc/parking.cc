// The IPC fast path proper (parking.h): ipc_call and ipc_reply_receive with an inline-only message
// in the caller's IPC buffer, no timeout, no bound notification, and the partner already waiting,
// at least as urgent (priority number <= the caller's) and last run on this CPU. Then, under
// ipc_lock() and this CPU's lock, the message goes buffer to buffer, the caller parks (hal/park.h)
// and the partner gets the CPU: straight back to user mode if it is parked too, which it is from
// the second round trip on. No allocation, no reference counting, no run queue, no clock, no user
// copy.
//
// Anything else returns before it changed anything (fast_path.cc's
// copying variant and the general code in endpoint.cc serve the call).
//
// A parked thread is resumed by one of:
//  - a fast-path partner: its answer is in its IPC buffer, its ThreadState
//    settled (settle()); it returns 0 from its frame;
//  - anybody else (a slow-path partner's finish(), a kill, a stale wake):
//    the scheduler switches to it and resume_parked_thread() ends its call
//    as fast_path.cc's copying variant ends one after its wait.
#include "kernel/ipc/parking.h"

#include "cairn/ipc.h"
#include "hal/park.h"
#include "kernel/cap/capability_space.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/fast_path.h"
#include "kernel/ipc/inline_message.h"
#include "kernel/sched/direct_switch.h"
#include "kernel/sched/scheduler.h"

namespace kernel::ipc {
namespace {

// What the caller brings: its state and the message in its IPC buffer.
struct Caller {
    ThreadState* self;
    cairn::Message* message;  // its IPC buffer, through the direct map
    InlineHeader header;      // the checked copy of the message's header
};

// Only the running thread's own fields: whether the call qualifies before
// any lock is taken.
bool qualifies(sched::Thread& thread, uint64_t message_address, uint64_t timeout, Caller* caller) {
    ThreadState* self = fast_state(thread, timeout);
    if (self == nullptr) return false;
    cairn::Message* message = self->buffer.at(message_address);
    if (message == nullptr || !read_inline_header(*message, &caller->header)) return false;
    if (sched::kill_pending(thread)) return false;
    caller->self = self;
    caller->message = message;
    return true;
}

// `partner`, served, runs next on this CPU (ipc_lock() held). A parked one
// returns to user mode straight from its frame, so nothing of its operation
// may be left over: its state is made idle here. Any other finds `done`
// where it waits, as after finish(). Returns whether it is parked.
[[gnu::always_inline]] inline bool settle(ThreadState& partner) {
    partner.waiting = false;
    if (!partner.parked) {
        complete(partner, {});
        return false;
    }
    partner.parked = false;
    partner.phase = Phase::kIdle;
    partner.endpoint = nullptr;
    (void)take_delivery(partner);  // always delivered: a parked thread has direct_to
    return true;
}

// Whether the system call rate limit is on; as kDefaultRate (> 0) has it
// until syscall::configure() says otherwise at boot.
bool rate_limited = true;

}  // namespace

void set_fast_path_rate_limited(bool on) {
    rate_limited = on;
}

}  // namespace kernel::ipc

namespace kernel {

using namespace ipc;

void try_fast_syscall(uint64_t endpoint_slot, uint64_t message_address, uint64_t timeout,
                      uint32_t number) {
    bool is_call = number == static_cast<uint32_t>(cairn::Syscall::kIpcCall);
    sched::Thread& thread = sched::thread_of_own_stack();
    sched::SyscallAccount& account = thread.syscall_account;
    // Throttling sleeps: a thread out of tokens takes the slow path.
    if (rate_limited && account.tokens == 0) return;
    Caller caller;
    if (!qualifies(thread, message_address, timeout, &caller)) return;
    ThreadState& self = *caller.self;
    // Interrupts are masked already (the entry's contract): the locks need
    // not save and restore them.
    SpinLock& lock = ipc_lock();
    lock.lock_masked();
    uint64_t badge = 0;
    auto found = self.space->find_masked(endpoint_slot, object::ObjectType::kEndpoint,
                                         is_call ? cairn::kRightWrite : cairn::kRightRead, &badge);
    ThreadState* partner = nullptr;
    if (!found.is_error())
        partner = waiting_partner(is_call, self, thread, *static_cast<Endpoint*>(found.value()));
    uint64_t sequence = 0;
    if (partner == nullptr ||
        !sched::begin_direct_switch(thread, *partner->thread, partner->wait_sequence, &sequence)) {
        lock.unlock_masked();
        return;
    }
    // Committed: this CPU's lock is held (begin_direct_switch), `self` is
    // blocked in wait `sequence` and `partner` is this CPU's running thread.
    // The call counts as handle_syscall() would count it.
    if (rate_limited) --account.tokens;
    ++account.calls;
    ++account.parked;
    hand_over(is_call, self, *partner, *static_cast<Endpoint*>(found.value()), caller.header,
              caller.message->data, badge);
    self.wait_sequence = sequence;
    self.waiting = true;
    self.parked = true;
    expect_delivery(self, caller.message);
    bool partner_parked = settle(*partner);
    sched::Thread& next = *partner->thread;
    // The owed reply's reference on the caller: its thread holds another
    // while it waits, and it waits until we switch to it.
    if (!is_call) partner->release();
    lock.unlock_masked();
    sched::park_switching_to(thread, next, partner_parked, 0);
}

void resume_parked_thread() {
    sched::complete_parked_switch();
    sched::Thread& thread = sched::thread_of_own_stack();
    ThreadState& self = *state_of(thread);
    os::ErrorOr<void> result;
    bool delivered;
    {
        // Interrupts stay masked: the wait below may block (as any wait
        // can with them masked), and nothing here touches user mappings.
        SpinLockGuard guard(ipc_lock());
        self.parked = false;
        self.waiting = false;
        // Returns at once when the partner finished it (done); waits on
        // after a kill (withdrawing) or a stale wake.
        result = wait_until_done(self, sched::kNoDeadline);
        delivered = take_delivery(self);
    }
    // Not delivered: a slow-path partner left it in self.message (maybe with
    // capabilities); the Message is the IPC buffer, so no user copy.
    hal::context::return_from_parked(finish_call(result, delivered, self, self.buffer.address));
}

}  // namespace kernel
