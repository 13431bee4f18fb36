// Interrupts: one controller abstraction over the x86_64 local APIC + I/O
// APIC (legacy PIC masked), the aarch64 GICv2/GICv3 and the riscv64 PLIC,
// plus inter-processor interrupts.
//
// Flow of a device interrupt: the CPU traps into the HAL, which asks the
// controller which line fired (acknowledge), calls kernel::handle_interrupt()
// with interrupts masked, then signals end of interrupt. Timer ticks do not
// go through lines: the HAL calls kernel::handle_timer_tick() (timer.h).
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::irq {

// An interrupt line as the platform numbers it: a global system interrupt
// (I/O APIC input) on x86_64, a GIC INTID (SPIs from 32) on aarch64, a PLIC
// source (from 1) on riscv64.
using Line = uint32_t;

class InterruptController {
public:
    virtual const char* name() const = 0;
    // Lines the controller has (valid lines are below this).
    virtual Line line_count() const = 0;
    // Brings the controller up on the boot CPU with every line masked.
    virtual os::ErrorOr<void> initialize() = 0;
    // kInvalidArgument for a line the controller does not have (or one
    // reserved for the HAL itself, such as the timer's).
    virtual os::ErrorOr<void> enable(Line line) = 0;
    virtual os::ErrorOr<void> disable(Line line) = 0;
    // The pending line this CPU should handle now, marking it in service;
    // false if nothing is pending (a spurious interrupt).
    virtual bool acknowledge(Line* line) = 0;
    virtual void end_of_interrupt(Line line) = 0;
    // Routes the line to `cpu` (an index as hal::current_cpu_index() counts).
    virtual os::ErrorOr<void> set_affinity(Line line, uint32_t cpu) = 0;

protected:
    ~InterruptController() = default;
};

// The platform's controller, found from ACPI (MADT) or the device tree.
InterruptController& controller();

// Sends an inter-processor interrupt to `cpu` (this CPU too), which calls
// kernel::handle_ipi() there. kInvalidArgument for a CPU that does not exist.
os::ErrorOr<void> send_ipi(uint32_t cpu);

// Unmasks / masks interrupts on this CPU for good (hal/cpu.h's
// disable_interrupts/restore_interrupts nest inside this).
void enable_interrupts();

}  // namespace hal::irq

namespace kernel {

// Called by the HAL, interrupts masked, for every device interrupt, between
// acknowledge and end of interrupt.
void handle_interrupt(hal::irq::Line line);

// Called by the HAL for an inter-processor interrupt sent with send_ipi().
void handle_ipi();

}  // namespace kernel
