// The real-mode trampoline of secondary CPUs (see trampoline.h).
//
// start_cpus.cc copies the bytes from x86_64_trampoline_start to
// x86_64_trampoline_end to a page below 1 MiB and sends a startup IPI naming
// that page. The CPU starts here in 16-bit real mode and goes
//   real mode -> 32-bit protected mode (this file's own GDT, paging off)
//   -> long mode on the bring-up page tables (identity-mapped trampoline page,
//      plus the kernel's upper half) -> x86_64_secondary_entry(cpu) in the
//      higher half, on the CPU's own stack, interrupts still masked.
// It is position-independent: ebx holds the page's linear address (CS * 16)
// throughout, and the three absolute addresses real mode needs (the GDT base
// and two far-jump targets) are patched in place. The copy is never executed
// where the kernel image holds it, so it lives in .rodata.

#include "hal/x86_64/smp/trampoline.h"

#define CR0_PROTECTION_ENABLE 1
#define CR0_WRITE_PROTECT (1 << 16)
#define CR0_PAGING (1 << 31)
#define CR4_PAE (1 << 5)
#define MSR_EFER 0xc0000080
#define EFER_LONG_MODE_ENABLE (1 << 8)
#define EFER_NO_EXECUTE_ENABLE (1 << 11)

// Selectors of the trampoline's GDT.
#define CODE32_SELECTOR 0x08
#define DATA_SELECTOR 0x10
#define CODE64_SELECTOR 0x18

// A label's offset from the start of the trampoline: in real mode, with
// DS = CS, that is its address.
#define OFFSET(label) ((label) - x86_64_trampoline_start)

    .section .rodata.x86_64_trampoline, "a"
    .balign 16
    .globl x86_64_trampoline_start
    .globl x86_64_trampoline_end
    .code16
x86_64_trampoline_start:
    cli
    cld
    jmp real_mode_entry

// The parameter block the boot CPU fills (offsets in trampoline.h).
    .org x86_64_trampoline_start + X86_64_TRAMPOLINE_PAGE_TABLE
    .long 0
    .long 0
    .org x86_64_trampoline_start + X86_64_TRAMPOLINE_ENTRY
    .quad 0
    .org x86_64_trampoline_start + X86_64_TRAMPOLINE_STACK_TOP
    .quad 0
    .org x86_64_trampoline_start + X86_64_TRAMPOLINE_CPU
    .quad 0

// Flat 32-bit code and data, and 64-bit code. The accessed bits are preset.
    .balign 8
gdt:
    .quad 0
    .quad 0x00cf9b000000ffff            // 0x08: 32-bit code
    .quad 0x00cf93000000ffff            // 0x10: data
    .quad 0x00af9b000000ffff            // 0x18: 64-bit code
gdt_end:
gdt_pointer:
    .word gdt_end - gdt - 1
    .long 0                             // patched: the GDT's linear address
far_pointer_32:                         // m16:32 operands of the far jumps
    .long 0                             // patched: protected_mode's linear address
    .word CODE32_SELECTOR
far_pointer_64:
    .long 0                             // patched: long_mode's linear address
    .word CODE64_SELECTOR

real_mode_entry:
    movw %cs, %ax
    movw %ax, %ds
    movzwl %ax, %ebx
    shll $4, %ebx                       // ebx = the page's linear address
    leal OFFSET(gdt)(%ebx), %eax
    movl %eax, OFFSET(gdt_pointer) + 2
    leal OFFSET(protected_mode)(%ebx), %eax
    movl %eax, OFFSET(far_pointer_32)
    leal OFFSET(long_mode)(%ebx), %eax
    movl %eax, OFFSET(far_pointer_64)
    lgdtl OFFSET(gdt_pointer)
    movl %cr0, %eax
    orl $CR0_PROTECTION_ENABLE, %eax
    movl %eax, %cr0
    ljmpl *OFFSET(far_pointer_32)

    .code32
protected_mode:
    movw $DATA_SELECTOR, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    // Long mode as boot.S enters it: PAE, the bring-up tables, EFER.LME and
    // NXE (the kernel's tables use the NX bit, which is reserved without
    // NXE; the boot CPU has checked the CPU has it), then paging and write
    // protection. The rest of the CR4 bits come from enable_cpu_features().
    movl %cr4, %eax
    orl $CR4_PAE, %eax
    movl %eax, %cr4
    movl X86_64_TRAMPOLINE_PAGE_TABLE(%ebx), %eax
    movl %eax, %cr3
    movl $MSR_EFER, %ecx
    rdmsr
    orl $(EFER_LONG_MODE_ENABLE | EFER_NO_EXECUTE_ENABLE), %eax
    wrmsr
    movl %cr0, %eax
    orl $(CR0_PAGING | CR0_WRITE_PROTECT), %eax
    movl %eax, %cr0
    ljmpl *OFFSET(far_pointer_64)(%ebx)

    .code64
long_mode:
    movl %ebx, %ebx                     // the upper half is undefined after the switch
    movq X86_64_TRAMPOLINE_STACK_TOP(%rbx), %rsp
    movq X86_64_TRAMPOLINE_CPU(%rbx), %rdi
    movq X86_64_TRAMPOLINE_ENTRY(%rbx), %rax
    xorl %ebp, %ebp                     // ends the frame-pointer chain
    pushq $0                            // a null return address: the ABI's entry alignment
    jmp *%rax
x86_64_trampoline_end:
