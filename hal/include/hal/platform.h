// What the platform_info system call reports about the machine: where the
// boot console's UART is and which interrupt line its receiver raises, so
// that a user-space driver (given the Platform capability) can map the
// registers with memory_create_device and bind the line with irq_register.
#pragma once

#include <stdint.h>

#include "hal/interrupts.h"

namespace hal::platform {

// Values of cairn::PlatformInfo::serial_kind (abi/cairn/syscalls.h).
enum class SerialKind : uint64_t {
    kNone = 0,
    kPortIo16550 = 1,  // x86_64 COM1: I/O ports, which user space cannot reach
    kMmio16550 = 2,    // byte-wide registers (riscv64 virt's ns16550a)
    kPl011 = 3,        // aarch64 virt
};

struct SerialPort {
    SerialKind kind = SerialKind::kNone;
    uint64_t physical_base = 0;  // MMIO registers; 0 for port I/O (x86_64: 0x3f8 implied)
    uint64_t size = 0;           // bytes of registers
    irq::Line receive_line = 0;  // as hal::irq::InterruptController numbers lines
};

// The boot console's UART. The kernel's console only ever writes to it
// (polling): it never enables the UART's receive interrupt and never reads
// received bytes, so a user-space driver may own both.
SerialPort console_serial_port();

// One past the highest physical address this CPU's page tables may name
// (x86_64: CPUID's MAXPHYADDR, aarch64: ID_AA64MMFR0_EL1.PARange up to the
// 48 bits the kernel configures, riscv64: the PTE format's 56 bits). A
// device mapping above it would make user accesses raise reserved-bit or
// address-size faults, so memory_create_device refuses such ranges.
uint64_t physical_address_limit();

}  // namespace hal::platform
