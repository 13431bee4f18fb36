// The switch's half of hal/io_ports.h (cpu/io_ports.cc).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/io_ports.h"

namespace hal::x86_64 {

// Opens exactly `access`'s ports (nullptr: none) in CPU `cpu`'s I/O
// permission bitmap; nothing to do if they are open already. The executing
// CPU's own, interrupts masked.
void apply_io_ports(uint32_t cpu, const io_ports::PortAccess* access);

}  // namespace hal::x86_64

namespace hal::x86_64::acpi {

// The ACPI power-management I/O ports the kernel uses (acpi/power_off.cc):
// the SMI command port and the PM1a/PM1b event and control blocks, from
// the FADT. Writes up to `capacity` ranges and returns how many.
size_t power_management_ports(io_ports::Range* ranges, size_t capacity);

}  // namespace hal::x86_64::acpi
