// Reading the Multiple APIC Description Table (ACPI 6.5, 5.2.12), which
// lists the machine's interrupt controllers, among them one local APIC (or
// x2APIC) per processor.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace hal::x86_64::acpi {

// Counts the processor local APIC and local x2APIC entries of `madt` (the
// whole table, header included) that are enabled or online-capable. Every
// entry is checked against the table's bounds first: kMalformed if the table
// is shorter than its fixed part, an entry's length is impossible, or a
// processor entry is too short for its fields.
os::ErrorOr<uint32_t> count_madt_processors(os::Bytes madt);

}  // namespace hal::x86_64::acpi
