// main()'s argc/argv from the StartInfo block the kernel hands a process's
// main thread: argv[0] is the program's path ("bin/init"), argv[1] the
// argument given to process_spawn if it is not empty, then a null pointer.
#pragma once

#include <stddef.h>

#include "cairn/syscalls.h"

namespace cairn::runtime {

// The most argv entries build_arguments() fills, the final null included.
inline constexpr size_t kMaxArguments = 3;

// Fills argv (capacity >= kMaxArguments) and returns argc. A null program
// becomes "" so that argv[0] is always a string.
int build_arguments(const StartInfo& info, char** argv);

}  // namespace cairn::runtime
