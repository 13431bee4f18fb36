// Kernel text output on the early console.
#pragma once

#include <stdarg.h>

#include "hal/cpu.h"

namespace kernel {

// printf-style output (see kernel/lib/format.h for the conversions) to the
// boot console. Each call is written as one piece: output of several CPUs
// never interleaves inside a print. No allocation; safe in exception
// handlers (a CPU that already holds the console goes on without waiting).
__attribute__((format(printf, 1, 2))) void print(const char* format, ...);
void vprint(const char* format, va_list arguments);

// Holds the console for a scope so that several prints (a register dump,
// a user program's text) stay together. Masks interrupts while held.
class ConsoleGuard {
public:
    ConsoleGuard();
    ~ConsoleGuard();
    ConsoleGuard(const ConsoleGuard&) = delete;
    ConsoleGuard& operator=(const ConsoleGuard&) = delete;

private:
    hal::InterruptState interrupts_;
    bool nested_;
};

// After a panic has stopped the other CPUs: the console lock is ignored
// from now on, so a CPU halted while holding it cannot silence the panic.
void break_console_lock();

}  // namespace kernel
