// Starting the secondary CPUs (hal/smp.h): INIT-SIPI-SIPI into the real-mode
// trampoline (trampoline.S), then x86_64_secondary_entry in C++.
#pragma once

#include "kernel/lib/memory_map.h"

namespace hal::x86_64 {

// Sets aside a usable page below 1 MiB for the trampoline: the highest page
// in [4 KiB, 640 KiB) that the map still lists as usable (after the boot code
// reserved what the loader left there) becomes kKernel, so kernel/mm never
// hands it out. Called by x86_64_boot_main before kernel::main. If there is
// none, it says so and start_secondary_cpus() starts nothing.
void reserve_trampoline_page(os::MemoryMap& map);

}  // namespace hal::x86_64
