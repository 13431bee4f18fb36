// Per-CPU state the aarch64 HAL sets up on the boot CPU (cpu.cc).
#pragma once

#include <stdint.h>

namespace hal::aarch64 {

// MPIDR_EL1's affinity fields (Aff3 in bits [39:32], Aff2-Aff0 in [23:0]):
// what a device tree's /cpus/cpu@N reg holds for this CPU.
uint64_t current_cpu_affinity();

// Gives the boot CPU index 0 (TPIDR_EL1, see hal/arch/cpu_inline.h) and
// starts the cycle counter. Once, before anything calls current_cpu_index().
void initialize_boot_cpu();

}  // namespace hal::aarch64
