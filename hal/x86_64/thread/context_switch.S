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
    movq %rsi, %rsp
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
