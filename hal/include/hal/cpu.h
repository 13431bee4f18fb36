// CPU control that generic code needs before the scheduler exists.
//
// The functions declared `inline` here run on every lock and every per-CPU
// access, so a call would cost more than their few instructions. Each target
// defines them in its hal/arch/cpu_inline.h, which this header includes at
// the end: hal/<arch>/include/ for the kernels, hal/host/include/ for host
// builds (//hal:interface picks one by the target platform). Generic code
// still includes only this header.
#pragma once

#include <stdint.h>

namespace hal {

// The most CPUs the kernel and the HAL handle (CPU indices 0..kMaxCpus-1;
// CPU masks are one 64-bit word). Firmware listing more gets the first 64.
inline constexpr uint32_t kMaxCpus = 64;

// Disables interrupts on this CPU and stops it for good.
[[noreturn]] void halt();

// Asks the firmware or platform to switch the machine off (ACPI S5 on x86_64,
// PSCI SYSTEM_OFF on aarch64, SBI system reset on riscv64). Falls back to
// halt() if the platform cannot power off.
[[noreturn]] void power_off();

// Waits for the next interrupt (hlt / wfi); returns after it has been taken.
void wait_for_interrupt();

// Index of the executing CPU, 0 .. cpu_count-1 (always 0 until SMP starts
// the others). Read afresh on every call.
inline uint32_t current_cpu_index();

// Interrupt masking on this CPU. disable_interrupts() returns the previous
// state for restore_interrupts(), so the pair nests. Both are compiler
// barriers: memory accesses stay between them.
using InterruptState = uint64_t;
inline InterruptState disable_interrupts();
inline void restore_interrupts(InterruptState previous);
// Whether interrupts are unmasked on this CPU right now.
inline bool interrupts_enabled();

// A free-running counter for measurements: rdtsc on x86_64, PMCCNTR_EL0 on
// aarch64, rdcycle on riscv64. Under QEMU `-icount shift=0` it counts guest
// instructions.
uint64_t cycle_counter();

// A hint inside spin loops (pause / yield / nop).
inline void spin_pause();

}  // namespace hal

#include "hal/arch/cpu_inline.h"
