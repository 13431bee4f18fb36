// The IPC fast path: ipc_call and ipc_reply_receive with inline-only
// messages (no capabilities, no out-of-line buffer, timeout kForever) when
// the partner already waits and is at least as urgent as the caller (lower
// or equal priority number): no allocation, no run-queue pick, no IPI — the
// message goes straight into the partner's ThreadState and this CPU switches
// to it (sched::end_wait_switching_to). Anything else answers kTakeSlowPath
// before it changed anything, and the general code (endpoint.cc) runs.
//
// User memory is touched only through kernel/syscall/user_memory.h and only
// with no lock held: the message is read before ipc_lock() is taken.
#pragma once

#include <stdint.h>

#include "hal/user_mode.h"
#include "kernel/ipc/thread_state.h"
#include "kernel/lib/error.h"

namespace kernel::ipc {

// Not a valid system call result (results are >= 0 or small negatives).
inline constexpr int64_t kTakeSlowPath = INT64_MIN;

int64_t fast_call(const hal::syscall::Arguments& arguments);
int64_t fast_reply_receive(const hal::syscall::Arguments& arguments);

// Writes what arrived in self.message to the user Message at `address`, the
// out-of-line bytes to `user_buffer` (freeing the kernel copy). An inline
// message without capabilities costs two short copies: the header and
// buffer_length + data_length bytes of data (the rest of the user's struct
// is left alone).
os::ErrorOr<void> deliver_to_user(ThreadState& self, uint64_t address, uint64_t user_buffer);

// The system call result of a fast-path call that waited (both fast paths):
// its error, or 0 with the message at `address` (the Message the call
// named), written there by deliver_to_user() unless a partner `delivered`
// it into the IPC buffer already.
int64_t finish_call(os::ErrorOr<void> result, bool delivered, ThreadState& self, uint64_t address);

}  // namespace kernel::ipc
