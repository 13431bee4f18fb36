// Starting the first user program at boot.
#pragma once

#include "hal/boot_info.h"
#include "kernel/lib/command_line.h"
#include "kernel/lib/error.h"
#include "kernel/process/process.h"

namespace kernel::process {

// Spawns bin/<name> from the boot archive as process 1 (`init=<name>` on
// the command line, default "init"; `init_arg=<word>` becomes its
// StartInfo.argument) and prints "init: started bin/<name> as process 1".
// Without such a program it prints why and returns the error: the kernel
// idles on.
os::ErrorOr<ProcessId> start_init(const hal::BootInfo& boot_info,
                                  const os::CommandLine& command_line);

// Waits until init (`id`, from start_init) has exited and prints
// "init: process <id> exited with status <status>".
void wait_for_init(ProcessId id);

}  // namespace kernel::process
