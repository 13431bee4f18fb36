// Entry points of the 32 CPU exception vectors and of the 224 interrupt
// vectors above them (see interrupts/vectors.h for what uses which).
//
// The CPU pushes ss, rsp, rflags, cs, rip and, for some vectors, an error
// code. Each stub pushes a zero error code where the CPU does not, so every
// frame has the same shape, then its vector number, and jumps to
// exception_common, which saves the general registers and calls
// x86_64_handle_exception(ExceptionFrame*). The result is struct
// ExceptionFrame in exception_frame.h.
//
// Stack alignment: the CPU aligns rsp to 16 bytes before pushing its frame;
// 5 + 2 + 15 quadwords keep it aligned at the call, as the ABI requires.
//
// From user mode (the saved CS has RPL 3) the CPU has switched to TSS.RSP0,
// the running thread's kernel stack top, so the frame sits at the very top
// of that stack, where the system call entry (syscall_entry.S) puts its
// identical frame; and `swapgs` brings in the kernel's GS base on the way
// in and the user's on the way out. From kernel mode GS is already the
// kernel's. (NMI and double fault, on IST stacks, follow the same rule;
// both are fatal: an NMI that hits the few instructions between `syscall`
// and its `swapgs` would report with the user's GS base.)

// Declares the stub for `vector`; `cpu_pushes_error_code` says whether the
// CPU pushes an error code for it (vectors 8, 10-14, 17, 21, 29 and 30).
#include "hal/x86_64/cpu/register_frame.inc"

.macro EXCEPTION_STUB vector, cpu_pushes_error_code
    .balign 16
exception_stub_\vector:
    .if \cpu_pushes_error_code == 0
    pushq $0
    .endif
    pushq $\vector
    jmp exception_common
.endm

    .section .text.exception_entry, "ax"
    .code64

exception_common:
    testb $3, 24(%rsp)              // the saved CS: from user mode?
    jz 1f
    swapgs
1:  PUSH_GENERAL_REGISTERS
    movq %rsp, %rdi
    cld                             // the C++ ABI expects the direction flag clear
    // A fault inside a user copy arrives with RFLAGS.AC set (SMAP disabled);
    // the handler must not run that way, nor with a user's AC. iretq restores
    // the saved flags.
    testb $1, x86_64_smap_enabled(%rip)
    jz 1f
    clac
1:  call x86_64_handle_exception
    // A handler that returns resumes the interrupted code.
    POP_GENERAL_REGISTERS
    addq $16, %rsp                  // the vector number and error code
    testb $3, 8(%rsp)               // back to user mode?
    jz 1f
    swapgs
1:  iretq

    EXCEPTION_STUB 0, 0             // #DE divide error
    EXCEPTION_STUB 1, 0             // #DB debug
    EXCEPTION_STUB 2, 0             // NMI
    EXCEPTION_STUB 3, 0             // #BP breakpoint
    EXCEPTION_STUB 4, 0             // #OF overflow
    EXCEPTION_STUB 5, 0             // #BR bound range exceeded
    EXCEPTION_STUB 6, 0             // #UD invalid opcode
    EXCEPTION_STUB 7, 0             // #NM device not available
    EXCEPTION_STUB 8, 1             // #DF double fault (error code always 0)
    EXCEPTION_STUB 9, 0             // coprocessor segment overrun (legacy)
    EXCEPTION_STUB 10, 1            // #TS invalid TSS
    EXCEPTION_STUB 11, 1            // #NP segment not present
    EXCEPTION_STUB 12, 1            // #SS stack-segment fault
    EXCEPTION_STUB 13, 1            // #GP general protection
    EXCEPTION_STUB 14, 1            // #PF page fault
    EXCEPTION_STUB 15, 0            // reserved
    EXCEPTION_STUB 16, 0            // #MF x87 floating-point error
    EXCEPTION_STUB 17, 1            // #AC alignment check
    EXCEPTION_STUB 18, 0            // #MC machine check
    EXCEPTION_STUB 19, 0            // #XM SIMD floating-point
    EXCEPTION_STUB 20, 0            // #VE virtualization exception
    EXCEPTION_STUB 21, 1            // #CP control protection
    EXCEPTION_STUB 22, 0            // reserved
    EXCEPTION_STUB 23, 0            // reserved
    EXCEPTION_STUB 24, 0            // reserved
    EXCEPTION_STUB 25, 0            // reserved
    EXCEPTION_STUB 26, 0            // reserved
    EXCEPTION_STUB 27, 0            // reserved
    EXCEPTION_STUB 28, 0            // #HV hypervisor injection
    EXCEPTION_STUB 29, 1            // #VC VMM communication
    EXCEPTION_STUB 30, 1            // #SX security exception
    EXCEPTION_STUB 31, 0            // reserved

// The interrupt vectors 32-255: no error code, so each stub pushes a zero,
// then its vector. `%` (with .altmacro) passes the counter's value, so each
// stub gets a label named after its vector.
.macro INTERRUPT_STUB vector
    .balign 16
interrupt_stub_\vector:
    pushq $0
    pushq $\vector
    jmp exception_common
.endm

.macro INTERRUPT_STUB_ADDRESS vector
    .quad interrupt_stub_\vector
.endm

    .altmacro
    .set interrupt_vector, 32
    .rept 224
    INTERRUPT_STUB %interrupt_vector
    .set interrupt_vector, interrupt_vector + 1
    .endr

// The exception stubs' addresses by vector, for the IDT (cpu/idt.cc).
    .section .rodata.exception_stubs, "a"
    .balign 8
    .globl x86_64_exception_stubs
x86_64_exception_stubs:
    .irp vector, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .quad exception_stub_\vector
    .endr

// The interrupt stubs' addresses, vector 32 first.
    .balign 8
    .globl x86_64_interrupt_stubs
x86_64_interrupt_stubs:
    .set interrupt_vector, 32
    .rept 224
    INTERRUPT_STUB_ADDRESS %interrupt_vector
    .set interrupt_vector, interrupt_vector + 1
    .endr
    .noaltmacro
