// Finding and validating ACPI tables (ACPI 6.5, chapter 5.2).
//
// Firmware tables are input like any other: every table handed out here has
// been checked to lie inside the direct map, to have a plausible length and
// to checksum to zero. Problems are printed with the table's name and
// address, and the table is treated as absent.
#pragma once

#include <stdint.h>

#include "hal/x86_64/acpi/table_header.h"

namespace hal::x86_64::acpi {

// The table with `signature` (e.g. "APIC" for the MADT, "FACP" for the FADT)
// listed in the XSDT, or in the RSDT on ACPI 1.0 firmware; nullptr if there
// is none or it is damaged. The first call locates the RSDP and the root
// table and reports any problem with them.
const TableHeader* find_table(const char* signature);

// The table at `physical_address`, validated as above and expected to carry
// `signature`; nullptr and a printed reason otherwise. For tables reached
// through another table rather than the root table (the FADT's DSDT).
const TableHeader* map_table(uint64_t physical_address, const char* signature);

}  // namespace hal::x86_64::acpi
