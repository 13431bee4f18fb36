// Per-CPU timers and the monotonic clock: the LAPIC timer (calibrated
// against the TSC or the PIT) on x86_64, the ARM generic timer on aarch64,
// the time CSR with the SBI timer or Sstc on riscv64.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::timer {

// Calibrates the clock and prepares this CPU's timer (nothing armed yet).
os::ErrorOr<void> initialize();

// Nanoseconds since initialize(); never goes backwards.
uint64_t monotonic_ns();

// The clock's resolution: nanoseconds per tick of the underlying counter
// (rounded up, at least 1).
uint64_t resolution_ns();

// Arms this CPU's timer to interrupt once, `delay_ns` from now (0: as soon
// as possible); replaces an earlier request. The interrupt calls
// kernel::handle_timer_tick() on this CPU with interrupts masked.
void arm_oneshot(uint64_t delay_ns);

// Cancels the pending one-shot on this CPU, if any.
void cancel();

}  // namespace hal::timer

namespace kernel {

// Called by the HAL on every timer interrupt (see arm_oneshot).
void handle_timer_tick();

}  // namespace kernel
