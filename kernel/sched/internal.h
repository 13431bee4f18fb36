// What scheduler.cc, thread.cc and wait_queue.cc share: the per-CPU state
// and the blocking/waking primitives. Not for use outside kernel/sched
// (direct_switch.h includes it for its inline fast path only).
//
// Locking. Each CPU has a `lock` guarding its run queue, `current`, and the
// scheduling fields of every thread whose `cpu` names it (state, cpu,
// priority, affinity, run_entry, block_sequence). A thread's `cpu` changes
// only with that CPU's lock held (both CPUs' locks when it migrates), so
// "read thread.cpu, lock it, check it is unchanged" finds the right lock.
// The lock is held across hal::context::switch_to and released by the
// thread switched to (finish_switch), so a thread in a run queue has always
// finished switching out: nobody else can pick it before then.
// Lock order: WaitQueue lock -> a CPU's timer lock -> CPU locks (two in
// index order) -> address-space locks (activate) -> the heap.
#pragma once

#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/sched/run_queue.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"
#include "kernel/sched/timer_queue.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {
class AddressSpace;
}

namespace kernel::sched::internal {

// The fields every switch touches come first, ahead of the run queue's
// lists: within a few hundred bytes of the start, each is one load or store
// with a short offset on every architecture (riscv64's reach 2 KiB). A
// power-of-two size, so that cpu(index) is a shift, not a multiply (which
// riscv64 otherwise repeats on every use in a long function); a page each,
// so no two CPUs' records share a cache line either.
struct alignas(4096) Cpu {
    SpinLock lock;
    Thread* current = nullptr;  // guarded by lock
    Thread* idle = nullptr;     // set once when the CPU joins
    // The thread just switched off, if finish_switch() has work for it:
    // exited (kDead: released after the switch off its stack), or preempted
    // off a CPU its affinity no longer allows (kReady, in no queue: placed
    // elsewhere). One field, so that the common case is one load.
    Thread* leaving = nullptr;
    bool need_resched = false;  // atomic: switch at the next preemption point
    bool online = false;        // atomic
    uint32_t ready = 0;         // queue.size(), written under lock, read atomically
    uint64_t context_switches = 0;
    RunQueue queue;  // guarded by lock
    uint32_t node = 0;
    uint64_t switched_in_ns = 0;  // when `current` started running
    uint64_t slice_end_ns = 0;
    uint64_t next_balance_ns = 0;

    uint64_t idle_ns = 0;
    uint64_t migrations_in = 0;
    uint64_t timer_interrupts = 0;

    SpinLock timer_lock;
    TimerQueue timers;                        // guarded by timer_lock
    uint64_t tick_deadline_ns = kNoDeadline;  // guarded by timer_lock
    uint64_t armed_ns = kNoDeadline;          // what the one-shot is set for
};

extern Cpu cpus[kMaxCpus];  // scheduler.cc
static_assert((sizeof(Cpu) & (sizeof(Cpu) - 1)) == 0, "cpu(index) should be a shift");

// Inline and without bounds checks: every switch takes these several times.
// Indices come from the HAL (hal::current_cpu_index() < kMaxCpus, asserted
// where each CPU is brought up) or from fields set from it (Thread::cpu,
// TimerEntry::cpu) or from policy.h's choices (never kNoCpu here).
inline Cpu& cpu(uint32_t index) {
    return cpus[index];
}
inline uint32_t this_cpu_index() {
    return hal::current_cpu_index();
}
inline Cpu& this_cpu() {
    return cpu(this_cpu_index());
}

// A kernel stack overflowed into its canary: panics.
[[noreturn]] void stack_overflow(Thread& thread);

// The canary at the bottom of `self`'s own kernel stack (a CPU's boot
// thread has none: stack_base null) is intact.
[[gnu::always_inline]] inline void check_stack_canary(Thread& self) {
    if (*static_cast<uint64_t*>(self.stack_base) != stack_canary(self.stack_base)) [[unlikely]]
        stack_overflow(self);
}

// What every switch off `self` checks and counts (schedule(), hand_off(),
// direct_switch.h's switches): the canary, and the switch on this CPU and
// for the thread.
[[gnu::always_inline]] inline void leaving(Cpu& c, Thread& self) {
    if (self.stack_base != nullptr) check_stack_canary(self);
    ++self.context_switches;
    ++c.context_switches;
}
// leaving() for a thread that parks in a system call from user mode (so it
// has its own stack): its switch counts as its parked call instead (see
// statistics_of()).
[[gnu::always_inline]] inline void leaving_parked(Cpu& c, Thread& self) {
    check_stack_canary(self);
    ++c.context_switches;
}

// The interrupt state "masked": what lock() returns when interrupts are
// already off, used to unlock without unmasking.
inline hal::InterruptState masked() {
    return hal::disable_interrupts();
}

inline Thread* thread_of(RunQueueEntry* entry) {
    return static_cast<Thread*>(entry->object);
}

// Locks the CPU that `thread` belongs to; returns it. Interrupts masked.
Cpu& lock_thread_cpu(Thread& thread);

// The running thread (interrupts masked) prepares to block: state kBlocked
// and a new block sequence, which it returns. It must call block() next.
uint64_t prepare_to_block();
// Switches away unless a wake came first. Interrupts masked.
void block();
// Makes `thread` ready if it is still blocked in block `sequence` (any
// block with `any_block`). Any context; returns whether it woke.
bool wake_thread(Thread& thread, uint64_t sequence, bool any_block);

// A thread's timer for the block `sequence`, on this CPU; cancel before
// the thread blocks again. Interrupts masked.
void arm_timer(Thread& thread, uint64_t deadline_ns, uint64_t sequence);
void cancel_timer(Thread& thread);

// Places a ready thread that is in no run queue on a CPU its affinity
// allows. No CPU lock held.
void make_ready(Thread& thread);
// The first thing a new thread does: completes the switch into it.
void start_new_thread();
// What every switch point runs right after hal::context::switch_to, in the
// thread switched to: drops the CPU lock the switch held, activates the
// thread's address space, places a migrating thread, releases a dead one
// (for kernel/sched/direct_switch.cc).
void complete_switch();

// Switches if this CPU should and the caller may (interrupts enabled).
void preempt_point();

// thread.cc
void initialize_threads();
Thread* new_thread(const char* name, const ThreadOptions& options, bool with_stack);
void register_thread(Thread& thread);

}  // namespace kernel::sched::internal
