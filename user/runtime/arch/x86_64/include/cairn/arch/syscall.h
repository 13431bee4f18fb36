// The raw system call on x86_64: number in rax, arguments in rdi rsi rdx
// r10 r8 r9, result in rax; `syscall` itself clobbers rcx (return address)
// and r11 (flags). See abi/README.md.
#pragma once

#include <stdint.h>

namespace cairn::arch {

// The system call, or (kTrap false) the same register setup and
// constraints with a nop in place of the trap instruction (the assembler
// picks one): cairn::arch::syscall6 and nop_syscall6 (cairn/sys.h).
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

}  // namespace cairn::arch
