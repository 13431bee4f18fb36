// Prints the machine as the HAL found it: CPUs, memory map, boot archive.
// Boot tests read these lines, so their format is part of the test contract
// (tests/boot/BUILD and tests/boot/boot_test.sh).
#pragma once

#include "hal/boot_info.h"

namespace kernel {

void report_boot_info(const hal::BootInfo& boot_info);

}  // namespace kernel
