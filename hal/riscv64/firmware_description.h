// The boot protocol line of the banner: how we were loaded and by which SBI
// firmware, e.g. "OpenSBI (device tree), SBI v1.0, OpenSBI v1.1".
#pragma once

namespace hal::riscv64 {

// Asks the firmware (SBI base extension) and returns the description; the
// string lives as long as the kernel.
const char* describe_firmware();

}  // namespace hal::riscv64
