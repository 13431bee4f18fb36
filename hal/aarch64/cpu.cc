// hal/cpu.h for aarch64: stopping the CPU and switching the machine off.
#include "hal/cpu.h"

#include "hal/aarch64/psci.h"
#include "kernel/debug/print.h"

namespace hal {

void halt() {
    // wfi also wakes for masked interrupts that become pending, hence the loop.
    asm volatile("msr daifset, #0xf" ::: "memory");
    for (;;)
        asm volatile("wfi");
}

void power_off() {
    using namespace hal::aarch64;
    if (psci_conduit() == os::fdt::PsciConduit::kNone) {
        kernel::print("power off: the device tree describes no PSCI; halting instead\n");
        halt();
    }
    // SYSTEM_OFF does not return when it works.
    int64_t status = psci_call(PsciFunction::kSystemOff);
    kernel::print("power off: PSCI SYSTEM_OFF failed with status %lld; halting instead\n",
                  static_cast<long long>(status));
    halt();
}

void wait_for_interrupt() {
    asm volatile("wfi" ::: "memory");
}

}  // namespace hal
