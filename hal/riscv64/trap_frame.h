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

// The trap stack's top 16 bytes are not stack: the first 8 hold the hart's
// kernel tp (its CPU index, hal/arch/cpu_inline.h), which trap_entry.S loads
// for traps from U-mode, as they arrive with the user's tp. sscratch points
// at the slot whenever no trap is being handled, so the frame of a trap from
// U-mode (never a nested one) ends right below it, at sp + TRAP_FRAME_SIZE.
#define TRAP_STACK_KERNEL_TP_SLOT 16  // bytes; keeps sscratch 16-byte aligned

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

}  // namespace hal::riscv64

#endif  // __ASSEMBLER__
