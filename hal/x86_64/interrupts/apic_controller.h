// hal::irq::InterruptController on PCs: the I/O APICs' inputs (GSIs) as
// lines, delivered through the local APICs. Also the CPU table that IPIs
// and affinity use.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::x86_64 {

// CPU indices (as hal::current_cpu_index() counts) are: 0 for the boot CPU,
// then the MADT's other enabled processors in table order. A CPU receives
// IPIs and interrupt lines only once it is marked started; until SMP code
// brings up the others, only CPU 0 is. The SMP bring-up calls this after a
// CPU has initialized its local APIC.
os::ErrorOr<void> mark_cpu_started(uint32_t cpu);

// The APIC ID of CPU `cpu`, for the SMP bring-up's INIT/SIPI; false if the
// MADT lists no such CPU.
bool apic_id_of_cpu(uint32_t cpu, uint32_t* apic_id);

// The GSI an ISA IRQ (0-15) arrives on, after the MADT's overrides (on
// QEMU the PIT's IRQ 0 is GSI 2). For drivers of legacy devices.
os::ErrorOr<uint32_t> gsi_of_isa_irq(uint32_t irq);

}  // namespace hal::x86_64
