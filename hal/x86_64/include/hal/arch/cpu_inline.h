// The inline part of hal/cpu.h on x86_64 (included by hal/cpu.h; include
// that instead). The rest is in cpu/cpu.cc.
#pragma once

#include <stdint.h>

namespace hal {

namespace x86_64 {
inline constexpr uint64_t kFlagsInterruptEnable = 1 << 9;  // RFLAGS.IF
}

// The index is the first field of this CPU's block at the GS base
// (cpu/cpu_local.h): one load, so it needs no interrupt masking. Valid from
// early in x86_64_boot_main (boot CPU) and x86_64_secondary_entry (others).
inline uint32_t current_cpu_index() {
    uint32_t index;
    asm volatile("movl %%gs:0, %0" : "=r"(index));
    return index;
}

inline InterruptState disable_interrupts() {
    // pushfq is safe here: the kernel is built with -mno-red-zone.
    uint64_t flags;
    asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
    return flags & x86_64::kFlagsInterruptEnable;
}

// Only IF changes: popfq would also bring back AC (the SMAP override) and
// the arithmetic flags as they were.
inline void restore_interrupts(InterruptState previous) {
    if (previous & x86_64::kFlagsInterruptEnable) {
        asm volatile("sti" ::: "memory");
    } else {
        asm volatile("cli" ::: "memory");
    }
}

inline bool interrupts_enabled() {
    uint64_t flags;
    asm volatile("pushfq; popq %0" : "=r"(flags) : : "memory");
    return (flags & x86_64::kFlagsInterruptEnable) != 0;
}

inline void spin_pause() {
    asm volatile("pause");
}

}  // namespace hal
