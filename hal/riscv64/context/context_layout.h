// Offsets into hal::context::ThreadContext for switch.S, checked against the
// struct below.
#pragma once

#define CONTEXT_RA 0
#define CONTEXT_SP 8
#define CONTEXT_S0 16  // s0..s11, 8 bytes each
#define CONTEXT_USER_FRAME (14 * 8)
#define CONTEXT_USER_STATE (15 * 8)
#define CONTEXT_F0 (16 * 8)  // f0..f31, 8 bytes each
#define CONTEXT_FCSR (48 * 8)

#ifndef __ASSEMBLER__

#include <stddef.h>

#include "hal/thread_context.h"

namespace hal::context {

static_assert(offsetof(ThreadContext, ra) == CONTEXT_RA);
static_assert(offsetof(ThreadContext, sp) == CONTEXT_SP);
static_assert(offsetof(ThreadContext, s) == CONTEXT_S0);
static_assert(offsetof(ThreadContext, user_frame) == CONTEXT_USER_FRAME);
static_assert(offsetof(ThreadContext, user_state) == CONTEXT_USER_STATE);
static_assert(offsetof(ThreadContext, f) == CONTEXT_F0);
static_assert(offsetof(ThreadContext, fcsr) == CONTEXT_FCSR);

}  // namespace hal::context

#endif  // __ASSEMBLER__
