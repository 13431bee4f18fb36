// Kernel text output on the early console.
#pragma once

#include <stdarg.h>

namespace kernel {

// printf-style output (see kernel/lib/format.h for the conversions) to the
// boot console. Safe in exception handlers: no allocation, no locks yet.
__attribute__((format(printf, 1, 2))) void print(const char* format, ...);
void vprint(const char* format, va_list arguments);

}  // namespace kernel
