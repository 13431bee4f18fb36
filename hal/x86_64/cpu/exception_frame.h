// The stack frame every exception handler receives: what the CPU pushed,
// what the vector's stub pushed, and the general registers that
// exception_entry.S saved. Lowest address first; exception_entry.S builds it
// in exactly this order, so the two must change together.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

struct ExceptionFrame {
    // Saved by exception_common (pushed last, so lowest).
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    // Pushed by the vector's stub; error_code is 0 where the CPU pushes none.
    uint64_t vector;
    uint64_t error_code;
    // Pushed by the CPU. In long mode ss:rsp is pushed on every exception.
    uint64_t rip, cs, rflags, rsp, ss;
};
static_assert(sizeof(ExceptionFrame) == 22 * 8, "exception_entry.S pushes 22 quadwords");

inline constexpr int kExceptionVectorCount = 32;

}  // namespace hal::x86_64
