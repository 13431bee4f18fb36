// The early console: the COM1 16550 UART at I/O port 0x3f8, 115200 baud 8N1,
// polled. It sets itself up on first use, so it works from the first line of
// C++, in exception handlers and in panic(), whatever ran before.
#include <stddef.h>
#include <stdint.h>

#include "hal/console.h"
#include "hal/x86_64/cpu/port_io.h"

namespace hal {
namespace {

using x86_64::read_port_u8;
using x86_64::write_port_u8;

constexpr uint16_t kCom1 = 0x3f8;

// 16550 registers, as offsets from the base port.
constexpr uint16_t kData = 0;             // DLAB=0: transmit/receive buffer
constexpr uint16_t kInterruptEnable = 1;  // DLAB=0
constexpr uint16_t kDivisorLow = 0;       // DLAB=1
constexpr uint16_t kDivisorHigh = 1;      // DLAB=1
constexpr uint16_t kFifoControl = 2;
constexpr uint16_t kLineControl = 3;
constexpr uint16_t kModemControl = 4;
constexpr uint16_t kLineStatus = 5;
constexpr uint16_t kScratch = 7;

constexpr uint8_t kLineControlDivisorLatch = 0x80;
constexpr uint8_t kLineControl8N1 = 0x03;
constexpr uint8_t kFifoEnableAndClear = 0x07;
constexpr uint8_t kModemControlDtrRts = 0x03;  // OUT2 stays off: no UART interrupts
constexpr uint8_t kLineStatusTransmitEmpty = 0x20;
constexpr uint16_t kDivisorFor115200 = 1;  // the UART clock is 1.8432 MHz / 16

// A byte takes about 87 us at 115200 baud and one status read about 1 us on
// PC hardware, so this allows dozens of byte times before giving up.
constexpr int kTransmitPolls = 100000;

enum class PortState { kUnconfigured, kReady, kUnusable };

PortState port_state = PortState::kUnconfigured;

// Programs 115200 8N1. If the scratch register does not hold a value, no
// UART answers at 0x3f8 (the bus returns 0xff) and output is dropped.
void configure_port() {
    write_port_u8(kCom1 + kScratch, 0x5a);
    if (read_port_u8(kCom1 + kScratch) != 0x5a) {
        port_state = PortState::kUnusable;
        return;
    }
    write_port_u8(kCom1 + kInterruptEnable, 0);
    write_port_u8(kCom1 + kLineControl, kLineControlDivisorLatch);
    write_port_u8(kCom1 + kDivisorLow, kDivisorFor115200 & 0xff);
    write_port_u8(kCom1 + kDivisorHigh, kDivisorFor115200 >> 8);
    write_port_u8(kCom1 + kLineControl, kLineControl8N1);
    write_port_u8(kCom1 + kFifoControl, kFifoEnableAndClear);
    write_port_u8(kCom1 + kModemControl, kModemControlDtrRts);
    port_state = PortState::kReady;
}

// Sends one byte once the transmitter has room. A port that never drains is
// declared unusable, so later output costs nothing instead of one full
// timeout per byte.
void send_byte(char byte) {
    if (port_state != PortState::kReady) return;
    for (int poll = 0; poll < kTransmitPolls; ++poll) {
        if (read_port_u8(kCom1 + kLineStatus) & kLineStatusTransmitEmpty) {
            write_port_u8(kCom1 + kData, static_cast<uint8_t>(byte));
            return;
        }
    }
    port_state = PortState::kUnusable;
}

}  // namespace

void console_write(const char* text, size_t length) {
    if (port_state == PortState::kUnconfigured) configure_port();
    for (size_t index = 0; index < length && port_state == PortState::kReady; ++index) {
        // Terminals expect CR LF; the kernel writes '\n'.
        if (text[index] == '\n') send_byte('\r');
        send_byte(text[index]);
    }
}

}  // namespace hal
