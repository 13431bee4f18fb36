// The way back from user mode: system calls and user-mode exceptions, and
// the points where the kernel may switch threads on the way out of a trap.
//
// System call register convention (one table for all three; abi/README.md
// repeats it for user space):
//
//   | arch    | instruction | number | arguments 0..5          | result |
//   |---------|-------------|--------|-------------------------|--------|
//   | x86_64  | syscall     | rax    | rdi rsi rdx r10 r8 r9   | rax    |
//   | aarch64 | svc #0      | x8     | x0 x1 x2 x3 x4 x5       | x0     |
//   | riscv64 | ecall       | a7     | a0 a1 a2 a3 a4 a5       | a0     |
//
// Every other user register survives a system call except those the
// instruction itself clobbers (rcx and r11 on x86_64).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/syscalls.h"

namespace hal::syscall {

inline constexpr size_t kArgumentCount = 6;

struct Arguments {
    uint64_t number;
    uint64_t values[kArgumentCount];
};

// The system calls the kernel may end on its fast path
// (kernel::try_fast_syscall), which the HAL offers them to first.
constexpr bool has_fast_path(uint64_t number) {
    return number == static_cast<uint64_t>(cairn::Syscall::kIpcCall) ||
           number == static_cast<uint64_t>(cairn::Syscall::kIpcReplyReceive);
}

}  // namespace hal::syscall

namespace hal::user {

// A user-mode exception the page-fault path could not resolve, or one that
// is not a page fault at all (undefined instruction, breakpoint, alignment,
// arithmetic, general protection ...).
struct Fault {
    const char* description;  // e.g. "undefined instruction", "page fault: write at 0x0 ..."
    uintptr_t pc;
    uintptr_t address;  // the faulting data address if there is one, else 0
};

}  // namespace hal::user

namespace kernel {

// Called by the HAL for every system call, on the calling thread's kernel
// stack with interrupts enabled. The result goes to the user's result
// register. May block, switch threads or never return (thread_exit).
int64_t handle_syscall(const hal::syscall::Arguments& arguments);

// Called by the HAL before handle_syscall() for the calls has_fast_path()
// names, from a system call entry that saved the complete user register
// frame at the top of the thread's kernel stack (hal/park.h), on that stack
// with interrupts still masked. Either ends the call, parking the thread
// (then it never returns here), or returns having changed nothing, and
// handle_syscall() serves the call. It reads the first three arguments and
// the number only, in the order that leaves an entry's argument registers
// where they are (the number, 98 or 100, as 32 bits: any stale caller of an
// older parameter list fails the link). The kernel defines it in
// kernel/ipc/parking.cc.
void try_fast_syscall(uint64_t argument0, uint64_t argument1, uint64_t argument2, uint32_t number);
inline void try_fast_syscall(const hal::syscall::Arguments& arguments) {
    try_fast_syscall(arguments.values[0], arguments.values[1], arguments.values[2],
                     static_cast<uint32_t>(arguments.number));
}

// Called by the HAL for a user-mode exception it cannot resolve, after it
// printed the user registers; interrupts enabled. Ends the faulting thread
// (never returns), and nothing else.
[[noreturn]] void handle_user_fault(const hal::user::Fault& fault);

// Called by the HAL last thing before every return to user mode (from a
// system call, an interrupt or an exception), interrupts masked. The
// scheduler switches away here when it should; a thread marked for death
// never comes back.
void handle_return_to_user();

// Called by the HAL after end_of_interrupt when the interrupt came from
// kernel code that ran with interrupts enabled (so it held no spin lock),
// interrupts masked, on the interrupted thread's stack: kernel preemption.
void handle_interrupt_return();

}  // namespace kernel
