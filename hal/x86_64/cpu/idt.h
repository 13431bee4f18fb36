// The interrupt descriptor table.
#pragma once

namespace hal::x86_64 {

// Installs gates for the 32 CPU exception vectors, all leading to
// x86_64_handle_exception; double fault and NMI run on their IST stacks.
// The other 224 vectors stay not-present until there is an interrupt
// controller: a stray one raises #GP, which is reported like any exception.
// Requires load_gdt_and_task_state() first (the gates name its selectors).
void load_idt();

}  // namespace hal::x86_64
