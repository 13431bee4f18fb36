// The inline part of hal/cpu.h on riscv64 (included by hal/cpu.h; include
// that instead). The rest is in cpu.cc.
#pragma once

#include <stdint.h>

namespace hal {

namespace riscv64 {
inline constexpr uint64_t kSstatusSie = uint64_t{1} << 1;

// spin_pause() yields the hart every kSpinsPerYield spins on one CPU (see
// there). Each CPU counts in its own cache line, which only it writes (an
// interrupt on it may lose a count: harmless).
inline constexpr uint32_t kSpinsPerYield = 256;
struct alignas(64) SpinCount {
    uint32_t spins;
};
static_assert(sizeof(SpinCount) == 64, "spin_pause() indexes spin_counts by tp << 6");
static_assert((kSpinsPerYield & (kSpinsPerYield - 1)) == 0 && kSpinsPerYield <= 1024,
              "spin_pause() tests the count with one andi");
extern SpinCount spin_counts[kMaxCpus];  // cpu.cc
}  // namespace riscv64

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
    // First Zihintpause's `pause`, encoded as the FENCE hint it is (pred = W,
    // succ = 0): a CPU without the extension executes it as a fence that
    // orders nothing, i.e. a nop, so it needs no detection.
    //
    // Then, every kSpinsPerYield spins on this CPU, a yield of the hart:
    // riscv64_spin_yield (cpu.cc) runs a wfi that returns at once
    // (riscv64_yield_to_other_harts, timer.cc). An emulator that runs all harts on one thread
    // needs it to switch to the others: QEMU before 8.1 with -icount (the
    // benchmarks) gives the first vCPU of each round the whole instruction
    // budget up to the next timer deadline and the others what is left, i.e.
    // nothing while the first spins, so a hart waiting for another's answer
    // (call_on_cpus, a lock) waited forever. x86's `pause` and arm's `yield`
    // end the vCPU's turn there; riscv's `pause` does not, `wfi` does. A spin
    // that long (thousands of instructions) already costs microseconds on
    // hardware, where the wfi costs little more than a nop.
    //
    // In assembly, with a call through t0 to a routine that saves every other
    // register: the compiler sees no call, so the many functions that inline
    // a spin lock keep their register allocation and prologues (a C++ call
    // here made them save registers on every lock, contended or not).
    uint64_t address;
    uint64_t count;
    asm volatile(
        ".insn i 0x0f, 0, x0, x0, 0x010\n"  // pause
        "sltiu %[count], tp, %[cpus]\n"     // tp = CPU index (see above)
        "beqz %[count], 1f\n"
        "slli %[address], tp, 6\n"
        "add %[address], %[address], %[counts]\n"
        "lw %[count], 0(%[address])\n"
        "addiw %[count], %[count], 1\n"
        "sw %[count], 0(%[address])\n"
        "andi %[count], %[count], %[mask]\n"
        "bnez %[count], 1f\n"
        "2: auipc t0, %%pcrel_hi(riscv64_spin_yield)\n"
        "jalr t0, %%pcrel_lo(2b)(t0)\n"
        "1:\n"
        : [address] "=&r"(address), [count] "=&r"(count)
        : [counts] "r"(riscv64::spin_counts), [cpus] "i"(kMaxCpus),
          [mask] "i"(riscv64::kSpinsPerYield - 1)
        : "t0", "memory");
}

}  // namespace hal
