// Measuring the TSC and the local APIC timer against the 8254 PIT, the one
// clock of known frequency every PC (and QEMU) has.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::x86_64 {

struct CalibratedFrequencies {
    uint64_t tsc_hz = 0;
    uint64_t local_apic_timer_hz = 0;  // at divider 1
};

// Counts PIT channel 2 down over ~25 ms (gated through port 0x61, polled:
// no interrupt involved) while the TSC and the local APIC timer run; the
// latter must be configured masked, divider 1. kUnsupported if the PIT
// never finishes (no PIT) or a counter did not move.
os::ErrorOr<CalibratedFrequencies> calibrate_against_pit();

}  // namespace hal::x86_64
