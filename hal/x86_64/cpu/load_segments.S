// x86_64_load_gdt(const DescriptorTablePointer* pointer [rdi],
//                 uint16_t code_selector [si], uint16_t data_selector [dx])
//
// Loads a new GDT and reloads the segment registers from it. mov cannot load
// CS, so the function returns through lretq with the new code selector under
// its own return address: that far return is the CS reload.

    .section .text.x86_64_load_gdt, "ax"
    .code64
    .globl x86_64_load_gdt
x86_64_load_gdt:
    lgdt (%rdi)
    movw %dx, %ds
    movw %dx, %es
    movw %dx, %ss
    xorl %eax, %eax
    movw %ax, %fs
    movw %ax, %gs
    popq %rax                   // our return address...
    movzwq %si, %rsi
    pushq %rsi                  // ...now below the new CS
    pushq %rax
    lretq
