// hal/timer.h on x86_64: the monotonic clock from the TSC (assumed
// invariant, as it is on every CPU of the last decade and under QEMU), and
// one-shot interrupts from the local APIC timer, both calibrated against the
// PIT at initialize().
#pragma once

namespace hal::x86_64 {

// The local APIC timer's vector (interrupts/dispatch.cc calls this, then
// signals end of interrupt).
void handle_local_apic_timer_interrupt();

}  // namespace hal::x86_64
