// The x86 I/O port space: in/out instructions for the devices that live
// there at boot (the COM1 UART, the ACPI power-management registers).
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

inline uint8_t read_port_u8(uint16_t port) {
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

inline uint16_t read_port_u16(uint16_t port) {
    uint16_t value;
    asm volatile("inw %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

inline void write_port_u8(uint16_t port, uint8_t value) {
    asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

inline void write_port_u16(uint16_t port, uint16_t value) {
    asm volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

// About a microsecond on PC hardware: port 0x80 is the POST diagnostic port,
// which no device answers quickly. Used to pace bounded waits.
inline void io_delay() {
    write_port_u8(0x80, 0);
}

}  // namespace hal::x86_64
