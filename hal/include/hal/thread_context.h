// Threads as the HAL sees them: the saved state of a thread that is not
// running, the switch between two threads, and the way into user mode.
//
// Generic code (kernel/sched) embeds a ThreadContext in every thread and
// never looks inside; each architecture defines it in
// hal/<arch>/include/hal/arch/thread_context.h, included at the end.
//
// What a switch moves (all architectures): the callee-saved registers and the
// stack pointer; for threads that run user code also the FP/SIMD registers
// (saved eagerly: user code uses them for memcpy and printf), the user thread
// pointer (FS base / TPIDR_EL0 / tp) and the kernel stack top that traps from
// user mode land on (TSS.RSP0 and the syscall stack / SP_EL1 / sscratch). The
// address space is not the HAL's business here: the scheduler activates it
// (hal/mm.h) before switching.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::context {

struct ThreadContext;  // per architecture, see above

using ThreadEntry = void (*)(void* argument);

// Prepares a thread that has never run: the first switch_to() into it calls
// entry(argument) on the kernel stack whose top is `kernel_stack_top`
// (16-byte aligned; the stack grows down from it), with interrupts masked.
// `entry` must never return. A default-constructed ThreadContext (all zero)
// is valid only as the `from` of switch_to(): the boot code of each CPU
// becomes its first thread that way.
void initialize(ThreadContext& context, uintptr_t kernel_stack_top, ThreadEntry entry,
                void* argument);

// Saves the running thread into `from` and resumes `to` where it last left
// off (or at its entry). Interrupts must be masked and stay masked on both
// sides; returns when some CPU switches back to `from`. `from` and `to` are
// different threads.
void switch_to(ThreadContext& from, ThreadContext& to);

// Marks a thread (before it first runs) as one that will run user code: it
// gets FP/SIMD registers of its own, initialized to the ABI's defaults, and
// the switch saves and restores them and its thread pointer.
void enable_user_state(ThreadContext& context);

// The registers a user thread starts with; every other register is zero.
struct UserEntry {
    uintptr_t pc = 0;
    uintptr_t stack_pointer = 0;   // 16-byte aligned
    uintptr_t argument0 = 0;       // first argument register (rdi / x0 / a0)
    uintptr_t argument1 = 0;       // second (rsi / x1 / a1)
    uintptr_t thread_pointer = 0;  // FS base / TPIDR_EL0 / tp
};

// Leaves the kernel for user mode on the running thread, which must have
// had enable_user_state(). Interrupts are enabled in user mode; traps come
// back on the top of this thread's kernel stack. Never returns.
[[noreturn]] void enter_user_mode(const UserEntry& entry);

// Sets the running user thread's thread pointer (takes effect on return to
// user mode and survives switches).
void set_thread_pointer(uintptr_t pointer);

// Prints the running thread's user registers as saved at its latest trap
// from user mode: pc, stack pointer and every general register, in the
// format of the kernel's register dumps.
void print_user_registers();

}  // namespace hal::context

#include "hal/arch/thread_context.h"
