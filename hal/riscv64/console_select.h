// Chooses where hal::console_write (console.cc) sends its output.
//
// Until boot.cc has read the device tree, output goes to the NS16550A at the
// address QEMU's virt board always uses, so that even the earliest failures
// are visible.
#pragma once

#include <stdint.h>

namespace hal::riscv64 {

inline constexpr uintptr_t kVirtUartAddress = 0x10000000;

// Writes to the NS16550A whose registers start at `base` (byte-wide registers,
// register shift 0, as the device tree's "ns16550a" node describes them).
void console_use_uart(uintptr_t base);

// Writes through the SBI firmware's console: for machines without a UART we
// know, and for reporting a fault that the UART itself may have caused.
void console_use_firmware();

}  // namespace hal::riscv64
