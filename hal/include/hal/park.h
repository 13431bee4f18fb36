// Parked threads: the IPC fast path's switch (kernel/ipc/parking.cc).
//
// A user thread that blocks in a system call normally keeps a kernel call
// chain on its stack, and switch_to() saves and later resumes it, after
// which the chain unwinds back to the system call's exit. A thread blocked
// in the fast path needs none of that: everything it has is in the user
// register frame its system call entry saved at the top of its kernel stack
// (hal/user_mode.h), plus its ThreadState. It *parks*: its stack below the
// frame is dead, and it resumes in one of two ways:
//
//  - resume_parked(): a fast-path partner gives it this CPU. Its result goes
//    into the frame and it returns to user mode straight from there: the
//    kernel's parked_thread_arrived() runs first (on its stack, under the
//    frame) to finish the switch, then the frame is restored.
//  - switch_to() into a parked context (anybody else woke it: a slow-path
//    partner, a kill): the kernel's resume_parked_thread() runs on its stack
//    under the frame, finishes the switch and the system call, and ends in
//    return_from_parked(result).
//
// Every function here runs with interrupts masked, in the switching CPU's
// scheduler protocol (kernel/sched/internal.h): the CPU lock is held from
// the switch until the thread switched to finishes it.
#pragma once

#include <stdint.h>

#include "hal/thread_context.h"

namespace hal::context {

// Parks the running thread, which is in a system call from user mode: saves
// what switch_to() would save of it (FP/SIMD registers) and makes the next
// switch_to() into `context` run kernel::resume_parked_thread(). Returns;
// the caller then leaves the thread's stack with one of the two calls below
// and never comes back to it.
void park(ThreadContext& context);

// After park(): switches to `to`, a thread with an ordinary saved context
// (it resumes where its switch_to() left off). Nothing of the parked thread
// is saved here: park() did that.
[[noreturn]] void switch_from_parked(ThreadContext& to);

// After park(): switches to `to`, a parked thread, and returns to its user
// mode from its system call frame with `result` as the call's result, after
// kernel::parked_thread_arrived() ran on its stack.
[[noreturn]] void resume_parked(ThreadContext& to, int64_t result);

// park(from) and resume_parked(to, result) in one, for a switch that did
// beforehand what kernel::parked_thread_arrived() does (`to`'s address space
// is active, nothing is pending for its return to user mode) except the
// one thing that cannot happen on `from`'s stack: the scheduler's CPU lock
// is released only once this CPU runs on `to`'s stack, by a store of 0 to
// the word `cpu_lock` with release order (until then a wake of `from` on
// another CPU waits for the lock, so nobody resumes `from` while its stack
// is in use). `to`'s frame is then restored straight away.
[[noreturn]] void park_and_resume(ThreadContext& from, ThreadContext& to, int64_t result,
                                  uint32_t* cpu_lock);

// Ends the system call of the running thread, resumed by switch_to() in
// kernel::resume_parked_thread(), with `result`: through
// kernel::handle_return_to_user() and out of its frame to user mode.
[[noreturn]] void return_from_parked(int64_t result);

}  // namespace hal::context

namespace kernel {

// Called by the HAL in a parked thread that switch_to() resumed, on its
// kernel stack just below its user frame: must finish the switch (as every
// switch point does), end the system call and call
// hal::context::return_from_parked().
[[noreturn]] void resume_parked_thread();

// Called by the HAL in a parked thread that resume_parked() resumed, on its
// kernel stack just below its user frame, before its frame is restored:
// must finish the switch and do what every return to user mode does
// (handle_return_to_user()).
void parked_thread_arrived();

}  // namespace kernel
