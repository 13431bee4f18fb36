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

#include "kernel/sched/internal.h"
#include "kernel/sched/thread.h"

namespace kernel::sched {

// Interrupts masked. If `next` is blocked in wait `next_sequence`, last ran
// on this CPU and has switched off it, and may run here: the running thread
// becomes kBlocked with a new block sequence (*sequence, as begin_wait()
// returns it), `next` becomes this CPU's running thread, and this CPU's
// lock stays HELD for complete_direct_switch(), which the caller must call
// next without taking any CPU lock. Otherwise false and nothing changed.
// Inline: the IPC fast path's (kernel/ipc/parking.cc).
[[gnu::always_inline]] inline bool begin_direct_switch(Thread& next, uint64_t next_sequence,
                                                       uint64_t* sequence) {
    uint32_t index = internal::this_cpu_index();
    // Only a partner whose `cpu` is this CPU: then this CPU's lock guards
    // both threads' scheduling fields, and one lock is all it takes.
    if (__atomic_load_n(&next.cpu, __ATOMIC_RELAXED) != index) return false;
    internal::Cpu& c = internal::cpu(index);
    c.lock.lock_masked();
    Thread& self = *c.current;
    // Blocked in that wait and off this CPU (its context is saved: the
    // lock is held from a switch until finish_switch() in the next thread).
    // Not cpu_bit(): `index` < kMaxCpus needs no check (see internal.h).
    bool direct = next.cpu == index && next.state == ThreadState::kBlocked &&
                  next.block_sequence == next_sequence && c.current != &next &&
                  ((next.affinity >> index) & 1) != 0 && &self != c.idle;
    if (!direct) [[unlikely]] {
        c.lock.unlock_masked();
        return false;
    }
    *sequence = ++self.block_sequence;
    self.state = ThreadState::kBlocked;
    next.state = ThreadState::kRunning;
    next.last_cpu = index;
    c.current = &next;
    return true;
}
// Switches from `self`, the running thread that called begin_direct_switch()
// (which returned true), to `next`. Returns when `self` has been woken and
// is switched back in.
void complete_direct_switch(Thread& self, Thread& next);

// The same switch for a `self` in a system call that parks (hal/park.h):
// nothing of its kernel stack is kept, and it resumes in
// kernel::resume_parked_thread() or straight in user mode when a partner
// parks for it. `next` runs from where its last switch left off, or, if
// `next_parked`, returns to user mode with `next_result`. Never returns.
[[noreturn]] void park_switching_to(Thread& self, Thread& next, bool next_parked,
                                    int64_t next_result);
// What a parked thread runs first, however it is resumed (on its own stack,
// interrupts masked): completes the switch into it as every switch point
// does (drops the CPU lock, activates its address space).
void complete_parked_switch();

}  // namespace kernel::sched
