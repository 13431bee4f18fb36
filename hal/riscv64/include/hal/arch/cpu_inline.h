// The inline part of hal/cpu.h on riscv64 (included by hal/cpu.h; include
// that instead). The rest is in cpu.cc.
#pragma once

#include <stdint.h>

namespace hal {

namespace riscv64 {
inline constexpr uint64_t kSstatusSie = uint64_t{1} << 1;
}

// In the kernel, tp (which the psABI keeps out of the compiler's hands) holds
// the CPU index: entry.S sets it on the boot hart, and trap_entry.S reloads
// it for traps from U-mode, where tp is the user's thread pointer.
inline uint32_t current_cpu_index() {
    uint64_t index;
    // volatile: read afresh on every call, never merged with an earlier one.
    asm volatile("mv %0, tp" : "=r"(index));
    return static_cast<uint32_t>(index);
}

inline InterruptState disable_interrupts() {
    uint64_t previous;
    asm volatile("csrrci %0, sstatus, 1 << 1" : "=r"(previous)::"memory");
    return previous & riscv64::kSstatusSie;
}

// Sets SIE again if it was set; if it was clear, it still is.
inline void restore_interrupts(InterruptState previous) {
    if ((previous & riscv64::kSstatusSie) != 0) asm volatile("csrsi sstatus, 1 << 1" ::: "memory");
}

inline bool interrupts_enabled() {
    uint64_t status;
    asm volatile("csrr %0, sstatus" : "=r"(status) : : "memory");
    return (status & riscv64::kSstatusSie) != 0;
}

inline void spin_pause() {
    // Zihintpause's `pause`, encoded as the FENCE hint it is (pred = W,
    // succ = 0): a CPU without the extension executes it as a fence that
    // orders nothing, i.e. a nop, so it needs no detection.
    asm volatile(".insn i 0x0f, 0, x0, x0, 0x010");
}

}  // namespace hal
