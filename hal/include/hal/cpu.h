// CPU control that generic code needs before the scheduler exists.
#pragma once

namespace hal {

// Disables interrupts on this CPU and stops it for good.
[[noreturn]] void halt();

// Asks the firmware or platform to switch the machine off (ACPI S5 on x86_64,
// PSCI SYSTEM_OFF on aarch64, SBI system reset on riscv64). Falls back to
// halt() if the platform cannot power off.
[[noreturn]] void power_off();

// Waits for the next interrupt (hlt / wfi); returns after it has been taken.
void wait_for_interrupt();

}  // namespace hal
