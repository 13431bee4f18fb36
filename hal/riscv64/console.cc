// hal::console_write on riscv64: an NS16550A UART, or the SBI console.
//
// The firmware (OpenSBI) has already programmed the UART's line settings for
// its own banner, so the kernel only writes bytes: no baud rate or FIFO setup.
#include "hal/console.h"

#include <stdint.h>

#include "hal/riscv64/console_select.h"
#include "hal/riscv64/mmu/early_mappings.h"
#include "hal/riscv64/sbi.h"
#include "kernel/debug/print.h"

namespace hal::riscv64 {
namespace {

// NS16550A registers (byte offsets with register shift 0).
constexpr uintptr_t kTransmitHolding = 0;          // THR, write-only
constexpr uintptr_t kLineStatus = 5;               // LSR
constexpr uint8_t kTransmitHoldingEmpty = 1 << 5;  // LSR.THRE

// How often to poll LSR for one byte before giving up on the port. At 115200
// baud a byte takes ~90 us to send; this is far longer than that on any
// hardware, and still bounded when the device does not exist.
constexpr int kTransmitPolls = 1'000'000;

// NS16550A registers span 8 bytes; the device tree usually says 0x100.
constexpr uint64_t kMinimumRegisterSpan = 8;

// The UART's registers as mapped in the fixmap, or 0 for the SBI console,
// which is what C++ code prints through until riscv64_boot maps a UART.
// constinit: the console must work before any constructor has run.
constinit uintptr_t uart_base = 0;

void firmware_write(const char* text) {
    while (*text != '\0')
        sbi::legacy_console_putchar(*text++);
}

void uart_write_byte(uint8_t byte) {
    auto* registers = reinterpret_cast<volatile uint8_t*>(uart_base);
    for (int poll = 0; poll < kTransmitPolls; ++poll) {
        if ((registers[kLineStatus] & kTransmitHoldingEmpty) != 0) {
            registers[kTransmitHolding] = byte;
            return;
        }
    }
    // The port never drained, so it is most likely not the device the device
    // tree says it is. Fall back to the firmware's console, which printed the
    // firmware's banner moments ago. (Should that be this very UART, wedged
    // since, the firmware may wait on it forever: a dead console either way.)
    uart_base = 0;
    firmware_write("\r\nriscv64: the UART does not drain; switching to the SBI console\r\n");
    sbi::legacy_console_putchar(static_cast<char>(byte));
}

void write_byte(char c) {
    if (uart_base != 0) {
        uart_write_byte(static_cast<uint8_t>(c));
    } else {
        sbi::legacy_console_putchar(c);
    }
}

}  // namespace

void console_use_uart(uint64_t physical_base, uint64_t size) {
    void* registers =
        mmu::map_device(physical_base, size < kMinimumRegisterSpan ? kMinimumRegisterSpan : size);
    if (registers == nullptr) {
        uart_base = 0;
        kernel::print("riscv64: no room to map the UART at 0x%llx; using the SBI console\n",
                      static_cast<unsigned long long>(physical_base));
        return;
    }
    uart_base = reinterpret_cast<uintptr_t>(registers);
}

void console_use_firmware() {
    uart_base = 0;
}

}  // namespace hal::riscv64

namespace hal {

void console_write(const char* text, size_t length) {
    for (size_t i = 0; i < length; ++i) {
        if (text[i] == '\n') riscv64::write_byte('\r');
        riscv64::write_byte(text[i]);
    }
}

}  // namespace hal
