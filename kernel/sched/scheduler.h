// The scheduler: per-CPU run queues (scheduler.cc), preemption, sleeping,
// load balancing, and how CPUs join it.
//
// Bring-up (kernel/core/main.cc, kernel/smp/cpus.cc):
//   kernel::main:           sched::initialize();      after mm::initialize
//                           ... (the boot context is now the thread "main",
//                           pinned to CPU 0) ...
//                           sched::exit_current(0);   instead of idling
//   kernel::secondary_main: sched::join_this_cpu();   before checking in
//                           sched::run_idle();        never returns
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/sched/priority.h"
#include "kernel/sched/thread.h"
#include "kernel/sched/wait_queue.h"

namespace kernel::sched {

// On the boot CPU after memory management: the thread cache, the boot
// context as thread "main" and CPU 0's idle thread. Panics on failure.
void initialize();
bool initialized();
// On a secondary CPU: its boot context becomes its idle thread and the CPU
// takes work from now on. Then run_idle().
void join_this_cpu();
[[noreturn]] void run_idle();

// The running thread of this CPU.
Thread& current();

// Ends the running thread: exit hook and observer told, state kDead, never
// returns.
[[noreturn]] void exit_current(int64_t status);
// Called by exit_current() on the exiting thread, before its observer, with
// no lock held: kernel/ipc fails the replies the thread still owes. Set once.
using ExitHook = void (*)(Thread& thread);
void set_exit_hook(ExitHook hook);
// Marks another thread for death: it exits with `status` the next time it
// would return to user mode; if it is blocked it is woken first (its wait
// returns kTimedOut). Kernel threads poll kill_pending() themselves.
void kill(Thread& thread, int64_t status);
inline bool kill_pending(const Thread& thread) {
    return __atomic_load_n(&thread.kill_pending, __ATOMIC_ACQUIRE);
}

void yield();
// Sleeps the running thread at least `nanoseconds` (0: just yield). Returns
// early only if the thread is killed.
void sleep_ns(uint64_t nanoseconds);
os::ErrorOr<void> set_priority(Thread& thread, Priority priority);  // kInvalidArgument > 140
// No online CPU in mask: kInvalidArgument. A thread running elsewhere moves
// at its next switch.
os::ErrorOr<void> set_affinity(Thread& thread, CpuMask mask);

// ---- Waits with the caller's own record (kernel/ipc) -------------------------
// For a waiter that its waker finds through its own structures rather than a
// WaitQueue. With the condition's lock held (interrupts masked):
//   uint64_t sequence = begin_wait();   // the running thread is kBlocked now
//   ... record (thread, sequence) for the waker; unlock (keep interrupts masked)
//   end_wait(sequence, deadline_ns);    // blocks unless woken meanwhile
//   ... lock again and check the condition (a deadline, a kill or a stale
//   wake also end the wait) ...
// and the waker: wake(thread, sequence), in any context.
uint64_t begin_wait();
void end_wait(uint64_t sequence, uint64_t deadline_ns);
bool wake(Thread& thread, uint64_t sequence);
// end_wait() that gives this CPU straight to `next`, a thread blocked in wait
// `next_sequence` that the caller has just satisfied (the IPC fast path: no
// run-queue walk, no IPI). If `next` is not blocked in that wait any more,
// is still switching out on another CPU or may not run here, it is woken as
// by wake() and the caller blocks as in end_wait(). Interrupts masked.
void end_wait_switching_to(uint64_t sequence, uint64_t deadline_ns, Thread& next,
                           uint64_t next_sequence);

// CPUs that have joined the scheduler.
CpuMask online_cpus();

struct CpuStatistics {
    bool online;
    uint32_t node;
    uint32_t ready;             // queued threads
    ThreadId running;           // the thread on the CPU now
    uint64_t context_switches;  // on this CPU since it joined
    uint64_t idle_ns;           // time its idle thread ran
    uint64_t migrations_in;     // threads balancing or stealing brought here
    uint64_t timer_interrupts;
};
void cpu_statistics(uint32_t cpu, CpuStatistics* statistics);

// ---- For kernel/time/clock.cc (the tick) -----------------------------------

// The tick's next deadline on this CPU (kNoDeadline: tick stopped). The
// scheduler owns the CPU's one-shot timer and arms it for the earlier of
// this and the first sleeper's deadline. Interrupts masked.
void set_tick_deadline(uint64_t deadline_ns);
// Every timer interrupt on this CPU, interrupts masked: wakes expired
// sleepers; on a tick (`tick`) also charges the time slice, decides
// preemption and balances every 100 ms.
void handle_timer_interrupt(uint64_t now_ns, bool tick);

}  // namespace kernel::sched
