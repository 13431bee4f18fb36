// The raw system call on riscv64: number in a7, arguments in a0..a5, result
// in a0; `ecall` clobbers nothing else. See abi/README.md.
#pragma once

#include <stdint.h>

namespace cairn::arch {

inline int64_t syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                        uint64_t a4, uint64_t a5) {
    register uint64_t a7_ asm("a7") = number;
    register uint64_t a0_ asm("a0") = a0;
    register uint64_t a1_ asm("a1") = a1;
    register uint64_t a2_ asm("a2") = a2;
    register uint64_t a3_ asm("a3") = a3;
    register uint64_t a4_ asm("a4") = a4;
    register uint64_t a5_ asm("a5") = a5;
    asm volatile("ecall"
                 : "+r"(a0_)
                 : "r"(a7_), "r"(a1_), "r"(a2_), "r"(a3_), "r"(a4_), "r"(a5_)
                 : "memory");
    return static_cast<int64_t>(a0_);
}

// syscall6 with the trap instruction replaced by a nop: the same register
// setup and constraints, and no system call. For benchmarks that report
// their figures net of their own measuring code (the same code with nops
// instead of system calls, as sel4bench does). Returns what the result
// register held before (the first argument; on x86_64 the number).
inline int64_t nop_syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                            uint64_t a4, uint64_t a5) {
    register uint64_t a7_ asm("a7") = number;
    register uint64_t a0_ asm("a0") = a0;
    register uint64_t a1_ asm("a1") = a1;
    register uint64_t a2_ asm("a2") = a2;
    register uint64_t a3_ asm("a3") = a3;
    register uint64_t a4_ asm("a4") = a4;
    register uint64_t a5_ asm("a5") = a5;
    asm volatile("nop"
                 : "+r"(a0_)
                 : "r"(a7_), "r"(a1_), "r"(a2_), "r"(a3_), "r"(a4_), "r"(a5_)
                 : "memory");
    return static_cast<int64_t>(a0_);
}

}  // namespace cairn::arch
