// Scheduling policy as pure functions of plain facts (priorities, times,
// loads, masks), kept apart from the mechanism in scheduler.cc so that host
// tests can drive every decision with a simulated clock.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/sched/priority.h"

namespace kernel::sched::policy {

// Round-robin quantum. Real-time threads round-robin too (with their peers
// only: a lower real-time priority never runs while a higher one is ready).
inline constexpr uint64_t kRealTimeSliceNs = 10'000'000;
inline constexpr uint64_t kNormalSliceNs = 10'000'000;
// How often each CPU pulls work from the busiest one.
inline constexpr uint64_t kBalanceIntervalNs = 100'000'000;

constexpr uint64_t time_slice_ns(Priority priority) {
    return class_of(priority) == SchedulingClass::kRealTime ? kRealTimeSliceNs : kNormalSliceNs;
}

// -1 for "nothing ready" (RunQueue::kEmpty).
inline constexpr int kNothingReady = -1;

// At a tick: should the running thread give up the CPU? Yes when a better
// priority is ready, or when its slice is used up and a peer of the same
// priority is waiting. Never for a worse priority.
constexpr bool preempt_at_tick(Priority running, int best_ready, uint64_t now_ns,
                               uint64_t slice_end_ns) {
    if (best_ready == kNothingReady) return false;
    if (best_ready < running) return true;
    return best_ready == running && now_ns >= slice_end_ns;
}

enum class WakeAction : uint8_t {
    kNone,       // the woken thread waits for its turn
    kAtTick,     // better than the running thread: switch at the next tick
    kImmediate,  // switch now (interrupt the target CPU)
};

// A thread of priority `woken` became ready on a CPU running `running`
// (`running_is_idle`: that CPU runs its idle thread). Real-time wake-ups
// preempt at once; a better normal one at the next tick; an idle CPU is
// woken at once whatever the priority.
constexpr WakeAction wake_action(Priority woken, Priority running, bool running_is_idle) {
    if (running_is_idle) return WakeAction::kImmediate;
    if (woken >= running) return WakeAction::kNone;
    return class_of(woken) == SchedulingClass::kRealTime ? WakeAction::kImmediate
                                                         : WakeAction::kAtTick;
}

// What the placement and balancing decisions know about one CPU.
struct CpuLoad {
    bool online = false;      // in the scheduler
    uint32_t node = 0;        // NUMA node
    uint32_t ready = 0;       // queued, not running
    bool busy = false;        // runs something other than its idle thread
    Priority running = kIdlePriority;

    uint32_t load() const { return ready + (busy ? 1 : 0); }
};

inline constexpr uint32_t kNoCpu = ~uint32_t{0};

// Where a thread that becomes ready should go: among the online CPUs its
// affinity allows, its last CPU if idle (warm caches); else an idle CPU,
// preferring the last CPU's node; else the last CPU if allowed; else the
// least loaded, same node first on a tie. kNoCpu if none is allowed.
uint32_t choose_cpu(CpuMask affinity, uint32_t last_cpu, const CpuLoad* cpus, size_t count);

// Periodic balancing from CPU `self`: the CPU to pull one thread from, or
// kNoCpu. The busiest CPU whose load exceeds ours by at least two (moving
// one thread then narrows the gap) and that has a thread queued; CPUs of
// our node are preferred — another node is chosen only if no CPU of ours
// qualifies and its load exceeds ours by at least three (crossing nodes
// costs memory locality). `movable[c]`: CPU c has a queued thread our
// affinity-check allows (the caller computes it under no lock, as a hint).
uint32_t choose_pull_source(uint32_t self, const CpuLoad* cpus, const bool* movable,
                            size_t count);

// An idle CPU steals: any CPU with a movable queued thread, same node
// first, then the most ready threads. kNoCpu if none.
uint32_t choose_steal_source(uint32_t self, const CpuLoad* cpus, const bool* movable,
                             size_t count);

}  // namespace kernel::sched::policy
