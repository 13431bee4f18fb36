// Chooses where hal::console_write (console.cc) sends its output.
//
// Output goes through the SBI firmware's console until riscv64_boot has
// mapped the NS16550A at the address QEMU's virt board always uses (its first
// step), and to the UART the device tree names once boot.cc has read it.
#pragma once

#include <stdint.h>

namespace hal::riscv64 {

inline constexpr uint64_t kVirtUartAddress = 0x10000000;
inline constexpr uint64_t kVirtUartSize = 0x100;

// Writes to the NS16550A whose registers start at physical address
// `physical_base` (byte-wide registers, register shift 0, as the device
// tree's "ns16550a" node describes them), mapped through the fixmap.
void console_use_uart(uint64_t physical_base, uint64_t size);

// Writes through the SBI firmware's console: for machines without a UART we
// know, and for reporting a fault that the UART itself may have caused.
void console_use_firmware();

}  // namespace hal::riscv64
