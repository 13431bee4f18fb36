// Which CSR hal::cycle_counter() reads (cpu.cc).
#pragma once

namespace hal::riscv64 {

// Tries `rdcycle` once (probes.S; trap.cc skips it if it traps) and picks
// rdcycle or, if the firmware did not enable the cycle CSR for S-mode,
// rdtime. Needs the trap vector.
void probe_cycle_counter();

const char* cycle_counter_source();  // for the boot log

}  // namespace hal::riscv64
