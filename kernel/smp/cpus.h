// Which CPUs run: the boot CPU brings up the others through the HAL
// (hal/smp.h) and waits until each has checked in.
#pragma once

#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/smp/online.h"  // online_cpus(), is_online()

namespace kernel::smp {

inline constexpr uint32_t kMaxCpus = hal::kMaxCpus;

// Starts the other CPUs and waits (bounded) for them; returns how many CPUs
// run in all, the boot CPU included, and prints "smp: N of M CPUs online".
uint32_t start_other_cpus(uint32_t expected_cpus);

// The CPU count firmware reported (what start_other_cpus() was given).
uint32_t expected_cpus();

}  // namespace kernel::smp
