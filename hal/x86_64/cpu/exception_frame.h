// The stack frame every exception handler receives: what the CPU pushed,
// what the vector's stub pushed, and the general registers that
// exception_entry.S saved. Lowest address first; exception_entry.S builds it
// in exactly this order, so the two must change together; the system call
// entry (syscall_entry.S) builds the same frame. A frame from user mode is
// always the topmost thing on the thread's kernel stack.
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

// The `vector` of the frames the system call entry builds (cpu/syscall_entry.S):
// past every real vector. Such a frame holds the user's rip and RFLAGS twice,
// in `rip`/`rflags` and in `rcx`/`r11`, where `syscall` put them (the ABI
// gives those two registers up), and the way out (SYSRET_FROM_FRAME,
// cpu/register_frame.inc) takes them from `rcx`/`r11`: code that changed a
// system call frame's rip or rflags would have to change both (none does).
inline constexpr uint64_t kSystemCallVector = 256;

}  // namespace hal::x86_64
