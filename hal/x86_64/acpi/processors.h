// How many CPUs the machine has, from the ACPI MADT.
#pragma once

#include <stdint.h>

namespace hal::x86_64::acpi {

// Counts the MADT's processor local APIC and local x2APIC entries that are
// enabled or online-capable. Returns 1, with a printed warning, when the
// MADT is missing or damaged: the CPU running this code exists regardless.
uint32_t count_processors();

}  // namespace hal::x86_64::acpi
