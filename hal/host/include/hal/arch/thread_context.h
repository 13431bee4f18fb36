// hal/thread_context.h's ThreadContext for host builds: host unit tests
// exercise scheduling policy, never real switches, so this only gives the
// type a size; the functions of hal/thread_context.h are not defined here.
#pragma once

#include <stdint.h>

namespace hal::context {

struct ThreadContext {
    uintptr_t stack_pointer = 0;
    uintptr_t kernel_stack_top = 0;
};

}  // namespace hal::context
