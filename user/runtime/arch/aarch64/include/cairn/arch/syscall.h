// The raw system call on aarch64: number in x8, arguments in x0..x5, result
// in x0; `svc #0` clobbers nothing else. See abi/README.md.
#pragma once

#include <stdint.h>

namespace cairn::arch {

// The system call, or (kTrap false) the same register setup and
// constraints with a nop in place of the trap instruction (the assembler
// picks one): cairn::arch::syscall6 and nop_syscall6 (cairn/sys.h).
template <bool kTrap>
inline int64_t syscall6_or_nop(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                               uint64_t a4, uint64_t a5) {
    register uint64_t x8 asm("x8") = number;
    register uint64_t x0 asm("x0") = a0;
    register uint64_t x1 asm("x1") = a1;
    register uint64_t x2 asm("x2") = a2;
    register uint64_t x3 asm("x3") = a3;
    register uint64_t x4 asm("x4") = a4;
    register uint64_t x5 asm("x5") = a5;
    asm volatile(".if %c[trap]\n\tsvc #0\n\t.else\n\tnop\n\t.endif"
                 : "+r"(x0)
                 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), [trap] "i"(kTrap)
                 : "memory");
    return static_cast<int64_t>(x0);
}

}  // namespace cairn::arch
