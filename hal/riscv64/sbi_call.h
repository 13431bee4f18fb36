// The one instruction through which the kernel talks to the SBI firmware.
//
// SBI calling convention (SBI specification, "Binary Encoding"): a7 holds the
// extension id, a6 the function id, a0..a5 the arguments; the firmware
// returns an error code in a0 and a value in a1 and preserves every other
// register.
#pragma once

#include <stdint.h>

namespace hal::riscv64::sbi {

struct Result {
    long error;  // kSuccess or a negative SBI error code
    long value;
};

inline constexpr long kSuccess = 0;
inline constexpr long kErrorNotSupported = -2;
inline constexpr long kErrorInvalidParameter = -3;
inline constexpr long kErrorAlreadyAvailable = -6;

inline Result call(uint64_t extension, uint64_t function, uint64_t argument0 = 0,
                   uint64_t argument1 = 0, uint64_t argument2 = 0) {
    register uint64_t a0 asm("a0") = argument0;
    register uint64_t a1 asm("a1") = argument1;
    register uint64_t a2 asm("a2") = argument2;
    register uint64_t a6 asm("a6") = function;
    register uint64_t a7 asm("a7") = extension;
    // "memory": the firmware may read buffers we pass and, for shutdown,
    // everything written so far must have been stored.
    asm volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a6), "r"(a7) : "memory");
    return {static_cast<long>(a0), static_cast<long>(a1)};
}

}  // namespace hal::riscv64::sbi
