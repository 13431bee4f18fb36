#include "kernel/debug/panic.h"

#include <stdarg.h>

#include "hal/cpu.h"
#include "kernel/debug/print.h"

namespace kernel {
namespace {

PanicAction panic_action = PanicAction::kHalt;
StopOtherCpus stop_other_cpus = nullptr;
constexpr uint32_t kNobody = 0xffffffff;
uint32_t panicking_cpu = kNobody;  // the CPU that got here first

}  // namespace

void set_panic_action(PanicAction action) {
    panic_action = action;
}

void set_stop_other_cpus(StopOtherCpus stop) {
    __atomic_store_n(&stop_other_cpus, stop, __ATOMIC_RELEASE);
}

void configure_panic(const os::CommandLine& command_line) {
    if (command_line.equals("panic", "poweroff")) set_panic_action(PanicAction::kPowerOff);
}

void panic(const char* format, ...) {
    uint32_t expected = kNobody;
    if (!__atomic_compare_exchange_n(&panicking_cpu, &expected, hal::current_cpu_index(), false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        hal::halt();  // a nested panic, or another CPU's: the first one reports
    }
    // The others stop first, so nothing they do scrolls the message away or
    // keeps changing the state it describes.
    if (StopOtherCpus stop = __atomic_load_n(&stop_other_cpus, __ATOMIC_ACQUIRE)) stop();
    break_console_lock();  // a stopped CPU may have held it

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
