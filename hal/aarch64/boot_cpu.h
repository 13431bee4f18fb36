// Per-CPU state the aarch64 HAL sets up on each CPU (cpu.cc).
#pragma once

#include <stdint.h>

namespace hal::aarch64 {

// MPIDR_EL1's affinity fields (Aff3 in bits [39:32], Aff2-Aff0 in [23:0]):
// what a device tree's /cpus/cpu@N reg holds for this CPU.
uint64_t current_cpu_affinity();

// Gives the boot CPU index 0 (TPIDR_EL1, see hal/arch/cpu_inline.h) and
// starts the cycle counter. Once, before anything calls current_cpu_index().
void initialize_boot_cpu();

// The same for any CPU: TPIDR_EL1 = the tagged `index`, the cycle counter
// started. smp.cc calls it first thing in C++ on every secondary CPU.
void initialize_this_cpu(uint32_t index);

}  // namespace hal::aarch64
