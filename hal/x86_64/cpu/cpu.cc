// hal/cpu.h on x86_64: stopping the CPU, interrupt masking, the time-stamp
// counter. hal::power_off is in acpi/power_off.cc.
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

uint32_t current_cpu_index() {
    // Only the boot CPU runs until SMP brings up the others.
    return 0;
}

InterruptState disable_interrupts() {
    InterruptState previous = x86_64::read_flags() & x86_64::kFlagsInterruptEnable;
    x86_64::disable_interrupts();
    return previous;
}

void restore_interrupts(InterruptState previous) {
    if (previous & x86_64::kFlagsInterruptEnable) {
        x86_64::enable_interrupts();
    } else {
        x86_64::disable_interrupts();
    }
}

uint64_t cycle_counter() {
    return x86_64::read_time_stamp_counter();
}

void spin_pause() {
    x86_64::pause();
}

}  // namespace hal
