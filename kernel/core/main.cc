// The generic kernel's boot sequence: report what the HAL found, then act on
// the command line. Later subsystems (memory, scheduler, IPC) start here.
#include "hal/boot_info.h"
#include "hal/cpu.h"
#include "kernel/core/boot_report.h"
#include "kernel/core/version.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/lib/command_line.h"

namespace kernel {
namespace {

// Test hooks selected by `test=<name>` on the command line, so boot tests can
// check the failure paths as well as the happy one.
void run_boot_self_test(const os::CommandLine& command_line) {
    if (command_line.equals("test", "panic")) {
        panic("deliberate panic requested by the command line (test=panic)");
    }
    if (command_line.equals("test", "trap")) {
        print("test: executing a trapping instruction (test=trap)\n");
        __builtin_trap();
    }
}

}  // namespace

void main(const hal::BootInfo& boot_info) {
    os::CommandLine command_line(boot_info.command_line);
    configure_panic(command_line);

    print("\n%s %s for %s, booted by %s\n", kOsName, kOsVersion, boot_info.architecture,
          boot_info.boot_protocol);
    report_boot_info(boot_info);
    run_boot_self_test(command_line);

    print("boot: complete\n");
    if (command_line.has("poweroff")) {
        print("boot: powering off (poweroff on the command line)\n");
        hal::power_off();
    }
    // Nothing to run yet: idle until the scheduler arrives.
    for (;;) hal::wait_for_interrupt();
}

}  // namespace kernel
