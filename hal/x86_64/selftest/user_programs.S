// Tiny user programs for the x86_user self-test (user_mode_selftest.cc),
// which copies the bytes between x86_64_user_programs_start and _end into a
// user page and enters them at one of the labels. Position-independent
// (no absolute references into this image), and never executed in place:
// they sit in .rodata.
//
// System call numbers 100-112 are the test's own (its hooks answer them,
// kernel::handle_syscall never sees them): see user_mode_selftest.cc.

    .section .rodata.x86_64_user_programs, "a"
    .code64
    .balign 16
    .globl x86_64_user_programs_start
x86_64_user_programs_start:

// The system call round trip: report the entry registers (110), make a call
// with six arguments and callee-visible registers set (100), report what
// came back (101: result in rdi, everything else as set), exit (102).
    .globl x86_64_user_echo
x86_64_user_echo:
    movl $110, %eax
    syscall
    movabsq $0x1111111111111111, %rbx
    movabsq $0x2222222222222222, %rbp
    movabsq $0x3333333333333333, %r12
    movabsq $0x4444444444444444, %r13
    movabsq $0x5555555555555555, %r14
    movabsq $0x6666666666666666, %r15
    movl $0xa0, %edi
    movl $0xa1, %esi
    movl $0xa2, %edx
    movl $0xa3, %r10d
    movl $0xa4, %r8d
    movl $0xa5, %r9d
    movl $100, %eax
    syscall
    movq %rax, %rdi
    movl $101, %eax
    syscall
    movl $102, %eax
    syscall
    ud2

// Two threads run this with different rdi and thread pointers: each puts
// rdi into xmm0 and an x87 register, yields to the other (103), then
// reports xmm0, the x87 value and the quadword at %fs:0 (104, which ends it).
    .globl x86_64_user_fp
x86_64_user_fp:
    movq %rdi, %xmm0
    pushq %rdi
    fildq (%rsp)
    movl $103, %eax
    syscall
    fistpq (%rsp)
    popq %rdx
    movq %xmm0, %rdi
    movq %fs:0, %rsi
    movl $104, %eax
    syscall
    ud2

// Arms a timer interrupt (105), then spins until the test's interrupt hook
// sets the quadword at rsi (or ~1e9 rounds pass) and reports the rounds
// left (106, rdi) with the registers it set before spinning; exits (102).
    .globl x86_64_user_spin
x86_64_user_spin:
    movabsq $0x3333333333333333, %r12
    movabsq $0x4444444444444444, %r13
    movl $105, %eax
    syscall
    movl $1000000000, %ecx
1:  cmpq $0, (%rsi)
    jne 2f
    decq %rcx
    jnz 1b
2:  movq %rcx, %rdi
    movl $106, %eax
    syscall
    movl $102, %eax
    syscall
    ud2

// rdi null system calls (107) in a loop, then exit (102): the round trip's
// cost.
    .globl x86_64_user_null_loop
x86_64_user_null_loop:
    movq %rdi, %rbx
1:  movl $107, %eax
    syscall
    decq %rbx
    jnz 1b
    movl $102, %eax
    syscall
    ud2

// Two threads run this with different rdi and thread pointers, the first
// with COM2's scratch register (port 0x2ff) open, through the test's
// parking calls: each puts rdi into xmm0 and rbx, parks (111: the other
// thread runs, and resumes this one with hal::context::park_and_resume()),
// reports the result in rdx, xmm0 in rdi and the quadword at %fs:0 in rsi
// (112), reads the port (a #GP without it) and parks again (111).
    .globl x86_64_user_parked
x86_64_user_parked:
    movq %rdi, %xmm0
    movq %rdi, %rbx
    movl $111, %eax
    syscall
    movq %rax, %rdx
    movq %xmm0, %rdi
    movq %fs:0, %rsi
    movl $112, %eax
    syscall
    movl $0x2ff, %edx
    .globl x86_64_user_parked_port_read
x86_64_user_parked_port_read:
    inb %dx, %al
    movl $111, %eax
    syscall
    ud2

// Exceptions in user mode, one per entry point.
    .globl x86_64_user_read_page_zero
x86_64_user_read_page_zero:
    movq 0x10, %rax
    ud2
    .globl x86_64_user_write_kernel
x86_64_user_write_kernel:
    movabsq $0xffffffff80100000, %rax
    movq %rax, (%rax)
    ud2
    .globl x86_64_user_undefined
x86_64_user_undefined:
    ud2
    .globl x86_64_user_breakpoint
x86_64_user_breakpoint:
    int3
    ud2
    .globl x86_64_user_privileged
x86_64_user_privileged:
    hlt
    ud2
    .globl x86_64_user_divide
x86_64_user_divide:
    xorl %ecx, %ecx
    divl %ecx
    ud2

    .globl x86_64_user_programs_end
x86_64_user_programs_end:

// A `syscall` as the last instruction of the user half: the test copies
// these two bytes to 0x7ffffffffffe, so the return address is
// 0x800000000000, which is not canonical.
    .globl x86_64_user_last_syscall
x86_64_user_last_syscall:
    syscall
