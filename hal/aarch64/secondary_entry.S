// Where a secondary CPU starts: smp.cc passes the physical address of
// secondary_entry to PSCI CPU_ON with the CPU's index as the context.
//
// PSCI enters here like the loader enters boot.S: x0 = context (our CPU
// index), MMU and data cache off, at the caller's exception level (EL1 here;
// EL2 is handled like boot.S does, through el2.S). With the MMU off every
// data access is Device memory and only the image's own text may be read
// (the loader cleaned it to memory; nothing has written it since): no data
// is read here until the MMU and caches are on, so nothing the boot CPU
// wrote through its caches has to be cleaned to memory for us. The index
// comes in a register, the stack is found from it afterwards.
//
// The MMU switch needs an identity map: the instruction after the SCTLR_EL1
// write is fetched at its physical address, now translated. The boot CPU's
// identity map (boot_identity_l0: the kernel's GiB as one global block) is
// no longer in its TTBR0 after finish_early_mappings(), but the table stays
// in the image's .page_tables, untouched, so each secondary CPU uses it as
// its TTBR0 for the few instructions of the switch (enable_mmu, shared with
// the boot CPU, so MAIR, TCR, TTBR1 = the kernel root and SCTLR_EL1 are the
// same values, computed the same way). Once running at the linked address
// it loads the empty table into TTBR0 and drops its own TLB entries
// (tlbi vmalle1, this CPU only): the identity block is global, and an entry
// of it surviving in this CPU's TLB would shadow user addresses later. The
// identity map was only ever walked by this CPU, so no other TLB has it.

#include "hal/aarch64/secondary_cpus.h"
#include "hal/aarch64/system_registers.h"

    .section .text.secondary_entry, "ax"
    .global secondary_entry
secondary_entry:
    msr     daifset, #0xf
    mov     x19, x0                 // x19: CPU index, kept across the calls below
    mrs     x20, CurrentEL
    ubfx    x20, x20, #2, #2
    cmp     x20, #2
    b.ne    1f
    adr     x0, secondary_el1
    b       leave_el2               // continues at secondary_el1, at EL1
1:  cmp     x20, #1
    b.ne    secondary_unsupported_el

secondary_el1:
    // The same EL1 state boot.S's enter_el1 sets up.
    ldr     x1, =SCTLR_EL1_MMU_OFF
    msr     sctlr_el1, x1
    ldr     x1, =CPACR_EL1_FP_UNTRAPPED
    msr     cpacr_el1, x1
    msr     spsel, #1
    isb
    // The index must name one of the stacks below: anything else is not a
    // start smp.cc asked for.
    sub     x1, x19, #1
    cmp     x1, #SECONDARY_CPUS_MAX
    b.hs    park

    ldr     x1, =exception_vectors
    msr     vbar_el1, x1
    adrp    x22, empty_user_root    // x22: its physical address (we still run at ours)
    bl      enable_mmu              // TTBR0 = boot identity map, TTBR1 = kernel root
    ldr     x1, =secondary_at_link_address
    br      x1
secondary_at_link_address:
    msr     ttbr0_el1, x22          // ASID 0, nothing mapped
    isb
    tlbi    vmalle1                 // this CPU's identity-map entries
    dsb     nsh
    isb

    // Stack of CPU i (1-based): the top of secondary_stacks[i - 1].
    ldr     x1, =secondary_stacks
    add     x1, x1, x19, lsl #SECONDARY_STACK_SHIFT
    mov     sp, x1
    mov     x29, xzr
    mov     x30, xzr
    msr     daifclr, #4             // SErrors may be reported now, as on the boot CPU

    mov     x0, x19
    bl      aarch64_secondary_main  // never returns
    b       park

secondary_unsupported_el:
    adrp    x0, message_secondary_unsupported_el
    add     x0, x0, :lo12:message_secondary_unsupported_el
    b       early_fatal

    .ltorg

    .section .bss.secondary_stacks, "aw", %nobits
    .balign 16
secondary_stacks:
    .space  SECONDARY_STACK_SIZE * SECONDARY_CPUS_MAX

    .section .rodata.secondary_messages, "a"
message_secondary_unsupported_el:
    .asciz  "\r\nFATAL: secondary CPU entered at an exception level other than EL1 or EL2\r\n"
