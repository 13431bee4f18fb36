// Register accesses for the GIC's memory-mapped frames (Device-nGnRE pages
// from map_device()). Inline assembly rather than volatile pointers, so each
// access is exactly one plain load or store of the stated width: no merged,
// split or writeback-addressed accesses, which a hypervisor that traps MMIO
// could not emulate.
#pragma once

#include <stdint.h>

namespace hal::aarch64 {

inline uint32_t mmio_read32(uintptr_t address) {
    uint32_t value;
    asm volatile("ldr %w0, [%1]" : "=r"(value) : "r"(address) : "memory");
    return value;
}

inline uint64_t mmio_read64(uintptr_t address) {
    uint64_t value;
    asm volatile("ldr %0, [%1]" : "=r"(value) : "r"(address) : "memory");
    return value;
}

inline void mmio_write8(uintptr_t address, uint8_t value) {
    asm volatile("strb %w0, [%1]" : : "r"(value), "r"(address) : "memory");
}

inline void mmio_write32(uintptr_t address, uint32_t value) {
    asm volatile("str %w0, [%1]" : : "r"(value), "r"(address) : "memory");
}

inline void mmio_write64(uintptr_t address, uint64_t value) {
    asm volatile("str %0, [%1]" : : "r"(value), "r"(address) : "memory");
}

}  // namespace hal::aarch64
