// The inline part of hal/cpu.h for host builds (included by hal/cpu.h;
// include that instead): a host thread is a CPU whose index the test sets
// with hal::host::set_current_cpu(), and "interrupts" are a per-thread flag
// that only records masking (so code asserting on it can be tested).
#pragma once

#include <stdint.h>

namespace hal {

namespace host::internal {
// Written by set_current_cpu() (host_hal.h).
inline constinit thread_local uint32_t current_cpu = 0;
inline constinit thread_local bool interrupts_enabled = true;
}  // namespace host::internal

inline uint32_t current_cpu_index() {
    return host::internal::current_cpu;
}

inline InterruptState disable_interrupts() {
    InterruptState previous = host::internal::interrupts_enabled;
    host::internal::interrupts_enabled = false;
    return previous;
}

inline void restore_interrupts(InterruptState previous) {
    host::internal::interrupts_enabled = previous != 0;
}

inline bool interrupts_enabled() {
    return host::internal::interrupts_enabled;
}

inline void spin_pause() {}

}  // namespace hal
