// hal/cpu.h on x86_64: stopping the CPU, the time-stamp counter. The inline
// part (CPU index, interrupt masking, spin_pause) is in
// include/hal/arch/cpu_inline.h; hal::power_off is in acpi/power_off.cc.
#include "hal/cpu.h"

#include "hal/x86_64/cpu/instructions.h"

namespace hal {

void halt() {
    // An NMI still wakes a halted CPU even with interrupts disabled; the
    // loop puts it back to sleep.
    for (;;) {
        x86_64::disable_interrupts();
        x86_64::halt_until_interrupt();
    }
}

void wait_for_interrupt() {
    x86_64::halt_until_interrupt();
}

uint64_t cycle_counter() {
    return x86_64::read_time_stamp_counter();
}

}  // namespace hal
