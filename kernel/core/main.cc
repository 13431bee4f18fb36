// The generic kernel's boot sequence: report what the HAL found, then act on
// the command line. Later subsystems (memory, scheduler, IPC) start here.
#include "hal/boot_info.h"
#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/timer.h"
#include "kernel/core/boot_report.h"
#include "kernel/core/version.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/lib/command_line.h"
#include "kernel/lib/string.h"
#include "kernel/mm/init.h"
#include "kernel/process/init.h"
#include "kernel/sched/scheduler.h"
#include "kernel/selftest/benchmark.h"
#include "kernel/selftest/selftest.h"
#include "kernel/smp/cpus.h"
#include "kernel/time/clock.h"

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

// `test=<suite>` for a suite of in-kernel self-tests (see
// kernel/selftest/selftest.h), e.g. test=mm or test=all.
void run_kernel_self_tests(const os::CommandLine& command_line) {
    char suite[32];
    if (!command_line.value("test", suite, sizeof(suite))) return;
    if (os::string_compare(suite, "panic") == 0 || os::string_compare(suite, "trap") == 0) return;
    selftest::run(suite);
}

// `bench=<suite>` for a suite of in-kernel benchmarks (see
// kernel/selftest/benchmark.h), e.g. bench=mm; //tests/benchmarks runs them.
void run_kernel_benchmarks(const os::CommandLine& command_line) {
    char suite[32];
    if (command_line.value("bench", suite, sizeof(suite))) benchmark::run(suite);
}

// The interrupt controller and the clock, then interrupts on: the idle loop
// sleeps until an interrupt wakes it.
void start_interrupts() {
    hal::irq::InterruptController& controller = hal::irq::controller();
    if (auto result = controller.initialize(); result.is_error()) {
        panic("interrupt controller %s failed to start: %s", controller.name(),
              os::to_string(result.error()));
    }
    if (auto result = hal::timer::initialize(); result.is_error()) {
        panic("timer failed to start: %s", os::to_string(result.error()));
    }
    hal::irq::enable_interrupts();
    print("interrupts: %s, %u lines; clock resolution %llu ns\n", controller.name(),
          controller.line_count(), static_cast<unsigned long long>(hal::timer::resolution_ns()));
}

}  // namespace

void main(const hal::BootInfo& boot_info) {
    os::CommandLine command_line(boot_info.command_line);
    configure_panic(command_line);

    print("\n%s %s for %s, booted by %s\n", kOsName, kOsVersion, boot_info.architecture,
          boot_info.boot_protocol);
    report_boot_info(boot_info);
    run_boot_self_test(command_line);

    if (auto result = mm::initialize(boot_info); result.is_error()) {
        panic("memory management failed to start: %s", os::to_string(result.error()));
    }
    mm::report_free_memory();
    if (command_line.has("mm_stats")) mm::report_statistics();
    sched::initialize();  // from here the boot context is the thread "main"
    start_interrupts();
    (void)time::start_tick();
    smp::start_other_cpus(boot_info.cpu_count);
    run_kernel_self_tests(command_line);
    run_kernel_benchmarks(command_line);
    auto init = process::start_init(boot_info, command_line);

    print("boot: complete\n");
    // The boot thread reports when init is done (the machine goes off then
    // with `poweroff`); other CPUs run everything else meanwhile.
    if (!init.is_error()) process::wait_for_init(init.value());
    if (command_line.has("poweroff")) {
        print("boot: powering off (poweroff on the command line)\n");
        hal::power_off();
    }
    // Everything else runs in threads; CPU 0 goes on with them.
    sched::exit_current(0);
}

}  // namespace kernel
