// The local APIC in xAPIC mode: its registers at the MADT's address,
// through an uncached direct-map mapping. (QEMU 7.2's TCG offers no x2APIC,
// so the MSR interface would not help there.)
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::x86_64::local_apic {

// Maps the registers at `physical_address`, sets the global enable bit in
// IA32_APIC_BASE, and on this CPU: software-enables the APIC with the
// spurious vector, accepts every priority, masks LINT0 (the 8259's ExtINT
// path), makes LINT1 the NMI, and masks the timer and error LVTs.
os::ErrorOr<void> initialize(uint64_t physical_address);

bool initialized();

// The same on a secondary CPU, at the address initialize() was given (which
// the boot CPU ran first: each CPU has its own APIC at the same address).
os::ErrorOr<void> initialize_this_cpu();

// This CPU's APIC ID as the APIC reports it.
uint32_t id();

// Signals the end of the interrupt in service.
void end_of_interrupt();

// The highest vector in service on this CPU (0 if none): with interrupts
// masked, the one being handled.
uint32_t in_service_vector();

// A fixed interrupt on `vector` to the CPU with APIC ID `apic_id`; waits
// until the APIC has sent the previous one.
void send_fixed_ipi(uint32_t apic_id, uint32_t vector);

// The SMP bring-up's messages to a CPU still waiting to start: INIT
// (level assert), then a startup IPI that starts it in real mode at physical
// page `page_number` (below 1 MiB). Both wait until the APIC has sent the
// previous command; the caller keeps interrupts masked, so that no IPI sent
// from an interrupt handler splits the two register writes.
void send_init_ipi(uint32_t apic_id);
void send_startup_ipi(uint32_t apic_id, uint8_t page_number);

// The timer: one-shot on `vector`, counting at the bus clock (divider 1),
// stopped; `masked` for calibration, when it must count but never interrupt.
void configure_timer(uint32_t vector, bool masked);
void start_timer(uint32_t initial_count);  // 0 stops it
uint32_t timer_current_count();

}  // namespace hal::x86_64::local_apic
