// The kernel's first instructions.
//
// A multiboot 1 loader (GRUB's `multiboot` command, QEMU's -kernel) enters
// boot_entry in 32-bit protected mode with paging off, interrupts off,
// eax = the multiboot magic and ebx = the physical address of the multiboot
// information. This file checks both, switches to 64-bit long mode on boot
// page tables, moves to the higher half and calls
// x86_64_boot_main(multiboot information address), which never returns.
//
// The image is linked at X86_64_KERNEL_VIRTUAL_BASE + physical address (see
// memory_layout.h and linker.ld). Until paging is on, the 32-bit code runs at
// the physical addresses, so every absolute reference goes through PHYSICAL().
// Jumps and calls are relative and need no conversion.

#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/mmu/page_table_format.h"

#define PHYSICAL(symbol) ((symbol) - X86_64_KERNEL_VIRTUAL_BASE)

#define MULTIBOOT_HEADER_MAGIC 0x1badb002
#define MULTIBOOT_LOADER_MAGIC 0x2badb002
// Bit 0: align modules to 4 KiB. Bit 1: pass the memory map. Bit 16: use the
// load addresses in this header rather than parsing the file as ELF. Bit 16
// is what lets one ELF64 file boot both ways: QEMU's multiboot loader refuses
// ELF64 otherwise, and GRUB honours the addresses just the same.
#define MULTIBOOT_HEADER_FLAGS ((1 << 0) | (1 << 1) | (1 << 16))

// Selectors of the boot GDT below; cpu/gdt.cc keeps the same numbers.
#define BOOT_CODE_SELECTOR 0x08
#define BOOT_DATA_SELECTOR 0x10

#define PAGE_PRESENT_WRITABLE (X86_64_PTE_PRESENT | X86_64_PTE_WRITABLE)
#define PAGE_LARGE X86_64_PTE_HUGE  // a page directory entry that maps 2 MiB directly
#define CR0_WRITE_PROTECT (1 << 16)
#define CR0_PAGING (1 << 31)
#define CR4_PAE (1 << 5)
#define MSR_EFER 0xc0000080
#define EFER_LONG_MODE_ENABLE (1 << 8)
#define EFER_NO_EXECUTE_ENABLE (1 << 11)
#define EFLAGS_ID (1 << 21)
#define CPUID_EXTENDED_LONG_MODE (1 << 29)
#define CPUID_EXTENDED_NO_EXECUTE (1 << 20)

#define COM1_DATA 0x3f8
#define COM1_LINE_STATUS 0x3fd
#define LINE_STATUS_TRANSMIT_EMPTY 0x20
#define COM1_TRANSMIT_POLLS 100000

// linker.ld checks that it uses the same virtual base as this file.
    .globl x86_64_kernel_virtual_base
    .set x86_64_kernel_virtual_base, X86_64_KERNEL_VIRTUAL_BASE

// The multiboot header: within the first 8 KiB of the file, 4-byte aligned.
// linker.ld puts it first, so header_addr == load_addr.
    .section .multiboot, "a"
    .balign 4
multiboot_header:
    .long MULTIBOOT_HEADER_MAGIC
    .long MULTIBOOT_HEADER_FLAGS
    .long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)
    .long PHYSICAL(multiboot_header)      // header_addr
    .long PHYSICAL(__kernel_start)        // load_addr: the file is copied from here...
    .long PHYSICAL(__kernel_load_end)     // load_end_addr: ...to the end of .data
    .long PHYSICAL(__kernel_end)          // bss_end_addr: zero-filled up to here
    .long PHYSICAL(boot_entry)            // entry_addr

    .section .boot.text, "ax"
    .code32
    .globl boot_entry
boot_entry:
    cli
    cld
    cmpl $MULTIBOOT_LOADER_MAGIC, %eax
    jne .Lnot_multiboot
    // esi keeps the multiboot information address up to the C++ call; cpuid
    // below clobbers ebx, so it cannot stay there.
    movl %ebx, %esi

    // The page tables and the stack live in .bss. The loader zeroes it
    // (bss_end_addr), but nothing here relies on a loader being careful.
    movl $PHYSICAL(__bss_start), %edi
    movl $PHYSICAL(__bss_end), %ecx
    subl %edi, %ecx
    shrl $2, %ecx
    xorl %eax, %eax
    rep stosl
    movl $PHYSICAL(boot_stack_top), %esp

    // CPUID exists if the ID flag in EFLAGS can be flipped.
    pushfl
    popl %eax
    movl %eax, %ecx
    xorl $EFLAGS_ID, %eax
    pushl %eax
    popfl
    pushfl
    popl %eax
    pushl %ecx
    popfl
    cmpl %eax, %ecx
    je .Lno_long_mode
    // Long mode is CPUID 0x80000001 edx bit 29, if that leaf exists.
    movl $0x80000000, %eax
    cpuid
    cmpl $0x80000001, %eax
    jb .Lno_long_mode
    movl $0x80000001, %eax
    cpuid
    testl $CPUID_EXTENDED_LONG_MODE, %edx
    jz .Lno_long_mode
    movl %edx, %ebp                     // the feature bits, for EFER below

    // Boot page tables, all with 2 MiB pages:
    //   PML4[0]   -> boot_pdpt_low: identity map of 0-4 GiB, needed only
    //                until the jump to the higher half
    //   PML4[256] -> boot_pdpt_low: the same tables again as the direct map
    //                at X86_64_DIRECT_MAP_BASE
    //   PML4[511] -> boot_pdpt_high, entry 510 -> boot_kernel_page_directory:
    //                the kernel window, physical 0-1 GiB at -2 GiB
    // The kernel window has a page directory of its own so that kernel/mm
    // can change the image's permissions without touching the direct map.
    // Entries are 64-bit; their upper halves stay zero (.bss was cleared).
    // mmu/kernel_mappings.cc later marks them global and the direct map
    // no-execute, once the identity map is gone.
    movl $PHYSICAL(boot_pdpt_low) + PAGE_PRESENT_WRITABLE, %eax
    movl %eax, PHYSICAL(boot_pml4) + 0 * 8
    movl %eax, PHYSICAL(boot_pml4) + 256 * 8
    movl $PHYSICAL(boot_pdpt_high) + PAGE_PRESENT_WRITABLE, PHYSICAL(boot_pml4) + 511 * 8
    movl $PHYSICAL(boot_kernel_page_directory) + PAGE_PRESENT_WRITABLE, %eax
    movl %eax, PHYSICAL(boot_pdpt_high) + 510 * 8

    movl $PHYSICAL(boot_page_directories) + PAGE_PRESENT_WRITABLE, %eax
    movl $PHYSICAL(boot_pdpt_low), %edi
    movl $4, %ecx
1:  movl %eax, (%edi)               // boot_pdpt_low[i] -> boot_page_directories[i]
    addl $4096, %eax
    addl $8, %edi
    loop 1b

    // 4 page directories x 512 entries: entry n maps physical n * 2 MiB.
    movl $PHYSICAL(boot_page_directories), %edi
    movl $4 * 512, %ecx
    call fill_page_directories
    // The kernel window's directory: 512 entries, physical 0-1 GiB.
    movl $PHYSICAL(boot_kernel_page_directory), %edi
    movl $512, %ecx
    call fill_page_directories

    // Long mode: PAE paging, EFER.LME, then paging on (the loader left
    // protected mode on). No-execute support and write protection make page
    // permissions binding in ring 0 once the kernel maps itself with them;
    // with NX on, page faults also tell instruction fetches from reads.
    movl $PHYSICAL(boot_pml4), %eax
    movl %eax, %cr3
    movl %cr4, %eax
    orl $CR4_PAE, %eax
    movl %eax, %cr4
    movl $MSR_EFER, %ecx
    rdmsr
    orl $EFER_LONG_MODE_ENABLE, %eax
    testl $CPUID_EXTENDED_NO_EXECUTE, %ebp
    jz 3f
    orl $EFER_NO_EXECUTE_ENABLE, %eax
3:  wrmsr
    movl %cr0, %eax
    orl $CR0_PAGING | CR0_WRITE_PROTECT, %eax
    movl %eax, %cr0

    // Still 32-bit code until CS holds a 64-bit descriptor.
    lgdt PHYSICAL(boot_gdt_pointer32)
    ljmp $BOOT_CODE_SELECTOR, $PHYSICAL(long_mode_entry)

    .code64
long_mode_entry:
    // 64-bit now, but still at the identity-mapped physical address.
    movabsq $higher_half_entry, %rax
    jmp *%rax

higher_half_entry:
    // The GDTR must point at the GDT's higher-half address before the
    // identity map goes away.
    lgdt boot_gdt_pointer64(%rip)
    movw $BOOT_DATA_SELECTOR, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    xorl %eax, %eax
    movw %ax, %fs
    movw %ax, %gs
    leaq boot_stack_top(%rip), %rsp

    // Drop the identity map: physical memory is reached through the direct
    // map from here on, and address 0 faults.
    movq $0, boot_pml4(%rip)
    movq %cr3, %rax
    movq %rax, %cr3

    xorl %ebp, %ebp                     // ends the frame-pointer chain for debuggers
    movl %esi, %edi                     // x86_64_boot_main(multiboot information address)
    call x86_64_boot_main
3:  cli                                 // x86_64_boot_main never returns; if it did, stop here
    hlt
    jmp 3b

    .code32
// Fills ecx consecutive page-directory entries from edi with 2 MiB pages of
// physical 0, 2 MiB, 4 MiB, ... Clobbers eax, ecx and edi.
fill_page_directories:
    movl $PAGE_PRESENT_WRITABLE | PAGE_LARGE, %eax
1:  movl %eax, (%edi)
    addl $0x200000, %eax
    addl $8, %edi
    loop 1b
    ret

.Lnot_multiboot:
    movl $PHYSICAL(message_not_multiboot), %edi
    jmp fail_32
.Lno_long_mode:
    movl $PHYSICAL(message_no_long_mode), %edi
    jmp fail_32

// Writes the NUL-terminated string at edi to COM1 as the firmware left the
// port, then stops. Needs no stack: it runs before one may exist. Each wait
// for the transmitter is bounded, so a missing port cannot hang it.
fail_32:
    movb (%edi), %bl
    testb %bl, %bl
    jz 2f
    movl $COM1_TRANSMIT_POLLS, %ecx
    movw $COM1_LINE_STATUS, %dx
1:  inb %dx, %al
    testb $LINE_STATUS_TRANSMIT_EMPTY, %al
    loopz 1b                            // until the bit is set or ecx runs out
    movw $COM1_DATA, %dx
    movb %bl, %al
    outb %al, %dx
    incl %edi
    jmp fail_32
2:  cli
    hlt
    jmp 2b

    .section .rodata.boot, "a"
message_not_multiboot:
    .asciz "\r\nCairn: not started by a multiboot boot loader (bad magic in eax); halting.\r\n"
message_no_long_mode:
    .asciz "\r\nCairn: this CPU has no 64-bit long mode; Cairn needs an x86_64 CPU. Halting.\r\n"

// The boot GDT: just enough for long mode. cpu/gdt.cc replaces it with the
// kernel's GDT and TSS. The accessed bits are preset so the CPU never writes
// to this read-only table.
    .balign 8
boot_gdt:
    .quad 0                             // the null descriptor
    .quad 0x00af9b000000ffff            // 0x08: 64-bit code, ring 0
    .quad 0x00cf93000000ffff            // 0x10: data, ring 0
boot_gdt_end:
boot_gdt_pointer32:                     // for lgdt in 32-bit mode: 32-bit base
    .word boot_gdt_end - boot_gdt - 1
    .long PHYSICAL(boot_gdt)
boot_gdt_pointer64:                     // for lgdt in 64-bit mode: 64-bit base
    .word boot_gdt_end - boot_gdt - 1
    .quad boot_gdt

// The boot page tables. boot_pml4 stays the kernel's root table for good
// (hal::mm::kernel_root_table()); kernel/mm adopts and extends it.
    .section .bss.boot_page_tables, "aw", @nobits
    .balign 4096
    .globl x86_64_boot_pml4
x86_64_boot_pml4:
boot_pml4:
    .skip 4096
boot_pdpt_low:
    .skip 4096
boot_pdpt_high:
    .skip 4096
boot_page_directories:
    .skip 4 * 4096
    .globl x86_64_boot_kernel_page_directory
x86_64_boot_kernel_page_directory:
boot_kernel_page_directory:
    .skip 4096

// The stack of the boot CPU: x86_64_boot_main and kernel::main run on it.
    .section .bss.boot_stack, "aw", @nobits
    .balign 16
boot_stack:
    .skip 16384
boot_stack_top:
