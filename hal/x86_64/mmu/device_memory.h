// Device registers through the direct map, made uncached.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::x86_64 {

// The direct-map address of the device registers at [physical_address,
// physical_address + size), after making every direct-map leaf that covers
// them uncached (PWT|PCD: PAT entry 3, UC at power-on). Registers read
// through a write-back mapping could be served from the cache.
//
// The direct map uses 2 MiB pages there, so the whole 2 MiB around the
// registers turns uncached: allowed only in the top 32 MiB below 4 GiB, which
// PCs reserve for the chipset (local APIC, I/O APICs, HPET, firmware flash)
// and never give to RAM. kUnsupported elsewhere, kNotFound if the direct map
// does not reach the range. Boot CPU only, before the other CPUs start (no
// TLB shootdown).
os::ErrorOr<volatile void*> map_device_registers(uint64_t physical_address, uint64_t size);

}  // namespace hal::x86_64
