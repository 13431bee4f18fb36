// What the trap code needs of the running thread (thread_context.cc).
#pragma once

#include "hal/aarch64/exception_frame.h"
#include "hal/thread_context.h"

namespace hal::aarch64 {

// This CPU's running thread as switch_to() last made it; null before the
// CPU's first switch.
hal::context::ThreadContext* running_context();

// Where a trap from EL0 saves the user registers: the top of the thread's
// kernel stack (SP_EL1 equals the top whenever the thread runs in EL0).
ExceptionFrame* user_frame(const hal::context::ThreadContext& context);

}  // namespace hal::aarch64
