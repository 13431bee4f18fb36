// The raw system call on riscv64: number in a7, arguments in a0..a5, result
// in a0; `ecall` clobbers t0-t6 (the kernel's entry saves them on no system
// call: that is 7 stores fewer on the IPC fast path) and nothing else. See
// abi/README.md.
#pragma once

#include <stdint.h>

namespace cairn::arch {

// The system call, or (kTrap false) the same register setup and
// constraints with a nop in place of the trap instruction (the assembler
// picks one): cairn::arch::syscall6 and nop_syscall6 (cairn/sys.h).
template <bool kTrap>
inline int64_t syscall6_or_nop(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                               uint64_t a4, uint64_t a5) {
    register uint64_t a7_ asm("a7") = number;
    register uint64_t a0_ asm("a0") = a0;
    register uint64_t a1_ asm("a1") = a1;
    register uint64_t a2_ asm("a2") = a2;
    register uint64_t a3_ asm("a3") = a3;
    register uint64_t a4_ asm("a4") = a4;
    register uint64_t a5_ asm("a5") = a5;
    asm volatile(".if %[trap]\n\tecall\n\t.else\n\tnop\n\t.endif"
                 : "+r"(a0_)
                 : "r"(a7_), "r"(a1_), "r"(a2_), "r"(a3_), "r"(a4_), "r"(a5_), [trap] "i"(kTrap)
                 : "memory", "t0", "t1", "t2", "t3", "t4", "t5", "t6");
    return static_cast<int64_t>(a0_);
}

}  // namespace cairn::arch
