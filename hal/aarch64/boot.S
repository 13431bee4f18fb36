// The first instructions of the aarch64 kernel.
//
// The image starts with the 64-byte header of the Linux arm64 boot protocol
// (Documentation/arm64/booting.rst), so QEMU's `-kernel` (and any loader that
// boots Linux) loads it at RAM base + text_offset, puts the initrd and the
// command line into /chosen and jumps to the first byte with:
//   x0 = physical address of the device tree blob, x1 = x2 = x3 = 0,
//   MMU off, data cache off, at EL2 or EL1.
// Secondary CPUs are not entered here: they stay in the PSCI "off" state
// until smp.cc starts them at secondary_entry.S.
//
// The kernel is linked in the upper half (memory_layout.h) but entered at its
// physical load address with the MMU off, where every data access is
// Device-nGnRnE: until the MMU is on, nothing here may do an unaligned
// access, an exclusive load/store or `dc zva`, and only PC-relative
// addressing finds our own data. boot_mmu.S builds the page tables and turns
// the MMU on; then we jump to the linked addresses and continue in C++.

#include "hal/aarch64/memory_layout.h"
#include "hal/aarch64/pl011.h"
#include "hal/aarch64/system_registers.h"

#define GIB_OFFSET_MASK ((1 << GIB_SHIFT) - 1)

// Image header flags: little-endian (bit 0 = 0), 4 KiB pages (bits 1-2 = 1),
// 2 MiB-aligned base as close to the start of RAM as possible (bit 3 = 0).
#define IMAGE_FLAGS_LITTLE_ENDIAN_4K_PAGES (1 << 1)

    .section .head.text, "ax"
    .global _start
_start:
    b       primary_entry           // code0: the loader jumps here
    .long   0                       // code1
    .quad   __image_text_offset     // text_offset, from linker.ld
    .quad   __image_size            // image_size: through the end of .bss and the stack
    .quad   IMAGE_FLAGS_LITTLE_ENDIAN_4K_PAGES
    .quad   0                       // res2
    .quad   0                       // res3
    .quad   0                       // res4
    .ascii  "ARM\x64"               // magic
    .long   0                       // res5: no PE/COFF header

primary_entry:
    msr     daifset, #0xf           // no interrupts until there is a handler for them
    mov     x19, x0                 // x19: device tree address, kept across the calls below

    // The kernel is linked for one offset inside a 1 GiB block and has no
    // relocation code: the boot page tables map its physical GiB at
    // KERNEL_WINDOW_BASE, so any other offset would follow wrong pointers.
    adr     x21, _start             // x21: physical address of the image
    ldr     x2, =_start
    eor     x3, x21, x2
    tst     x3, #GIB_OFFSET_MASK
    b.ne    loaded_at_wrong_address
    lsr     x3, x21, #47            // the direct map reaches 128 TiB
    cbnz    x3, loaded_at_wrong_address

    mrs     x20, CurrentEL
    ubfx    x20, x20, #2, #2        // x20: the exception level we were entered at
    cmp     x20, #2
    b.ne    1f
    adr     x0, enter_el1
    b       leave_el2               // continues at enter_el1, at EL1
1:
    cmp     x20, #1
    b.ne    entered_at_unsupported_el

    .global enter_el1
enter_el1:
    // A known SCTLR_EL1 (firmware may leave anything): MMU, caches and
    // alignment checks off, little-endian.
    ldr     x1, =SCTLR_EL1_MMU_OFF
    msr     sctlr_el1, x1
    // FP/SIMD untrapped until the first thread switch, which traps it
    // until a user thread uses it (context_switch.S switches it lazily).
    // CPACR_EL1.FPEN has no value that allows EL0 but traps EL1, so while a
    // user thread's state is live the kernel's own abstinence rests on
    // -mgeneral-regs-only alone.
    ldr     x1, =CPACR_EL1_FP_UNTRAPPED
    msr     cpacr_el1, x1
    msr     spsel, #1               // run on SP_EL1 (EL1h)
    isb

    mov     x0, x21
    mov     x1, x19
    bl      build_boot_page_tables
    // The vectors at their linked address: valid from the moment the MMU is.
    ldr     x1, =exception_vectors
    msr     vbar_el1, x1
    bl      enable_mmu
    // Still at the physical address, through the identity map; from here on
    // at the linked one.
    ldr     x1, =running_at_link_address
    br      x1
running_at_link_address:
    adrp    x1, __stack_top
    add     x1, x1, :lo12:__stack_top
    mov     sp, x1
    mov     x29, xzr                // terminate the frame-pointer chain for debuggers
    mov     x30, xzr

    // Zero .bss, now cacheable memory (linker.ld aligns both ends to 16).
    adrp    x1, __bss_start
    add     x1, x1, :lo12:__bss_start
    adrp    x2, __bss_end
    add     x2, x2, :lo12:__bss_end
1:  cmp     x1, x2
    b.hs    2f
    stp     xzr, xzr, [x1], #16
    b       1b
2:
    // Now that an SError can be reported, let it be taken: masked, an
    // asynchronous abort (say, a write to a missing device) would go unseen.
    // IRQ and FIQ stay masked until there are drivers for them.
    msr     daifclr, #4

    mov     x0, x19                 // device tree address (physical)
    mov     x1, x20                 // entry exception level
    mov     x2, x21                 // physical address of the image
    bl      aarch64_boot_main       // never returns
    b       park

loaded_at_wrong_address:
    adrp    x0, message_wrong_address
    add     x0, x0, :lo12:message_wrong_address
    b       early_fatal
entered_at_unsupported_el:
    adrp    x0, message_unsupported_el
    add     x0, x0, :lo12:message_unsupported_el
    b       early_fatal

// early_fatal(x0 = NUL-terminated message): for failures before the MMU is on
// (and at EL2, where it stays off).
// Writes the message to the fallback PL011 of QEMU virt (the device tree is
// not read yet) with a bounded wait per character, then parks the CPU.
    .global early_fatal
early_fatal:
    ldr     x1, =PL011_FALLBACK_BASE
1:  ldrb    w2, [x0], #1
    cbz     w2, park
    mov     x3, #PL011_TX_POLL_LIMIT
2:  ldr     w4, [x1, #PL011_FR]
    tbz     w4, #PL011_FR_TXFF_BIT, 3f
    subs    x3, x3, #1
    b.ne    2b
    b       park                    // the port does not drain: give up on it
3:  str     w2, [x1, #PL011_DR]
    b       1b

    .global park
park:
    msr     daifset, #0xf
1:  wfi
    b       1b

    .ltorg

    .section .rodata.boot_messages, "a"
message_wrong_address:
    .asciz  "\r\nFATAL: kernel not loaded at 0x80000 into a 1 GiB block below 128 TiB\r\n"
message_unsupported_el:
    .asciz  "\r\nFATAL: entered at an exception level other than EL1 or EL2\r\n"
