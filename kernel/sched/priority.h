// Priorities, scheduling classes and CPU masks: the vocabulary every part of
// the scheduler (and its users) shares.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel::sched {

using ThreadId = uint64_t;
using Priority = uint8_t;

// Three classes on one priority scale (lower number runs first).
inline constexpr Priority kHighestRealTimePriority = 0;
inline constexpr Priority kLowestRealTimePriority = 99;
inline constexpr Priority kHighestNormalPriority = 100;
inline constexpr Priority kDefaultNormalPriority = 120;
inline constexpr Priority kLowestNormalPriority = 139;
inline constexpr Priority kIdlePriority = 140;
inline constexpr size_t kPriorityCount = 141;

enum class SchedulingClass : uint8_t { kRealTime, kNormal, kIdle };
constexpr SchedulingClass class_of(Priority priority) {
    return priority <= kLowestRealTimePriority ? SchedulingClass::kRealTime
           : priority <= kLowestNormalPriority ? SchedulingClass::kNormal
                                               : SchedulingClass::kIdle;
}

// CPUs a thread may run on: bit n is CPU n (kernel::smp::kMaxCpus = 64).
using CpuMask = uint64_t;
inline constexpr CpuMask kAllCpus = ~CpuMask{0};
inline constexpr uint32_t kMaxCpus = 64;

constexpr CpuMask cpu_bit(uint32_t cpu) {
    return cpu < kMaxCpus ? CpuMask{1} << cpu : 0;
}

// Deadlines are kernel::time::now_ns() (= hal::timer::monotonic_ns()) values.
inline constexpr uint64_t kNoDeadline = ~uint64_t{0};

}  // namespace kernel::sched
