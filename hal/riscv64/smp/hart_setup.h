// What SMP bring-up (smp/start.cc) asks of the interrupt and timer code for
// each hart besides the boot hart, which interrupts.cc and timer.cc set up
// through hal::irq::controller().initialize() and hal::timer::initialize().
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::riscv64 {

// On the boot hart, before hart `hart_id` starts as CPU `cpu`: finds and
// maps its PLIC S-mode context.
os::ErrorOr<void> prepare_interrupts_for_cpu(uint32_t cpu, uint64_t hart_id);

// On the new hart: its PLIC context quiet (no line enabled) with threshold 0,
// open to set_affinity() from now on (not earlier: the firmware's start of
// the hart reprograms the context), and sie.SEIE and sie.SSIE (PLIC and
// IPIs), as the PLIC's initialize() does on the boot hart. sstatus.SIE stays
// as it is.
void enable_interrupt_sources_on_this_hart();

// On the new hart: its timer compare at "never" and sie.STIE, with the
// mechanism (stimecmp or SBI) hal::timer::initialize() chose on the boot hart.
// kUnsupported if the boot hart uses stimecmp and this hart may not, or if
// the timer was never initialised.
os::ErrorOr<void> start_timer_on_this_hart();

}  // namespace hal::riscv64
