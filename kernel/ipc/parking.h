// The IPC fast path that parks (parking.cc, hal/park.h): ipc_call and
// ipc_reply_receive from the IPC buffer, buffer to buffer, with the caller
// parked and the partner resumed straight in user mode. Reached from
// kernel::try_fast_syscall (kernel/syscall/dispatch.cc) before interrupts
// are enabled; kernel::resume_parked_thread() (hal/park.h) is here too.
#pragma once

#include <stdint.h>

#include "kernel/sched/thread.h"

namespace kernel::ipc {

// ipc_call (`is_call`) or ipc_reply_receive (endpoint_slot, message_address,
// timeout as the system call's arguments) by the running thread, which is
// in that system call with its complete user frame at the top of its kernel
// stack and interrupts masked; `rate_limited`: whether the system call rate
// limit is on (then the call takes one of the thread's tokens, and a thread
// without one is left to the general path, which throttles). Ends the call
// and parks the thread (never returns) when it qualifies (see parking.cc);
// otherwise returns having changed nothing, not even the thread's counts.
void try_parked_call(bool is_call, uint64_t endpoint_slot, uint64_t message_address,
                     uint64_t timeout, bool rate_limited);

}  // namespace kernel::ipc
