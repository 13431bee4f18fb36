// The register state vectors.S saves on the stack when an exception is taken,
// and the numbering of the 16 vectors. The offsets are shared with the
// assembly; the static_asserts below keep the two views in step.
#pragma once

#define EXCEPTION_FRAME_X0 0
#define EXCEPTION_FRAME_X30 240
#define EXCEPTION_FRAME_SP 248
#define EXCEPTION_FRAME_ELR 256
#define EXCEPTION_FRAME_SPSR 264
#define EXCEPTION_FRAME_ESR 272
#define EXCEPTION_FRAME_FAR 280
// A multiple of 16, so the stack stays 16-byte aligned as AAPCS64 requires.
#define EXCEPTION_FRAME_SIZE 288

#ifdef __ASSEMBLER__

// clang-format off
// \op (ldp or stp) of registers xA, xB pairwise at their slots of the
// frame at sp, for each pair A, B of the list.
.macro FRAME_PAIRS op, a, b, rest:vararg
    \op    x\a, x\b, [sp, #(EXCEPTION_FRAME_X0 + \a * 8)]
    .ifnb \rest
    FRAME_PAIRS \op, \rest
    .endif
.endm
// \op of x2-x29 (one list for the loads and the stores).
.macro X2_TO_X29_PAIRS op
    FRAME_PAIRS \op, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29
.endm
// x2-x29 back from the frame at sp (vectors.S and the returns below).
.macro LOAD_X2_TO_X29
    X2_TO_X29_PAIRS ldp
.endm

// The return to EL0 from the frame at sp (vectors.S's aarch64_user_return
// and context_switch.S's park_and_resume): x0-x30, SP_EL0, ELR_EL1 and
// SPSR_EL1 from the frame, sp past it (the thread's kernel stack top, where
// its next trap from EL0 saves its frame), then eret. IRQs masked. x0 and x1
// come last, with the post-index that pops the frame.
.macro RETURN_TO_EL0_FROM_FRAME
    .if     EXCEPTION_FRAME_X0 != 0
    .error  "RETURN_TO_EL0_FROM_FRAME pops the frame with x0's load"
    .endif
    ldp     x0, x1, [sp, #EXCEPTION_FRAME_ELR]
    ldp     x30, x2, [sp, #EXCEPTION_FRAME_X30]     // x30 and SP_EL0
    msr     elr_el1, x0
    msr     spsr_el1, x1
    msr     sp_el0, x2
    LOAD_X2_TO_X29
    ldp     x0, x1, [sp], #EXCEPTION_FRAME_SIZE
    eret
.endm
// clang-format on

#else

#include <stddef.h>
#include <stdint.h>

namespace hal::aarch64 {

struct ExceptionFrame {
    uint64_t x[31];  // x0-x30; x29 is the frame pointer, x30 the link register
    uint64_t sp;     // the stack pointer when the exception was taken
    uint64_t elr;    // ELR_EL1: the instruction that faulted or will run next
    uint64_t spsr;   // SPSR_EL1: PSTATE when the exception was taken
    // Not saved for an svc from EL0 (vectors.S): stale in a system call's frame.
    uint64_t esr;  // ESR_EL1: exception syndrome (class and details)
    uint64_t far;  // FAR_EL1: faulting address, valid for aborts and alignment faults
};

static_assert(offsetof(ExceptionFrame, x) == EXCEPTION_FRAME_X0);
static_assert(offsetof(ExceptionFrame, x[30]) == EXCEPTION_FRAME_X30);
static_assert(offsetof(ExceptionFrame, sp) == EXCEPTION_FRAME_SP);
static_assert(offsetof(ExceptionFrame, elr) == EXCEPTION_FRAME_ELR);
static_assert(offsetof(ExceptionFrame, spsr) == EXCEPTION_FRAME_SPSR);
static_assert(offsetof(ExceptionFrame, esr) == EXCEPTION_FRAME_ESR);
static_assert(offsetof(ExceptionFrame, far) == EXCEPTION_FRAME_FAR);
static_assert(sizeof(ExceptionFrame) == EXCEPTION_FRAME_SIZE);
static_assert(EXCEPTION_FRAME_SIZE % 16 == 0);

// The vector an exception arrived through: its index in the table, which
// VBAR_EL1 + 0x80 * index addresses. Four groups (where the CPU was) of four
// types (what happened).
class ExceptionVector {
public:
    static constexpr uint64_t kCount = 16;

    explicit constexpr ExceptionVector(uint64_t index) : index_(index % kCount) {}

    constexpr uint64_t index() const { return index_; }
    constexpr bool is_synchronous() const { return index_ % 4 == 0; }
    constexpr bool is_irq() const { return index_ % 4 == 1; }
    constexpr bool is_serror() const { return index_ % 4 == 3; }
    // Vectors 8-11: taken from EL0 running AArch64 (the only user mode).
    constexpr bool is_from_aarch64_el0() const { return index_ / 4 == 2; }

    constexpr const char* type_name() const {
        constexpr const char* kTypes[] = {"synchronous", "IRQ", "FIQ", "SError"};
        return kTypes[index_ % 4];
    }
    constexpr const char* origin_name() const {
        constexpr const char* kOrigins[] = {"current EL with SP_EL0", "current EL with SP_EL1",
                                            "lower EL in AArch64", "lower EL in AArch32"};
        return kOrigins[index_ / 4];
    }

private:
    uint64_t index_;
};

}  // namespace hal::aarch64

#endif
