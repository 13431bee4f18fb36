// System calls: the dispatcher behind hal/user_mode.h's handle_syscall
// (dispatch.cc), one handler per call in abi/cairn/syscalls.h (calls_*.cc),
// the user-fault policy, and the per-thread rate limit (rate_limit.h).
#pragma once

#include <stdint.h>

#include "kernel/lib/command_line.h"
#include "kernel/sync/spin_lock.h"
#include "kernel/syscall/rate_limit.h"

namespace kernel::syscall {

// Reads `syscall_rate=<calls per second>` (0: off; default kDefaultRate,
// at most kMaximumRate) and the IPC fast path's test switch `ipc_arrival=slow`
// (kernel/sched/direct_switch.h). Once at boot, before the first user thread.
void configure(const os::CommandLine& command_line);

inline constexpr uint64_t kMaximumRate = 1'000'000'000;

// The limit in force.
const RateLimit& rate_limit();

}  // namespace kernel::syscall
