// satp and the address-translation fences, named.
#pragma once

#include <stdint.h>

namespace hal::riscv64::mmu {

inline uint64_t read_satp() {
    uint64_t value;
    asm volatile("csrr %0, satp" : "=r"(value));
    return value;
}

inline void write_satp(uint64_t value) {
    // "memory": page-table stores before the switch stay before it.
    asm volatile("csrw satp, %0" ::"r"(value) : "memory");
}

// sfence.vma with rs1 = x0 and rs2 = x0: every translation, every ASID,
// global ones included.
inline void fence_all() {
    asm volatile("sfence.vma" ::: "memory");
}

// Translations of `address` in every address space, global ones included.
inline void fence_address(uint64_t address) {
    asm volatile("sfence.vma %0, zero" ::"r"(address) : "memory");
}

// The non-global translations of address space `asid`. rs2 = x0 would mean
// every ASID, global translations included, and the compiler hands a
// constant 0 over as x0: the copy to t0 keeps ASID 0 meaning ASID 0.
inline void fence_asid(uint64_t asid) {
    asm volatile("mv t0, %0\n\tsfence.vma zero, t0" ::"r"(asid) : "t0", "memory");
}

// The non-global translation of `address` in address space `asid` (rs2 as
// above).
inline void fence_address_in_asid(uint64_t address, uint64_t asid) {
    asm volatile("mv t0, %1\n\tsfence.vma %0, t0" ::"r"(address), "r"(asid) : "t0", "memory");
}

}  // namespace hal::riscv64::mmu
