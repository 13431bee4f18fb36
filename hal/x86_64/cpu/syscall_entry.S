// The `syscall` instruction's entry point (IA32_LSTAR, see cpu/syscall.cc).
//
// The CPU arrives here in ring 0 with rcx = the user's rip (the instruction
// after `syscall`), r11 = the user's RFLAGS, IF, DF, TF, AC and NT cleared
// (IA32_FMASK), and rsp, the GS base and everything else still the user's.
// The stub builds, at the top of the running thread's kernel stack, the same
// ExceptionFrame (cpu/exception_frame.h) that an interrupt from user mode
// leaves there, with vector kSystemCallVector, so the C++ side, the user
// register dump and the thread's saved user state have one format. Then
// x86_64_handle_system_call(frame, arguments) (cpu/syscall.cc) runs the call and the
// hooks; it returns with interrupts masked and the result in the frame's
// rax, and the stub restores every register from the frame (rcx and r11
// being the rip and RFLAGS `sysret` consumes: the frame holds them twice,
// cpu/exception_frame.h) and returns with `sysretq`.
//
// Invariant: interrupts stay masked from `syscall` until the frame is built
// and again from the C++ return to `sysretq`, so nothing runs on the user's
// rsp in ring 0 and nothing sees the GS base half-swapped (NMIs excepted,
// see exception_entry.S). The return rip is known canonical: the C++ side
// checks (sysret with a non-canonical rcx faults in ring 0 on Intel CPUs,
// on the user's stack).

#include "hal/x86_64/cpu/register_frame.inc"

#define CPU_KERNEL_STACK_TOP 8   // CpuLocal (cpu/cpu_local.h)
#define CPU_USER_STACK_SCRATCH 112
#define USER_DATA_SELECTOR 0x1b  // cpu/gdt.h
#define USER_CODE_SELECTOR 0x23
#define SYSTEM_CALL_VECTOR 256   // kSystemCallVector, cpu/exception_frame.h
#define IPC_CALL 98              // cairn::Syscall::kIpcCall (checked in cpu/syscall.cc)
#define IPC_REPLY_RECEIVE 100    // cairn::Syscall::kIpcReplyReceive
.if IPC_REPLY_RECEIVE - IPC_CALL - 2
.error "the entry tests for the two fast calls as IPC_CALL + 0 or 2"
.endif
// kernel::try_fast_syscall.
#define TRY_FAST_SYSCALL _ZN6kernel16try_fast_syscallEmmmj
// ExceptionFrame (cpu/exception_frame.h; cpu/syscall.cc checks these).
#define FRAME_R10 40
#define FRAME_R9 48
#define FRAME_R8 56
#define FRAME_RDI 72
#define FRAME_RSI 80
#define FRAME_RDX 88
#define FRAME_RAX 112

// The frame, as the CPU and exception_entry.S would build it for an
// interrupt from user mode.
.macro BUILD_FRAME
    swapgs
    movq %rsp, %gs:CPU_USER_STACK_SCRATCH
    movq %gs:CPU_KERNEL_STACK_TOP, %rsp
    // What the CPU pushes for an interrupt from user mode...
    pushq $USER_DATA_SELECTOR
    pushq %gs:CPU_USER_STACK_SCRATCH
    pushq %r11                      // rflags
    pushq $USER_CODE_SELECTOR
    pushq %rcx                      // rip
    // ...then what a vector's stub and exception_common push.
    pushq $0                        // error code
    pushq $SYSTEM_CALL_VECTOR
    PUSH_GENERAL_REGISTERS
.endm

    .section .text.x86_64_syscall_entry, "ax"
    .code64
    .globl x86_64_syscall_entry
x86_64_syscall_entry:
    BUILD_FRAME
    // The calls with a fast path (hal::syscall::has_fast_path) are offered
    // to kernel::try_fast_syscall first, before interrupts are enabled and
    // with the four registers it reads, if the frame can be left with
    // sysret (a canonical return rip: parking, hal/park.h, returns that way);
    // the other calls pay one compare. rcx still holds the return rip (the
    // frame has a copy); r11 is free (so is rcx after the test: the frame has
    // both). The HAL self-test's hooked threads enter through the entry
    // below instead (cpu/syscall.cc), which never offers a call.
    leaq -IPC_CALL(%rax), %r11      // 0 or 2 (IPC_REPLY_RECEIVE) for the two calls
    testq $~2, %r11
    jnz x86_64_syscall_general
    shrq $47, %rcx                  // X86_64_USER_SPACE_END is 1 << 47
    jnz x86_64_syscall_general
    movl %eax, %ecx                 // (argument0, argument1, argument2, number)
    call TRY_FAST_SYSCALL           // returns only if it did not take the call
    // Not taken: the argument registers back from the frame.
    movq FRAME_RAX(%rsp), %rax
    movq FRAME_RDI(%rsp), %rdi
    movq FRAME_RSI(%rsp), %rsi
    movq FRAME_RDX(%rsp), %rdx
    movq FRAME_R10(%rsp), %r10
    movq FRAME_R8(%rsp), %r8
    movq FRAME_R9(%rsp), %r9
    // Below the frame, the call's hal::syscall::Arguments {number, values[6]}
    // straight from the registers (cheaper than C++ copying them out of the
    // frame), and a pad that keeps the stack 16-byte aligned.
x86_64_syscall_general:
    subq $8, %rsp
    pushq %r9
    pushq %r8
    pushq %r10
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rax
    movq %rsp, %rsi                 // the arguments
    leaq 64(%rsp), %rdi             // the frame: 16-byte aligned (the top is, and 22 quadwords)
    call x86_64_handle_system_call
    addq $64, %rsp                  // the arguments and the pad
    SYSRET_FROM_FRAME

// The entry while the HAL self-test's hooks run user threads on this CPU
// (test_hooks::install(), cpu/syscall.cc): no fast path, whose kernel code
// would take the hooked threads for the scheduler's.
    .globl x86_64_syscall_entry_without_fast_path
x86_64_syscall_entry_without_fast_path:
    BUILD_FRAME
    jmp x86_64_syscall_general
