#include "kernel/debug/print.h"

#include "hal/console.h"
#include "kernel/lib/format.h"

namespace kernel {
namespace {

void write_to_console(void*, const char* text, size_t length) {
    hal::console_write(text, length);
}

}  // namespace

void vprint(const char* format, va_list arguments) {
    os::vformat_to(write_to_console, nullptr, format, arguments);
}

void print(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vprint(format, arguments);
    va_end(arguments);
}

}  // namespace kernel
