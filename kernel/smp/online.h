// Which CPUs have checked in, apart from cpus.h's bring-up so that code
// built for host tests (IPIs, TLB shootdown) can use it without the HAL's
// SMP start.
#pragma once

#include <stdint.h>

namespace kernel::smp {

// Bit n: CPU n has checked in (secondary_main() sets it; the boot CPU, 0,
// is set from the start). Written with atomic read-modify-write operations.
extern uint64_t online_mask;
// How many CPUs have checked in.
extern uint32_t online_count;

// CPUs that have checked in (the boot CPU counts from the start).
uint32_t online_cpus();
bool is_online(uint32_t cpu);

// online_mask, read atomically.
uint64_t online_cpu_mask();

// Marks `cpu` as checked in: what secondary_main() does; host tests use it to
// bring up fake CPUs. Ignored beyond hal::kMaxCpus.
void mark_online(uint32_t cpu);

}  // namespace kernel::smp
