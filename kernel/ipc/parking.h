// The IPC fast path that parks (parking.cc, hal/park.h): ipc_call and
// ipc_reply_receive from the IPC buffer, buffer to buffer, with the caller
// parked and the partner resumed straight in user mode: it is
// kernel::try_fast_syscall (hal/user_mode.h), which the system call entry
// calls before interrupts are enabled; kernel::resume_parked_thread()
// (hal/park.h) is here too.
#pragma once

#include <stdint.h>

#include "kernel/sched/thread.h"

namespace kernel::ipc {

// The fast path is kernel::try_fast_syscall(...) (hal/user_mode.h),
// defined in parking.cc: ipc_call or ipc_reply_receive by the running
// thread, which is in that system call with its complete user frame at the
// top of its kernel stack and interrupts masked. It ends the call and parks
// the thread (never returns) when it qualifies (see parking.cc); otherwise
// it returns having changed nothing, not even the thread's counts.

// Whether the system call rate limit is on (syscall::configure() at boot):
// then each fast-path call takes one of the thread's tokens, and a thread
// without one is left to the general path, which throttles.
void set_fast_path_rate_limited(bool on);

}  // namespace kernel::ipc
