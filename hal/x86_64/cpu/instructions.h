// One-instruction wrappers for the privileged instructions the HAL uses,
// so that the C++ files read as C++ and the asm stays in one place.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

// The operand of lgdt and lidt: table size minus one, then its address.
struct [[gnu::packed]] DescriptorTablePointer {
    uint16_t limit;
    uint64_t base;
};

inline void disable_interrupts() {
    asm volatile("cli" ::: "memory");
}

// Stops until the next interrupt (or forever, with interrupts disabled).
inline void halt_until_interrupt() {
    asm volatile("hlt" ::: "memory");
}

inline void load_interrupt_descriptor_table(const DescriptorTablePointer& pointer) {
    asm volatile("lidt %0" : : "m"(pointer) : "memory");
}

inline void load_task_register(uint16_t selector) {
    asm volatile("ltr %0" : : "r"(selector) : "memory");
}

inline uint64_t read_cr0() {
    uint64_t value;
    asm volatile("mov %%cr0, %0" : "=r"(value));
    return value;
}

// The faulting linear address of the last page fault.
inline uint64_t read_cr2() {
    uint64_t value;
    asm volatile("mov %%cr2, %0" : "=r"(value));
    return value;
}

inline uint64_t read_cr3() {
    uint64_t value;
    asm volatile("mov %%cr3, %0" : "=r"(value));
    return value;
}

inline uint64_t read_cr4() {
    uint64_t value;
    asm volatile("mov %%cr4, %0" : "=r"(value));
    return value;
}

}  // namespace hal::x86_64
