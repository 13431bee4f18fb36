// The IPC fast path's switch (kernel/ipc/fast_path.cc): the running thread
// blocks and gives this CPU straight to a partner it has just satisfied, in
// one step under this CPU's lock: no run-queue pick, no IPI, no second
// lock round as begin_wait() + end_wait_switching_to() take, no clock read.
//
//   uint64_t sequence;
//   if (begin_direct_switch(next, next_sequence, &sequence)) {
//       ... publish (self, sequence) for wakers; drop own locks, interrupts
//       stay masked ...
//       complete_direct_switch(self, next);  // returns once woken and back on a CPU
//   }
//
// Time is charged lazily: no clock is read, so the partner's run counts
// towards whichever thread the next full switch on this CPU takes off it,
// and the partner runs out the time slice of the thread that called it
// (the slice is donated with the CPU).
#pragma once

#include <stdint.h>

#include "hal/park.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/sched/internal.h"
#include "kernel/sched/thread.h"

namespace kernel::sched {

// This CPU as begin_direct_switch() found it, for the switch that follows:
// its index, its record (locked) and `self`'s new block sequence.
struct DirectSwitch {
    uint32_t index;
    internal::Cpu* cpu;
    uint64_t sequence;
};

// Interrupts masked; `self` is the running thread. If `next` is blocked in
// wait `next_sequence`, last ran on this CPU and has switched off it, and
// may run here: `self` becomes kBlocked with a new block sequence
// (switch->sequence, as begin_wait() returns it), `next` becomes this CPU's
// running thread, and this CPU's lock stays HELD for
// complete_direct_switch() or park_switching_to(), which the caller must
// call next without taking any CPU lock. Otherwise false and nothing
// changed. Inline: the IPC fast path's (kernel/ipc/parking.cc).
[[gnu::always_inline]] inline bool begin_direct_switch(Thread& self, Thread& next,
                                                       uint64_t next_sequence,
                                                       DirectSwitch* direct) {
    uint32_t index = internal::this_cpu_index();
    internal::Cpu& c = internal::cpu(index);
    // Only a partner whose `cpu` is this CPU: then this CPU's lock guards
    // both threads' scheduling fields, and one lock is all it takes. Our own
    // lock: taking it costs no more than a check without it would, and
    // every check below needs it anyway.
    c.lock.lock_masked();
    // Blocked in that wait: off this CPU, its context saved (the lock is
    // held from a switch until finish_switch() in the next thread, and a
    // thread blocks only itself, so a kBlocked thread other than the
    // running one has switched off; `self` is running, so `next` is not
    // `self`). Not cpu_bit(): `index` < kMaxCpus needs no check (see
    // internal.h). `self`, in a system call, is not the idle thread.
    // One test and branch each (see ipc::fast_state()).
    bool direct_ok = true;
    if (next.cpu != index) [[unlikely]]
        direct_ok = false;
    else if (next.state != ThreadState::kBlocked) [[unlikely]]
        direct_ok = false;
    else if (next.block_sequence != next_sequence) [[unlikely]]
        direct_ok = false;
    else if (((next.affinity >> index) & 1) == 0) [[unlikely]]
        direct_ok = false;
    if (!direct_ok) [[unlikely]] {
        c.lock.unlock_masked();
        return false;
    }
    direct->index = index;
    direct->cpu = &c;
    direct->sequence = ++self.block_sequence;
    self.state = ThreadState::kBlocked;
    next.state = ThreadState::kRunning;
    next.last_cpu = index;
    c.current = &next;
    return true;
}
// The same for a caller that needs only the sequence (*sequence).
[[gnu::always_inline]] inline bool begin_direct_switch(Thread& self, Thread& next,
                                                       uint64_t next_sequence, uint64_t* sequence) {
    DirectSwitch direct;
    if (!begin_direct_switch(self, next, next_sequence, &direct)) return false;
    *sequence = direct.sequence;
    return true;
}
// Switches from `self`, the running thread that called begin_direct_switch()
// (which returned true), to `next`. Returns when `self` has been woken and
// is switched back in.
void complete_direct_switch(Thread& self, Thread& next);

namespace detail {
// Whether park_switching_to() finishes a parked partner's arrival itself
// (hal::context::park_and_resume); false only for tests
// (set_fused_parked_arrival()).
inline bool fused_parked_arrival = true;
}  // namespace detail

// `ipc_arrival=slow` on the kernel command line (tests/user/ipctest): every
// parked partner arrives through hal::context::resume_parked() and
// kernel::parked_thread_arrived(), the way a partner with a pending kill or
// preemption always does, so that tests run that path on purpose.
inline void set_fused_parked_arrival(bool on) {
    detail::fused_parked_arrival = on;
}

// park_switching_to()'s general part (after leaving_parked()): hal::context::park,
// then resume_parked() or switch_from_parked(), and `next` finishes the
// switch in kernel::parked_thread_arrived() or where its last switch left off.
[[noreturn]] void park_switching_to_slowly(Thread& self, Thread& next, bool next_parked,
                                           int64_t next_result);

// park_switching_to()'s end when the address-space switch needs more than
// mm::as_switch_masked_fast(): mm::as_switch_masked(), then
// hal::context::park_and_resume().
[[noreturn]] void park_and_resume_switching_space(Thread& self, Thread& next, int64_t next_result,
                                                  const DirectSwitch& direct);

// The same switch for a `self` in a system call that parks (hal/park.h):
// nothing of its kernel stack is kept, and it resumes in
// kernel::resume_parked_thread() or straight in user mode when a partner
// parks for it. `next` runs from where its last switch left off, or, if
// `next_parked`, returns to user mode with `next_result`. Never returns.
// Inline: the IPC fast path's (kernel/ipc/parking.cc), after
// begin_direct_switch() (this CPU's lock held, `direct` its record); the
// caller has counted the switch as a parked call.
[[noreturn, gnu::always_inline]] inline void park_switching_to(Thread& self, Thread& next,
                                                               bool next_parked,
                                                               int64_t next_result,
                                                               const DirectSwitch& direct) {
    internal::Cpu& c = *direct.cpu;
    internal::leaving_parked(c, self);
    // The common case of the fast path, both threads parked: `next`'s
    // arrival work (parked_thread_arrived()) is done here, on our stack,
    // and the HAL goes straight to its user mode. Nothing to place or
    // release (c.leaving is set only inside a switch, from schedule() to
    // finish_switch() in the thread switched to, so it is null while `self`
    // runs its system call), no kill or preemption to act on before it returns
    // to user mode (handle_return_to_user()): a kill or wake that comes
    // later finds `next` running only after it took this CPU's lock, which
    // the HAL releases only once `next` runs, and then sends its IPI, which
    // interrupts `next` in user mode as it would after any return (so
    // `next`'s kill flag is read relaxed: a killer sets it before it takes
    // this CPU's lock, and a flag we miss is one whose IPI comes). The
    // address space is activated under the CPU lock, unlike in
    // finish_switch(): activate_masked() never waits for another CPU (its
    // slow path takes only the ASID lock, whose holders take no CPU lock),
    // so a CPU spinning on our lock is only delayed.
    // (One test and branch each, see ipc::fast_state().)
    if (!next_parked) [[unlikely]]
        park_switching_to_slowly(self, next, next_parked, next_result);
    if (os::load_flag_relaxed(next.kill_pending)) [[unlikely]]
        park_switching_to_slowly(self, next, next_parked, next_result);
    if (os::load_flag_relaxed(c.need_resched)) [[unlikely]]
        park_switching_to_slowly(self, next, next_parked, next_result);
    if (!detail::fused_parked_arrival) [[unlikely]]
        park_switching_to_slowly(self, next, next_parked, next_result);
    // A switch to no address space (a kernel thread's) is the rare case:
    // out of line, so that nothing here has to survive a call (which on
    // riscv64 would cost saved registers on every call: see kernel/ipc/BUILD).
    if (!mm::as_switch_masked_fast(next.address_space, direct.index)) [[unlikely]]
        park_and_resume_switching_space(self, next, next_result, direct);
    hal::context::park_and_resume(self.context, next.context, next_result,
                                  c.lock.word_for_release());
}

// What a parked thread runs first, however it is resumed (on its own stack,
// interrupts masked): completes the switch into it as every switch point
// does (drops the CPU lock, activates its address space).
void complete_parked_switch();

}  // namespace kernel::sched
