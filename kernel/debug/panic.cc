#include "kernel/debug/panic.h"

#include <stdarg.h>

#include "hal/cpu.h"
#include "kernel/debug/print.h"

namespace kernel {
namespace {

PanicAction panic_action = PanicAction::kHalt;
bool panicking = false;

}  // namespace

void set_panic_action(PanicAction action) {
    panic_action = action;
}

void configure_panic(const os::CommandLine& command_line) {
    if (command_line.equals("panic", "poweroff")) set_panic_action(PanicAction::kPowerOff);
}

void panic(const char* format, ...) {
    if (panicking) hal::halt();
    panicking = true;

    va_list arguments;
    va_start(arguments, format);
    print("\nKERNEL PANIC: ");
    vprint(format, arguments);
    print("\n");
    va_end(arguments);

    if (panic_action == PanicAction::kPowerOff) {
        print("panic: powering off\n");
        hal::power_off();
    }
    print("panic: system halted\n");
    hal::halt();
}

}  // namespace kernel
