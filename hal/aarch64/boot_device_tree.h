// The device tree the loader passed, kept for the parts of the HAL that
// read it after boot (the interrupt controller, the timer, the CPUs). The
// blob stays where the loader put it, reserved, and reachable through the
// direct map.
#pragma once

#include "kernel/lib/fdt/device_tree.h"

namespace hal::aarch64 {

// The validated tree (boot.cc); empty before aarch64_boot_main opened it.
const os::fdt::DeviceTree& boot_device_tree();

}  // namespace hal::aarch64
