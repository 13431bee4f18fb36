// The kernel's tick: a per-CPU one-shot timer re-armed on every interrupt
// at a fixed rate, with deadlines taken from the monotonic clock so ticks
// do not drift when an interrupt is served late. The scheduler (issue 4)
// hangs its time slices and preemption here.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::time {

inline constexpr uint32_t kDefaultTickHz = 100;

// Starts this CPU's tick at `hz` (1..10000). kInvalidArgument otherwise.
os::ErrorOr<void> start_tick(uint32_t hz = kDefaultTickHz);
// Stops this CPU's tick.
void stop_tick();

// Ticks this CPU has taken since start_tick().
uint64_t ticks();
// The rate this CPU ticks at (0: stopped).
uint32_t tick_hz();

// Nanoseconds since boot (hal::timer::monotonic_ns()).
uint64_t now_ns();

}  // namespace kernel::time
