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
//    settled (settle_parked()); it returns 0 from its frame;
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
#include "kernel/lib/utility.h"
#include "kernel/sched/direct_switch.h"
#include "kernel/sched/scheduler.h"

namespace kernel::ipc {
namespace {

// Whether the system call rate limit is on; as kDefaultRate (> 0) has it
// until syscall::configure() says otherwise at boot.
bool rate_limited = true;

// The message of the running thread's call if the call qualifies, judged
// from its own fields before any lock is taken (nullptr: it does not):
// no deadline, a thread of a process without a bound notification, the
// Message at the start of its IPC buffer, inline-only, no kill pending
// (read relaxed: a kill that comes later wakes the parked thread, which
// then ends its call in resume_parked_thread()). *header: the checked copy
// of its header.
[[gnu::always_inline]] inline cairn::Message* qualifying_message(sched::Thread& thread,
                                                                 ThreadState* self,
                                                                 uint64_t message_address,
                                                                 InlineHeader* header) {
    // One test and branch each, the likely way first: combined, compilers
    // make them flag arithmetic that costs more on riscv64.
    if (self->buffer.address != message_address) [[unlikely]]
        return nullptr;
    cairn::Message* message = self->buffer.message;
    if (message == nullptr) [[unlikely]]
        return nullptr;
    if (!read_inline_header(*message, header)) [[unlikely]]
        return nullptr;
    if (os::load_flag_relaxed(thread.kill_pending)) [[unlikely]]
        return nullptr;
    return message;
}

// A parked `partner` (ipc_lock() held) takes the inline message straight
// into its IPC buffer (direct_to, always set while parked) and ends its
// wait: it runs next on this CPU and returns to user mode straight from
// its frame, so nothing of its operation may be left over: its state is
// made idle here.
[[gnu::always_inline]] inline void settle_parked(ThreadState& partner, const InlineHeader& header,
                                                 const uint8_t* data, uint64_t badge,
                                                 uint32_t flags) {
    write_message(*partner.direct_to, header, data, badge, flags);
    partner.phase = Phase::kIdle;
    partner.waiting = false;
    partner.parked = false;
    partner.delivered = false;
    partner.endpoint = nullptr;
    partner.direct_to = nullptr;
}

// `partner`, served, runs next on this CPU: a parked one as settle_parked()
// leaves it; any other finds the message where it waits and `done`, as
// after finish(), and runs from where it blocked.
[[gnu::always_inline]] inline void settle(ThreadState& partner, bool parked,
                                          const InlineHeader& header, const uint8_t* data,
                                          uint64_t badge, uint32_t flags) {
    if (parked) [[likely]] {
        settle_parked(partner, header, data, badge, flags);
        return;
    }
    deliver(partner, header, data, badge, flags);
    partner.waiting = false;
    complete(partner, {});
}

// The fast path for one of the two calls (kIsCall: ipc_call, else
// ipc_reply_receive) once its call qualifies: serves it and never returns,
// or returns having changed nothing.
template <bool kIsCall>
[[gnu::always_inline]] inline void serve(sched::Thread& thread, ThreadState* self,
                                         cairn::Message* message, InlineHeader& header,
                                         uint64_t endpoint_slot) {
    // Interrupts are masked already (the entry's contract): the locks need
    // not save and restore them.
    SpinLock& lock = ipc_lock();
    lock.lock_masked();
    uint64_t badge = 0;
    object::KernelObject* found = self->space->find_cached_masked(
        endpoint_slot, kIsCall ? cairn::kRightWrite : cairn::kRightRead, &badge,
        self->endpoint_lookup);
    if (found == nullptr) [[unlikely]] {
        lock.unlock_masked();
        return;
    }
    Endpoint& endpoint = *static_cast<Endpoint*>(found);
    ThreadState* partner = waiting_partner(kIsCall, *self, thread, endpoint);
    sched::DirectSwitch direct;
    if (partner == nullptr ||
        !sched::begin_direct_switch(thread, *partner->thread, partner->wait_sequence, &direct))
        [[unlikely]] {
        lock.unlock_masked();
        return;
    }
    // Committed: this CPU's lock is held (begin_direct_switch), `self` is
    // blocked in wait direct.sequence and `partner` is this CPU's running
    // thread. (The stores below come in the order that keeps the fewest
    // values live at once: riscv64 has few registers to spare, see BUILD.)
    self->wait_sequence = direct.sequence;
    expect_delivery(*self, message);
    sched::Thread& next = *partner->thread;
    bool partner_parked = partner->parked;
    const uint8_t* data = message->data;
    // The id is not checked, so it is read where it is copied rather than
    // kept from the header's copy (one register less across the locks).
    header.id = __atomic_load_n(&message->id, __ATOMIC_RELAXED);
    // A call carries the capability's badge; a reply carries none.
    settle(*partner, partner_parked, header, data, kIsCall ? badge : 0,
           kIsCall ? cairn::kMessageFlagCall : 0);
    // The call counts as parked (which thread_info counts as a call too).
    ++thread.syscall_account.parked;
    if (kIsCall) {
        // (is_call matters only to a queued sender; `self` goes straight to
        // awaiting the reply, with no room for out-of-line bytes in it.)
        ++self->call_sequence;
        self->capacity = 0;
        Endpoint::dequeue_receiver(*partner);
        owe_first_reply(*partner, *self);  // waiting_partner() saw it owes none
    } else {
        self->owed.caller = nullptr;
        endpoint.enqueue_receiver(*self, 0);
        // The owed reply's reference on the caller: its thread holds
        // another while it waits, and it waits until we switch to it.
        partner->release_not_last();
    }
    self->waiting = true;
    self->parked = true;
    lock.unlock_masked();
    sched::park_switching_to(thread, next, partner_parked, 0, direct);
}

// The fast path for one of the two calls (kIsCall: ipc_call, else
// ipc_reply_receive), compiled once for each, so that neither carries the
// other's tests. Returns only if it did not take the call.
template <bool kIsCall>
[[gnu::always_inline]] inline void fast_ipc(uint64_t endpoint_slot, uint64_t message_address,
                                            uint64_t timeout) {
    sched::Thread& thread = sched::thread_of_own_stack();
    ThreadState* self = fast_state(thread, timeout);
    if (self == nullptr) return;
    InlineHeader header;
    cairn::Message* message = qualifying_message(thread, self, message_address, &header);
    if (message == nullptr) return;
    // The call takes a token as handle_syscall() would: up front, so that
    // the committed path need not look at the flag again, and given back
    // if the call is declined after all (the thread's own account: only
    // it touches it, with interrupts masked here).
    sched::SyscallAccount& account = thread.syscall_account;
    if (rate_limited) [[unlikely]] {
        if (account.tokens == 0) return;
        --account.tokens;
    }
    serve<kIsCall>(thread, self, message, header, endpoint_slot);
    if (rate_limited) ++account.tokens;
}

}  // namespace

void set_fast_path_rate_limited(bool on) {
    rate_limited = on;
}

}  // namespace kernel::ipc

namespace kernel {

using namespace ipc;

void try_fast_syscall(uint64_t endpoint_slot, uint64_t message_address, uint64_t timeout,
                      uint32_t number) {
    if (number == static_cast<uint32_t>(cairn::Syscall::kIpcCall))
        fast_ipc<true>(endpoint_slot, message_address, timeout);
    else
        fast_ipc<false>(endpoint_slot, message_address, timeout);
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
