// The raw system call on x86_64: number in rax, arguments in rdi rsi rdx
// r10 r8 r9, result in rax; `syscall` itself clobbers rcx (return address)
// and r11 (flags). See abi/README.md.
#pragma once

#include <stdint.h>

namespace cairn::arch {

// The system call, or (kTrap false) the same register setup and
// constraints with a nop in place of the trap instruction: see
// nop_syscall6().
template <bool kTrap>
inline int64_t syscall6_or_nop(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                               uint64_t a4, uint64_t a5) {
    register uint64_t r10 asm("r10") = a3;
    register uint64_t r8 asm("r8") = a4;
    register uint64_t r9 asm("r9") = a5;
    int64_t result;
    asm volatile(".if %c[trap]\n\tsyscall\n\t.else\n\tnop\n\t.endif"
                 : "=a"(result)
                 : "a"(number), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8),
                   "r"(r9), [trap] "i"(kTrap)
                 : "rcx", "r11", "memory");
    return result;
}

inline int64_t syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                        uint64_t a4, uint64_t a5) {
    return syscall6_or_nop<true>(number, a0, a1, a2, a3, a4, a5);
}

// syscall6 with the trap instruction replaced by a nop, and no system
// call: for benchmarks that report their figures net of their own
// measuring code (the same code with nops instead of system calls, as
// sel4bench does). Returns what the result register held before (the
// first argument; on x86_64 the number).
inline int64_t nop_syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                            uint64_t a4, uint64_t a5) {
    return syscall6_or_nop<false>(number, a0, a1, a2, a3, a4, a5);
}

}  // namespace cairn::arch
