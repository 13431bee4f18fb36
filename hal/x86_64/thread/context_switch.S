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

// Offsets checked in thread/thread_context.cc.
#define CPU_KERNEL_STACK_TOP 8      // CpuLocal (cpu/cpu_local.h)
#define CPU_CURRENT_CONTEXT 128
#define CPU_LOADED_FS_BASE 136
#define CPU_IO_PORTS_OPEN 152
#define CONTEXT_STACK_POINTER 0     // ThreadContext (include/hal/arch/thread_context.h)
#define CONTEXT_KERNEL_STACK_TOP 8
#define CONTEXT_FS_BASE 16
#define CONTEXT_IO_PORTS 40
#define CONTEXT_FP_STATE 48
#define EXCEPTION_FRAME_SIZE 176    // sizeof(ExceptionFrame), cpu/exception_frame.h
#define PORT_ACCESS_GENERATION 0    // hal::io_ports::PortAccess (hal/io_ports.h)
#define MSR_FS_BASE 0xc0000100      // IA32_FS_BASE
// hal::context::park_and_resume(ThreadContext&, ThreadContext&, long, unsigned int*)
#define PARK_AND_RESUME _ZN3hal7context15park_and_resumeERNS0_13ThreadContextES2_lPj

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

// hal::context::park_and_resume(from [rdi], to [rsi], result [rdx],
// cpu_lock [rcx]) (hal/park.h), under its C++ name (the link checks it:
// thread_context.cc declares it, nothing else defines it), so that the
// fast path calls straight into it: park() of `from`, load() of `to` and
// its return to user mode from its frame, with only what those do that can
// differ between two parked threads. thread_context.cc's C++ versions of
// the same steps say what each keeps; the shortcuts here rest on:
//  - Both threads have user state: `from` is in a system call from user
//    mode and `to` is parked, so it was in one too (enter_user_mode()
//    requires user_state). So the FXSAVE area moves unconditionally.
//  - Neither has a page fault in progress: the CPU's flag and a context's
//    are set only while kernel::handle_page_fault() runs on the thread
//    (cpu/page_fault.cc clears both after it), and parking starts only at
//    the system call entry (kernel/ipc/parking.cc, reached from
//    syscall_entry.S), never inside that call. So the CPU's flag is null
//    and stays null, and so are both contexts': nothing to save or load.
//  - Usually neither fs_base nor the I/O ports need work: one branch for
//    both, taken unless the loaded fs_base equals `to`'s, `to`'s PortAccess
//    (never null with user state, io_ports::attach()) was never edited
//    (generation 0) and this CPU has no port open (CpuLocal::io_ports_open),
//    apply_io_ports()'s first early return; the rest is out of line (the
//    I/O ports in C++).
//  - `to`'s frame was built by its own `syscall` entry (only the fast path
//    parks, kernel/ipc/parking.cc), which checked its return rip canonical:
//    it can be left with `sysret` (as SYSRET_FROM_FRAME does).
// Interrupts are masked, the scheduler's CPU lock is held; it is released
// (a plain store is a release on x86) only on `to`'s stack.
    .globl PARK_AND_RESUME
    .type PARK_AND_RESUME, @function
PARK_AND_RESUME:
    fxsave64 CONTEXT_FP_STATE(%rdi)
    movq $x86_64_parked_layout, CONTEXT_STACK_POINTER(%rdi)
    // `from` is parked; from here on, `to` is loaded.
    fxrstor64 CONTEXT_FP_STATE(%rsi)
    movq CONTEXT_FS_BASE(%rsi), %rax
    xorq %gs:CPU_LOADED_FS_BASE, %rax
    movq CONTEXT_IO_PORTS(%rsi), %r8
    orq PORT_ACCESS_GENERATION(%r8), %rax
    orq %gs:CPU_IO_PORTS_OPEN, %rax
    jnz 2f
1:  // install(): the system call stack and TSS.RSP0 (one word), the
    // running context.
    movq CONTEXT_KERNEL_STACK_TOP(%rsi), %r8
    movq %r8, %gs:CPU_KERNEL_STACK_TOP
    movq %rsi, %gs:CPU_CURRENT_CONTEXT
    // Onto `to`'s frame; `from`'s stack is free now, and the CPU lock goes.
    leaq -EXCEPTION_FRAME_SIZE(%r8), %rsp
    movl $0, (%rcx)
    // SYSRET_FROM_FRAME with the result straight into rax instead of
    // through the frame, whose rax is not popped.
    movq %rdx, %rax
    POP_GENERAL_REGISTERS_BUT_RAX   // rcx: the rip, r11: the rflags
    movq 48(%rsp), %rsp             // the user's rsp (past the rax slot)
    swapgs
    sysretq
2:  // Another fs_base (threads of one process, most pairs of processes):
    // load_fs_base() (wrmsr takes ecx and edx: cpu_lock and result wait in
    // r9 and r10).
    movq CONTEXT_FS_BASE(%rsi), %rax
    cmpq %rax, %gs:CPU_LOADED_FS_BASE
    je 3f
    movq %rax, %gs:CPU_LOADED_FS_BASE
    movq %rcx, %r9
    movq %rdx, %r10
    movq %rax, %rdx
    shrq $32, %rdx
    movl $MSR_FS_BASE, %ecx
    wrmsr
    movq %r9, %rcx
    movq %r10, %rdx
3:  // The I/O ports unless apply_io_ports()'s first early return holds (r8:
    // `to`'s PortAccess): in C++, still on `from`'s stack (the CPU lock
    // keeps everybody off it); rsp is 16-byte aligned after the pushes.
    movq PORT_ACCESS_GENERATION(%r8), %rax
    orq %gs:CPU_IO_PORTS_OPEN, %rax
    jz 1b
    pushq %rsi
    pushq %rdx
    pushq %rcx
    movq %rsi, %rdi
    call x86_64_apply_io_ports_of
    popq %rcx
    popq %rdx
    popq %rsi
    jmp 1b
    .size PARK_AND_RESUME, . - PARK_AND_RESUME
