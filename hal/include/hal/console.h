// The early console: the boot serial port (COM1 on x86_64, PL011 on aarch64
// virt, NS16550 or SBI on riscv64). Usable from the first C++ instruction,
// with interrupts off, from exception handlers and from panic().
#pragma once

#include <stddef.h>

namespace hal {

// Writes `length` bytes; '\n' becomes "\r\n". Never blocks forever: a port
// that does not drain is given up on rather than hanging the caller.
void console_write(const char* text, size_t length);

}  // namespace hal
