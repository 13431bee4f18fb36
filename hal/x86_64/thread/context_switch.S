// The assembly half of hal/thread_context.h (thread/thread_context.cc has
// the rest).

    .section .text.x86_64_context_switch, "ax"
    .code64

// x86_64_switch_stacks(uintptr_t* save [rdi], uintptr_t load [rsi])
//
// Pushes the callee-saved registers (the caller's C++ code keeps everything
// else itself) and the return address stays below them; saves rsp into
// *save, loads `load` and pops the same layout back. A thread that has not
// run yet has that layout prepared by initialize(), with this file's
// x86_64_thread_start as its return address. Interrupts are masked
// throughout (the caller's contract), and nothing touches the old stack
// after the store: once *save is written, another CPU may resume it.
    .globl x86_64_switch_stacks
x86_64_switch_stacks:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rdi
// x86_64_load_stack(uintptr_t load [rdi]): the second half alone, for a
// thread that is parked (hal/park.h) and so has nothing to save.
    .globl x86_64_load_stack
x86_64_load_stack:
    movq %rdi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret

// Where a new thread's first switch "returns" to, with rsp at its stack top
// (16-byte aligned, so the call below leaves it as the ABI expects at a
// function's entry), r12 = entry and r13 = argument (initialize() put them
// into the popped registers). Entries never return; ud2 says so loudly.
    .globl x86_64_thread_start
x86_64_thread_start:
    movq %r13, %rdi
    xorl %ebp, %ebp                 // ends frame-pointer backtraces here
    call *%r12
    ud2

// x86_64_enter_user_mode(uint64_t frame_top [rdi], pc [rsi], stack [rdx],
//                        argument0 [rcx], argument1 [r8])
//
// Builds an interrupt return frame at `frame_top` (the thread's kernel stack
// top: nothing on this stack is needed any more) and enters ring 3 with
// interrupts enabled, rdi/rsi the two arguments and every other general
// register zero. Called with interrupts masked, GS base the kernel's.
    .globl x86_64_enter_user_mode
x86_64_enter_user_mode:
    movq %rdi, %rsp
    pushq $0x1b                     // ss: kUserDataSelector (cpu/gdt.h)
    pushq %rdx                      // rsp
    pushq $0x202                    // rflags: IF and the always-one bit 1
    pushq $0x23                     // cs: kUserCodeSelector
    pushq %rsi                      // rip
    movq %rcx, %rdi
    movq %r8, %rsi
    xorl %eax, %eax
    xorl %ebx, %ebx
    xorl %ecx, %ecx
    xorl %edx, %edx
    xorl %ebp, %ebp
    xorl %r8d, %r8d
    xorl %r9d, %r9d
    xorl %r10d, %r10d
    xorl %r11d, %r11d
    xorl %r12d, %r12d
    xorl %r13d, %r13d
    xorl %r14d, %r14d
    xorl %r15d, %r15d
    swapgs
    iretq

// Parked threads (hal/park.h, thread/thread_context.cc). park() points a
// thread's saved rsp at this layout (read only, shared by all): the pops
// of x86_64_load_stack read zeros and return into x86_64_parked_start,
// which moves to the thread's own stack, right under its user frame (the
// switch installed its kernel stack top in CpuLocal), and resumes it there.
#include "hal/x86_64/cpu/register_frame.inc"

#define CPU_KERNEL_STACK_TOP 8      // CpuLocal (cpu/cpu_local.h)
#define EXCEPTION_FRAME_SIZE 176    // sizeof(ExceptionFrame), cpu/exception_frame.h

    .section .rodata.x86_64_parked_layout, "a"
    .balign 8
    .globl x86_64_parked_layout
x86_64_parked_layout:
    .quad 0, 0, 0, 0, 0, 0          // r15 r14 r13 r12 rbx rbp
    .quad x86_64_parked_start       // the return address

    .section .text.x86_64_context_switch, "ax"
x86_64_parked_start:
    movq %gs:CPU_KERNEL_STACK_TOP, %rsp
    subq $EXCEPTION_FRAME_SIZE, %rsp  // 16-byte aligned: the top is, and 22 quadwords
    xorl %ebp, %ebp
    call x86_64_resume_parked_thread
    ud2

// x86_64_exit_through_frame(frame [rdi], hook [rsi])
//
// Moves to the running thread's user frame (from a `syscall`: see
// SYSRET_FROM_FRAME) at the top of its kernel stack, calls hook() there
// (16-byte aligned below the frame) and returns to user mode from the frame.
    .globl x86_64_exit_through_frame
x86_64_exit_through_frame:
    movq %rdi, %rsp
    call *%rsi
    SYSRET_FROM_FRAME

// x86_64_exit_parked(frame [rdi], cpu_lock [rsi]) for park_and_resume():
// moves to the frame (leaving the parked thread's stack), then releases the
// scheduler's CPU lock (a plain store is a release on x86) and returns to
// user mode from the frame.
    .globl x86_64_exit_parked
x86_64_exit_parked:
    movq %rdi, %rsp
    movl $0, (%rsi)
    SYSRET_FROM_FRAME
