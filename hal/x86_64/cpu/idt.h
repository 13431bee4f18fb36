// The interrupt descriptor table.
#pragma once

namespace hal::x86_64 {

// Installs gates for all 256 vectors, all leading to
// x86_64_handle_exception with the same frame: the 32 CPU exceptions
// (double fault and NMI on their IST stacks) and the interrupt vectors,
// which it passes on to interrupts/dispatch.cc.
// Requires load_gdt_and_task_state() first (the gates name its selectors).
void load_idt();

// Loads the same table, which load_idt() has filled, on a secondary CPU.
void load_idt_on_this_cpu();

}  // namespace hal::x86_64
