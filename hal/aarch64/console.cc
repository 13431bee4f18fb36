// hal::console_write on a PL011 UART.
//
// The UART is left as firmware (or QEMU) configured it: baud rate and line
// settings are the loader's job under the Linux boot protocol, as they are for
// Linux's earlycon.
#include "hal/console.h"

#include <stdint.h>

#include "hal/aarch64/pl011.h"

namespace hal {
namespace {

// The UART's registers in the device window (map_device); 0 until boot.cc
// has mapped one, and output until then is dropped.
uintptr_t pl011_base = 0;

// Set once a character could not be sent in time. A stuck port would
// otherwise cost the full poll limit on every character and stall the
// kernel; output is dropped instead, because the console is best effort.
bool pl011_stuck = false;

volatile uint32_t& pl011_register(uintptr_t offset) {
    return *reinterpret_cast<volatile uint32_t*>(pl011_base + offset);
}

void put_character(char character) {
    if (pl011_stuck || pl011_base == 0) return;
    for (uint32_t polls = 0; pl011_register(PL011_FR) & (1u << PL011_FR_TXFF_BIT); ++polls) {
        if (polls == PL011_TX_POLL_LIMIT) {
            pl011_stuck = true;
            return;
        }
    }
    pl011_register(PL011_DR) = static_cast<unsigned char>(character);
}

}  // namespace

void console_write(const char* text, size_t length) {
    for (size_t i = 0; i < length; ++i) {
        if (text[i] == '\n') put_character('\r');
        put_character(text[i]);
    }
}

namespace aarch64 {

void use_pl011_at(uintptr_t base) {
    pl011_base = base;
    pl011_stuck = false;
}

}  // namespace aarch64
}  // namespace hal
