// The registers trap_entry.S saves on every trap, in the order it saves them,
// and restores when the handler returns.
// The assembly uses the TRAP_FRAME_* offsets; the static_asserts below keep
// the C++ view and the assembly in agreement.
//
// An ecall from U-mode saves x1..x4, x8..x27 and sepc (already past the
// ecall) first, and sstatus, scause (8) and stval (0) only when the IPC fast
// path does not take the call. t0-t6 (x5-x7, x28-x31) it never saves: an
// ecall clobbers them (abi/README.md), and their slots keep what the
// thread's last interrupt or exception saved, so that whatever returns
// through the frame gives the thread back its own stale values. a thread that parks in the fast
// path (hal/park.h) resumes from x1..x31 and sepc alone (riscv64_user_trap_return and
// park_and_resume never read the frame's sstatus: every user frame's is the same but for FS, which
// stays live), and whatever prints or inspects a user frame (dump_registers, the test hooks,
// print_user_registers in debug_break) runs on a trap or a system call that is not the fast path's,
// which has written them.
#pragma once

#define TRAP_FRAME_REGISTERS 0  // x1..x31, 8 bytes each
#define TRAP_FRAME_SEPC (31 * 8)
#define TRAP_FRAME_SSTATUS (32 * 8)
#define TRAP_FRAME_SCAUSE (33 * 8)
#define TRAP_FRAME_STVAL (34 * 8)
#define TRAP_FRAME_CONTEXT (35 * 8)
#define TRAP_FRAME_SIZE (36 * 8)  // rounded up so sp stays 16-byte aligned

// Each CPU's trap area: the top TRAP_STACK_CPU_AREA_SIZE bytes of its trap
// stack (entry.S, smp/secondary_entry.S), which sscratch points at for good
// (trap_entry.S swaps sp with it and swaps back). It holds what a trap needs
// before it has a free register:
//   - the kernel's tp (the CPU index, hal/arch/cpu_inline.h): traps from
//     U-mode arrive with the user's;
//   - the running thread's user frame, right below its kernel stack top
//     (switch_to() installs it from the context; 0 for a CPU's boot thread):
//     the frame of a trap from U-mode goes there;
//   - two scratch slots for t0/t1 while the frame is built;
//   - what an ecall from U-mode calls with an IPC fast-path number:
//     kernel::try_fast_syscall, or riscv64_decline_fast_syscall (returns at
//     once) while the HAL's test hooks are set (user_trap.h): one load
//     instead of a test of the hooks on every call.
// Below the area lies the trap stack proper, used only when a trap hits the
// frame-saving code itself (a broken or overflowed kernel stack), so that
// the fault is reported instead of recurring forever.
#define CPU_AREA_KERNEL_TP 0
#define CPU_AREA_USER_FRAME 8
#define CPU_AREA_SCRATCH0 16
#define CPU_AREA_SCRATCH1 24
#define CPU_AREA_FAST_SYSCALL 40
#define TRAP_STACK_CPU_AREA_SIZE 48  // bytes; keeps the trap stack 16-byte aligned

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

namespace hal::riscv64 {

struct TrapFrame {
    // x1..x31; x0 is hard-wired to zero and not saved. `sp` (x2) holds the
    // interrupted stack pointer, not the trap stack's.
    uint64_t registers[31];
    uint64_t sepc;  // the trapping instruction (exceptions) or the next one (interrupts)
    // These three: for an ecall, only once the fast path declined (above).
    uint64_t sstatus;  // SPP tells whether the trap came from S- or U-mode
    uint64_t scause;   // bit 63: interrupt; the rest: exception or interrupt code
    uint64_t stval;    // faulting address or instruction bits, if the cause has one
    // The thread's hal::context::ThreadContext, written by initialize() and
    // by no trap: the trap that loads a user thread's FP registers on its
    // first FP instruction finds them there (user_trap.cc). The thread's
    // kernel code never runs on the frame (its stack starts right below).
    uint64_t context;

    // Register xN, 1 <= number <= 31; the trap returns with the value set.
    uint64_t x(unsigned number) const { return registers[number - 1]; }
    void set_x(unsigned number, uint64_t value) { registers[number - 1] = value; }
};

static_assert(offsetof(TrapFrame, registers) == TRAP_FRAME_REGISTERS);
static_assert(offsetof(TrapFrame, sepc) == TRAP_FRAME_SEPC);
static_assert(offsetof(TrapFrame, sstatus) == TRAP_FRAME_SSTATUS);
static_assert(offsetof(TrapFrame, scause) == TRAP_FRAME_SCAUSE);
static_assert(offsetof(TrapFrame, stval) == TRAP_FRAME_STVAL);
static_assert(offsetof(TrapFrame, context) == TRAP_FRAME_CONTEXT);
static_assert(sizeof(TrapFrame) == TRAP_FRAME_SIZE);
static_assert(sizeof(TrapFrame) % 16 == 0, "the psABI requires a 16-byte aligned sp");

// The CPU's trap area (see above), as C++ sees it.
struct CpuTrapArea {
    uint64_t kernel_tp;
    uint64_t user_frame;  // the running thread's TrapFrame*, 0 if it has no kernel stack
    uint64_t scratch[2];
    uint64_t unused;
    uint64_t fast_syscall;  // see above
};

static_assert(offsetof(CpuTrapArea, kernel_tp) == CPU_AREA_KERNEL_TP);
static_assert(offsetof(CpuTrapArea, user_frame) == CPU_AREA_USER_FRAME);
static_assert(offsetof(CpuTrapArea, scratch) == CPU_AREA_SCRATCH0);
static_assert(offsetof(CpuTrapArea, fast_syscall) == CPU_AREA_FAST_SYSCALL);
static_assert(sizeof(CpuTrapArea) == TRAP_STACK_CPU_AREA_SIZE);

inline CpuTrapArea& this_cpu_trap_area() {
    uint64_t area;
    asm volatile("csrr %0, sscratch" : "=r"(area));
    return *reinterpret_cast<CpuTrapArea*>(area);
}

// The running thread's user register frame: trap_entry.S puts it right below
// the kernel stack top on every trap from U-mode. nullptr for a thread
// without a kernel stack (a CPU's boot thread).
inline TrapFrame* current_user_frame() {
    return reinterpret_cast<TrapFrame*>(this_cpu_trap_area().user_frame);
}

}  // namespace hal::riscv64

#endif  // __ASSEMBLER__

// clang-format off
#ifdef __ASSEMBLER__
#define TRAP_FRAME_X(n) (TRAP_FRAME_REGISTERS + ((n) - 1) * 8)

/* Loads x1 and x3..x31 from the frame at sp, then sp, and srets: the end of
   every return to U-mode (trap_entry.S, context/switch.S). With `a0_from`,
   a0 comes from that register instead of the frame (it must be one of
   x11..x31, which are loaded after a0). */
.macro RESTORE_USER_REGISTERS_AND_SRET a0_from
    .irp n, 1, 3, 4, 5, 6, 7, 8, 9
    ld      x\n, TRAP_FRAME_X(\n)(sp)
    .endr
    .ifb \a0_from
    ld      x10, TRAP_FRAME_X(10)(sp)
    .else
    mv      x10, \a0_from
    .endif
    .irp n, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    ld      x\n, TRAP_FRAME_X(\n)(sp)
    .endr
    ld      sp, TRAP_FRAME_X(2)(sp)
    sret
.endm
#endif  // __ASSEMBLER__
