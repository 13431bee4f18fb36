// The inline part of hal/cpu.h for host builds (included by hal/cpu.h;
// include that instead): a host thread is a CPU whose index the test sets
// with hal::host::set_current_cpu(), and there are no interrupts to mask.
#pragma once

#include <stdint.h>

namespace hal {

namespace host::internal {
// Written by set_current_cpu() (host_hal.h).
inline constinit thread_local uint32_t current_cpu = 0;
}  // namespace host::internal

inline uint32_t current_cpu_index() {
    return host::internal::current_cpu;
}

inline InterruptState disable_interrupts() {
    return 0;
}

inline void restore_interrupts(InterruptState) {}

inline void spin_pause() {}

}  // namespace hal
