// The machine's NUMA topology, from the ACPI SRAT.
#pragma once

#include "hal/boot_info.h"

namespace hal::x86_64::acpi {

// Fills `topology` from the SRAT. Without one (a machine that is not NUMA)
// or with a damaged one (reported on the console), leaves it as it is: one
// node holding all memory and every CPU.
void read_numa_topology(NumaTopology& topology);

}  // namespace hal::x86_64::acpi
