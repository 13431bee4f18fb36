// The Arm PL011 UART, the boot console of QEMU's virt board. The register
// constants are shared with boot.S, which prints fatal errors before C++ runs.
#pragma once

// Where QEMU virt puts its first PL011 (physical). Used until the device tree
// has been read and names the real one.
#define PL011_FALLBACK_BASE 0x09000000

#define PL011_DR 0x00              // data register: writing transmits a character
#define PL011_FR 0x18              // flag register
#define PL011_FR_TXFF_BIT 5        // transmit FIFO full
#define PL011_REGISTERS_USED 0x1c  // bytes from the base the driver touches

// How many times a writer polls TXFF before deciding the port is stuck. One
// character takes about 87 us at 115200 baud; a million register reads take
// far longer than that on any core, so only a dead port reaches the limit.
#define PL011_TX_POLL_LIMIT 0x100000

#ifndef __ASSEMBLER__

#include <stdint.h>

namespace hal::aarch64 {

// Switches the console to the PL011 whose registers start at virtual address
// `base`: where hal::aarch64::map_device() mapped the physical ones.
void use_pl011_at(uintptr_t base);

}  // namespace hal::aarch64

#endif
