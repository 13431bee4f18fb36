// What the boot hart hands a starting hart, through the opaque argument of
// SBI hart_start (a1 = the block's physical address), or, for a hart that
// the firmware sent to _start instead, found by hart id in the array
// riscv64_start_blocks (smp/secondary_entry.S, riscv64_secondary_stray_entry). Shared by
// smp/secondary_entry.S (the START_BLOCK_* offsets) and smp/start.cc.
#pragma once

#define START_BLOCK_BRINGUP_SATP 0  // satp of the bring-up root (identity + upper half)
#define START_BLOCK_KERNEL_SATP 8   // satp of the kernel's root, ASID 0
#define START_BLOCK_CPU_INDEX 16    // what tp holds from now on
#define START_BLOCK_STACK_TOP 24    // virtual, 16-byte aligned
#define START_BLOCK_TRAP_SLOT 32    // virtual: the CPU's trap area (trap_frame.h)
#define START_BLOCK_SELF 40         // the block's own virtual address
#define START_BLOCK_STATE 48        // hart_state, 32 bits
#define START_BLOCK_STRAY 52        // 32 bits: 1 if the hart came through _start
#define START_BLOCK_HART_ID 56
#define START_BLOCK_SIZE 64

// Each CPU but the boot CPU gets a boot stack and a trap stack from one
// static array (smp/secondary_entry.S, outside .bss: nothing needs them
// zeroed), the same sizes as the boot hart's (linker.ld).
#define SMP_BOOT_STACK_SIZE 16384
#define SMP_TRAP_STACK_SIZE 16384
#define SMP_MAX_SECONDARY_CPUS 63  // hal::kMaxCpus - 1

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>

namespace hal::riscv64 {

// Where a starting hart is (StartBlock::state); the boot hart waits for
// kStarting to change. A plain integer: both harts use atomic builtins on it.
namespace hart_state {
inline constexpr uint32_t kStarting = 0;   // hart_start succeeded, no report yet
inline constexpr uint32_t kOnline = 1;     // it reached C++, set itself up, enters the kernel
inline constexpr uint32_t kFailed = 2;     // it reached C++ but could not set itself up; stopped
inline constexpr uint32_t kAbandoned = 3;  // the boot hart gave up; if it ever arrives, it stops
}  // namespace hart_state

struct StartBlock {
    uint64_t bringup_satp = 0;
    uint64_t kernel_satp = 0;
    uint64_t cpu_index = 0;
    uint64_t stack_top = 0;
    uint64_t trap_slot = 0;
    StartBlock* self = nullptr;
    uint32_t state = 0;  // hart_state; changed only with atomics: both harts race here
    uint32_t stray = 0;  // set by riscv64_secondary_stray_entry, for the log
    uint64_t hart_id = 0;
};

static_assert(offsetof(StartBlock, bringup_satp) == START_BLOCK_BRINGUP_SATP);
static_assert(offsetof(StartBlock, kernel_satp) == START_BLOCK_KERNEL_SATP);
static_assert(offsetof(StartBlock, cpu_index) == START_BLOCK_CPU_INDEX);
static_assert(offsetof(StartBlock, stack_top) == START_BLOCK_STACK_TOP);
static_assert(offsetof(StartBlock, trap_slot) == START_BLOCK_TRAP_SLOT);
static_assert(offsetof(StartBlock, self) == START_BLOCK_SELF);
static_assert(offsetof(StartBlock, state) == START_BLOCK_STATE);
static_assert(offsetof(StartBlock, stray) == START_BLOCK_STRAY);
static_assert(offsetof(StartBlock, hart_id) == START_BLOCK_HART_ID);
static_assert(sizeof(StartBlock) == START_BLOCK_SIZE);

}  // namespace hal::riscv64

#endif  // __ASSEMBLER__
