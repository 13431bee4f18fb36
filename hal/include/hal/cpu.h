// CPU control that generic code needs before the scheduler exists.
#pragma once

#include <stdint.h>

namespace hal {

// Disables interrupts on this CPU and stops it for good.
[[noreturn]] void halt();

// Asks the firmware or platform to switch the machine off (ACPI S5 on x86_64,
// PSCI SYSTEM_OFF on aarch64, SBI system reset on riscv64). Falls back to
// halt() if the platform cannot power off.
[[noreturn]] void power_off();

// Waits for the next interrupt (hlt / wfi); returns after it has been taken.
void wait_for_interrupt();

// Index of the executing CPU, 0 .. cpu_count-1 (always 0 until SMP starts
// the others).
uint32_t current_cpu_index();

// Interrupt masking on this CPU. disable_interrupts() returns the previous
// state for restore_interrupts(), so the pair nests.
using InterruptState = uint64_t;
InterruptState disable_interrupts();
void restore_interrupts(InterruptState previous);

// A free-running counter for measurements: rdtsc on x86_64, PMCCNTR_EL0 on
// aarch64, rdcycle on riscv64. Under QEMU `-icount shift=0` it counts guest
// instructions.
uint64_t cycle_counter();

// A hint inside spin loops (pause / yield / nop).
void spin_pause();

}  // namespace hal
