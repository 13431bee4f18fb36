// Bringing up the other CPUs: INIT-SIPI-SIPI from a real-mode trampoline on
// x86_64, PSCI CPU_ON on aarch64, SBI HSM hart_start on riscv64.
#pragma once

#include <stdint.h>

namespace hal::smp {

// Starts every CPU the firmware lists besides the boot CPU, one after the
// other. Each new CPU gets its own boot stack, its index (what
// hal::current_cpu_index() returns there: 1, 2, ... in the order the
// interrupt code numbers CPUs), its exception vectors, its part of the
// interrupt controller and its timer, with the kernel's page tables, and
// then calls kernel::secondary_main() with interrupts masked. A CPU that
// does not come up within a bounded time is reported and skipped. Returns
// how many CPUs were started.
uint32_t start_secondary_cpus();

}  // namespace hal::smp

namespace kernel {

// Where every CPU but the boot CPU enters the generic kernel.
[[noreturn]] void secondary_main();

}  // namespace kernel
