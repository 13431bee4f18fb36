// PLACEHOLDER until the HAL implements hal/thread_context.h for this
// architecture.
#pragma once

#include <stdint.h>

namespace hal::context {

struct ThreadContext {
    uintptr_t stack_pointer = 0;
    uintptr_t kernel_stack_top = 0;
};

}  // namespace hal::context
