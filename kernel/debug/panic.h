// The kernel's last words: print why, then stop the machine.
#pragma once

#include "kernel/lib/command_line.h"

namespace kernel {

enum class PanicAction {
    kHalt,      // stop and keep the console readable (the default, for people)
    kPowerOff,  // switch the machine off (`panic=poweroff`, for test runs)
};

void set_panic_action(PanicAction action);

// Applies `panic=poweroff` from the command line. The HAL calls this as soon
// as it knows the command line, so even a boot-time panic honours it.
void configure_panic(const os::CommandLine& command_line);

// How panic() stops the other CPUs before it prints (kernel/smp registers
// it once they run: the halt IPI, with a bounded wait). nullptr: nothing.
using StopOtherCpus = void (*)();
void set_stop_other_cpus(StopOtherCpus stop);

// Stops the other CPUs, then prints "KERNEL PANIC: <message>" and stops. A panic while panicking
// only halts, so a fault in the panic path cannot loop; a CPU that panics while another one already
// does halts at once and leaves the console to it.
[[noreturn]] __attribute__((format(printf, 1, 2))) void panic(const char* format, ...);

}  // namespace kernel

// Checks an invariant the kernel relies on; a false one is a kernel bug.
#define KERNEL_ASSERT(condition)                                                             \
    do {                                                                                     \
        if (!(condition)) {                                                                  \
            ::kernel::panic("assertion failed: %s (%s:%d)", #condition, __FILE__, __LINE__); \
        }                                                                                    \
    } while (0)
