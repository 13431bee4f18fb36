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

inline void enable_interrupts() {
    asm volatile("sti" ::: "memory");
}

// RFLAGS.IF, reading the flags and sti are in hal/arch/cpu_inline.h (the
// inline part of hal/cpu.h).
inline constexpr uint64_t kFlagsAlignmentCheck = 1 << 18;  // RFLAGS.AC: SMAP is off while set

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

inline void write_cr0(uint64_t value) {
    asm volatile("mov %0, %%cr0" : : "r"(value) : "memory");
}

// Loads a root table (and, with CR4.PCIDE, a PCID and the no-flush bit 63).
inline void write_cr3(uint64_t value) {
    asm volatile("mov %0, %%cr3" : : "r"(value) : "memory");
}

inline void write_cr4(uint64_t value) {
    asm volatile("mov %0, %%cr4" : : "r"(value) : "memory");
}

inline uint64_t read_msr(uint32_t msr) {
    uint32_t low, high;
    asm volatile("rdmsr" : "=a"(low), "=d"(high) : "c"(msr));
    return (uint64_t{high} << 32) | low;
}

inline void write_msr(uint32_t msr, uint64_t value) {
    asm volatile("wrmsr"
                 :
                 : "c"(msr), "a"(static_cast<uint32_t>(value)),
                   "d"(static_cast<uint32_t>(value >> 32))
                 : "memory");
}

struct CpuidResult {
    uint32_t eax, ebx, ecx, edx;
};

inline CpuidResult cpuid(uint32_t leaf, uint32_t subleaf = 0) {
    CpuidResult result;
    asm volatile("cpuid"
                 : "=a"(result.eax), "=b"(result.ebx), "=c"(result.ecx), "=d"(result.edx)
                 : "a"(leaf), "c"(subleaf));
    return result;
}

// Drops the TLB entries for the page holding `address`: those of the current
// PCID, and global ones whatever their PCID.
inline void invalidate_page(uint64_t address) {
    asm volatile("invlpg (%0)" : : "r"(address) : "memory");
}

// INVPCID's invalidation types (Intel SDM vol. 2, INVPCID).
enum class InvpcidType : uint64_t {
    kIndividualAddress = 0,  // one page of one PCID (not global entries)
    kSingleContext = 1,      // every non-global entry of one PCID
    kAllContextsAndGlobal = 2,
    kAllContexts = 3,  // every non-global entry of every PCID
};

inline void invalidate_pcid(InvpcidType type, uint32_t pcid, uint64_t address) {
    struct {
        uint64_t pcid;
        uint64_t address;
    } descriptor = {pcid, address};
    asm volatile("invpcid %0, %1" : : "m"(descriptor), "r"(static_cast<uint64_t>(type)) : "memory");
}

inline uint64_t read_time_stamp_counter() {
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (uint64_t{high} << 32) | low;
}

}  // namespace hal::x86_64
