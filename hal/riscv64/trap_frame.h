// The registers trap_entry.S saves on every trap, in the order it saves them,
// and restores when the handler returns.
// The assembly uses the TRAP_FRAME_* offsets; the static_asserts below keep
// the C++ view and the assembly in agreement.
#pragma once

#define TRAP_FRAME_REGISTERS 0  // x1..x31, 8 bytes each
#define TRAP_FRAME_SEPC (31 * 8)
#define TRAP_FRAME_SSTATUS (32 * 8)
#define TRAP_FRAME_SCAUSE (33 * 8)
#define TRAP_FRAME_STVAL (34 * 8)
#define TRAP_FRAME_SIZE (36 * 8)  // rounded up so sp stays 16-byte aligned

// Each CPU's trap area: the top TRAP_STACK_CPU_AREA_SIZE bytes of its trap
// stack (entry.S, smp/secondary_entry.S), which sscratch points at for good
// (trap_entry.S swaps sp with it and swaps back). It holds what a trap needs
// before it has a free register:
//   - the kernel's tp (the CPU index, hal/arch/cpu_inline.h): traps from
//     U-mode arrive with the user's;
//   - the running thread's kernel stack top (switch_to() installs it): the
//     frame of a trap from U-mode goes right below it;
//   - two scratch slots for t0/t1 while the frame is built;
//   - the running thread's hal::context::ThreadContext (switch_to() installs
//     it; 0 until the first switch): the trap that loads a user thread's FP
//     registers on its first FP instruction finds them there (user_trap.cc).
// Below the area lies the trap stack proper, used only when a trap hits the
// frame-saving code itself (a broken or overflowed kernel stack), so that
// the fault is reported instead of recurring forever.
#define CPU_AREA_KERNEL_TP 0
#define CPU_AREA_KERNEL_STACK_TOP 8
#define CPU_AREA_SCRATCH0 16
#define CPU_AREA_SCRATCH1 24
#define CPU_AREA_CONTEXT 32
#define TRAP_STACK_CPU_AREA_SIZE 48  // bytes; keeps the trap stack 16-byte aligned

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

namespace hal::riscv64 {

struct TrapFrame {
    // x1..x31; x0 is hard-wired to zero and not saved. `sp` (x2) holds the
    // interrupted stack pointer, not the trap stack's.
    uint64_t registers[31];
    uint64_t sepc;     // the trapping instruction (exceptions) or the next one (interrupts)
    uint64_t sstatus;  // SPP tells whether the trap came from S- or U-mode
    uint64_t scause;   // bit 63: interrupt; the rest: exception or interrupt code
    uint64_t stval;    // faulting address or instruction bits, if the cause has one
    uint64_t padding;

    // Register xN, 1 <= number <= 31; the trap returns with the value set.
    uint64_t x(unsigned number) const { return registers[number - 1]; }
    void set_x(unsigned number, uint64_t value) { registers[number - 1] = value; }
};

static_assert(offsetof(TrapFrame, registers) == TRAP_FRAME_REGISTERS);
static_assert(offsetof(TrapFrame, sepc) == TRAP_FRAME_SEPC);
static_assert(offsetof(TrapFrame, sstatus) == TRAP_FRAME_SSTATUS);
static_assert(offsetof(TrapFrame, scause) == TRAP_FRAME_SCAUSE);
static_assert(offsetof(TrapFrame, stval) == TRAP_FRAME_STVAL);
static_assert(sizeof(TrapFrame) == TRAP_FRAME_SIZE);
static_assert(sizeof(TrapFrame) % 16 == 0, "the psABI requires a 16-byte aligned sp");

// The CPU's trap area (see above), as C++ sees it.
struct CpuTrapArea {
    uint64_t kernel_tp;
    uint64_t kernel_stack_top;
    uint64_t scratch[2];
    uint64_t context;  // the running thread's ThreadContext*
    uint64_t padding;
};

static_assert(offsetof(CpuTrapArea, kernel_tp) == CPU_AREA_KERNEL_TP);
static_assert(offsetof(CpuTrapArea, kernel_stack_top) == CPU_AREA_KERNEL_STACK_TOP);
static_assert(offsetof(CpuTrapArea, scratch) == CPU_AREA_SCRATCH0);
static_assert(offsetof(CpuTrapArea, context) == CPU_AREA_CONTEXT);
static_assert(sizeof(CpuTrapArea) == TRAP_STACK_CPU_AREA_SIZE);

inline CpuTrapArea& this_cpu_trap_area() {
    uint64_t area;
    asm volatile("csrr %0, sscratch" : "=r"(area));
    return *reinterpret_cast<CpuTrapArea*>(area);
}

// The running thread's user register frame: trap_entry.S puts it right below
// the kernel stack top on every trap from U-mode. nullptr for a thread
// without a kernel stack top (a CPU's boot thread).
inline TrapFrame* current_user_frame() {
    uint64_t top = this_cpu_trap_area().kernel_stack_top;
    if (top == 0) return nullptr;
    return reinterpret_cast<TrapFrame*>(top - sizeof(TrapFrame));
}

}  // namespace hal::riscv64

#endif  // __ASSEMBLER__
