// The inline part of hal/cpu.h on aarch64 (included by hal/cpu.h; include
// that instead). The rest is in cpu.cc.
#pragma once

#include <stdint.h>

namespace hal {

namespace aarch64 {

// TPIDR_EL1 holds kCpuIndexTag | index on every CPU the kernel has started
// (initialize_boot_cpu() sets it on the boot CPU, first thing in C++), so
// the index is one register read. The tag in the upper half tells a started
// CPU from one that runs kernel code without having been started: TPIDR_EL1
// resets to an UNKNOWN value (0 under QEMU).
inline constexpr uint64_t kCpuIndexTag = uint64_t{0xca1e} << 48;
inline constexpr uint64_t kCpuIndexMask = 0xffffffff;

// Panics naming the CPU's MPIDR affinity (cpu.cc).
[[noreturn]] void report_unstarted_cpu(uint64_t tpidr);

// The tag's top bit, which is all current_cpu_index() checks: one test-bit
// branch instead of building and comparing the whole tag on every call (the
// scheduler's switch path makes several). It still catches the reset value
// QEMU gives (0) and every other value with that bit clear.
inline constexpr uint64_t kCpuIndexTagTopBit = uint64_t{1} << 63;
static_assert((kCpuIndexTag & kCpuIndexTagTopBit) != 0);

}  // namespace aarch64

inline uint32_t current_cpu_index() {
    uint64_t tpidr;
    // volatile: read afresh on every call, never merged with an earlier one.
    asm volatile("mrs %0, tpidr_el1" : "=r"(tpidr));
    if ((tpidr & aarch64::kCpuIndexTagTopBit) == 0) [[unlikely]]
        aarch64::report_unstarted_cpu(tpidr);
    return static_cast<uint32_t>(tpidr);
}

inline InterruptState disable_interrupts() {
    InterruptState previous;
    // IRQ and FIQ; debug exceptions and SErrors stay as they are.
    asm volatile("mrs %0, daif\n\tmsr daifset, #3" : "=r"(previous) : : "memory");
    return previous;
}

inline void restore_interrupts(InterruptState previous) {
    asm volatile("msr daif, %0" : : "r"(previous) : "memory");
}

inline bool interrupts_enabled() {
    uint64_t daif;
    asm volatile("mrs %0, daif" : "=r"(daif) : : "memory");
    return (daif & (1 << 7)) == 0;  // DAIF.I clear: IRQs taken
}

inline void spin_pause() {
    asm volatile("yield" ::: "memory");
}

}  // namespace hal
