// What boot.cc learned from the firmware and keeps for the HAL's later
// stages (interrupt controller, timer, IPIs), which read the device tree
// again after kernel::main has started.
#pragma once

#include <stdint.h>

#include "kernel/lib/fdt/device_tree.h"

namespace hal::riscv64 {

// The validated device tree the firmware passed. Its blob is reserved
// (kFirmwareData) and stays in the direct map, so the tree stays readable.
const os::fdt::DeviceTree& boot_device_tree();

// The hart id of the boot hart (a0 at entry), which is CPU index 0.
uint64_t boot_hart_id();

}  // namespace hal::riscv64
