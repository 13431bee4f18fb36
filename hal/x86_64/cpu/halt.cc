// Stopping the CPU. hal::power_off is in acpi/power_off.cc.
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

}  // namespace hal
