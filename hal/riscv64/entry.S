/* The first kernel instructions on riscv64.
 *
 * OpenSBI (fw_dynamic) enters here on the boot hart only, in S-mode with the
 * MMU off (satp = 0), at the physical load address (0x80200000 on QEMU virt):
 *   a0 = hart id of this hart
 *   a1 = physical address of the flattened device tree
 * The other harts stay stopped in the firmware (SBI HSM) until smp/start.cc
 * starts them; they enter at smp/secondary_entry.S, not here.
 *
 * The image is linked in the upper half at 0xffffffff80000000 + (load address
 * mod 1 GiB) (linker.ld), so until paging is on only PC-relative code runs:
 * lla, branches and calls, no linked address.
 *
 * What this code establishes before the first C++ instruction:
 *   - no interrupts (sstatus.SIE = 0, sie = 0);
 *   - a zeroed .bss;
 *   - paging (Sv48, else Sv39; mmu/boot_paging.S) and execution at the
 *     linked, upper-half addresses;
 *   - a trap vector and its stack, so that a fault is reported instead of
 *     returning into the firmware (before paging: a message through the SBI);
 *   - tp = 0, the boot hart's CPU index (hal::current_cpu_index());
 *   - a 16-byte aligned stack (the psABI's requirement).
 */

#include "hal/riscv64/mmu/address_space_layout.h"
#include "hal/riscv64/trap_frame.h"

#define SSTATUS_SIE (1 << 1)
#define SSTATUS_VS (3 << 9)
#define SSTATUS_FS (3 << 13)
#define SBI_LEGACY_CONSOLE_PUTCHAR 1

    .section .text.boot, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    csrci   sstatus, SSTATUS_SIE
    csrw    sie, zero
    /* The kernel (rv64imac) has no FP state: FS = Off until a user thread
       is switched in (context/switch.S). Nothing uses the vector unit: VS =
       Off for good (a user vector instruction is an illegal one), so that
       sstatus.SD says FS = Dirty alone (park_and_resume relies on it). */
    li      t0, SSTATUS_FS | SSTATUS_VS
    csrc    sstatus, t0
    /* Only the first hart here boots the kernel. The firmware can send a
       hart started through SBI HSM here instead of where hart_start said
       (smp/secondary_entry.S explains): it must not run the boot again,
       which would zero .bss under the running kernel. */
    lla     t0, boot_entry_taken
    li      t1, 1
    amoswap.w.aq t1, t1, (t0)
    beqz    t1, 1f
    tail    riscv64_secondary_stray_entry
1:
    lla     t0, early_trap
    csrw    stvec, t0

    mv      s0, a0                  /* s0: hart id, for riscv64_boot */
    mv      s1, a1                  /* s1: device tree, physical */
    lla     s2, _start              /* s2: where we were loaded */

    /* The boot tables map the kernel's GiB at the kernel window with one
       1 GiB leaf, so the load address must equal the link address modulo
       1 GiB, and the link address must lie in that window. */
    ld      t0, start_link_address
    li      t1, (1 << RISCV64_GIB_SHIFT) - 1
    and     t2, s2, t1
    and     t3, t0, t1
    lla     a0, message_wrong_load_address
    bne     t2, t3, early_fail
    sub     t3, t0, t3
    li      t2, RISCV64_KERNEL_WINDOW_BASE
    lla     a0, message_wrong_link_address
    bne     t3, t2, early_fail
    /* The identity map must lie in the lower half in Sv39 too. */
    srli    t2, s2, 38
    lla     a0, message_loaded_too_high
    bnez    t2, early_fail

    /* Zero .bss (physical addresses: the same bytes as the linked ones); the
       linker script aligns both ends to 8 bytes. The boot tables are in it. */
    lla     t0, __bss_start
    lla     t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:
    mv      a0, s2
    mv      a1, s1
    call    riscv64_enable_boot_paging
    lla     t0, message_no_paging
    beqz    a0, early_fail_t0

    /* For mmu/paging.cc: which mode, and where the image is. */
    lla     t0, riscv64_boot_satp_mode
    sd      a0, 0(t0)
    lla     t0, riscv64_kernel_physical_start
    sd      s2, 0(t0)

    /* Leave the identity map for the linked addresses. */
    ld      t0, high_entry_link_address
    jr      t0

high_entry:
    /* The boot hart is CPU 0: tp holds the CPU index in the kernel
       (hal/arch/cpu_inline.h). */
    li      tp, 0
    /* Traps: direct mode (stvec[1:0] = 0, so every trap enters at the vector's
       base). sscratch points at the CPU's trap area, the top of the trap
       stack, which holds the kernel's tp (trap_frame.h). */
    lla     t0, riscv64_trap_entry
    csrw    stvec, t0
    lla     t0, __trap_stack_top
    addi    t0, t0, -TRAP_STACK_CPU_AREA_SIZE
    sd      tp, CPU_AREA_KERNEL_TP(t0)
    sd      zero, CPU_AREA_USER_FRAME(t0)
    /* kernel::try_fast_syscall (trap_entry.S calls it from here). */
    lla     t1, _ZN6kernel16try_fast_syscallEmmmj
    sd      t1, CPU_AREA_FAST_SYSCALL(t0)
    csrw    sscratch, t0
    lla     sp, __boot_stack_top

    mv      a0, s0
    mv      a1, s1
    /* A null frame pointer and return address end the chain for debuggers. */
    li      fp, 0
    li      ra, 0
    call    riscv64_boot

    /* riscv64_boot never returns; should it ever, stop here rather than run
       into whatever follows. */
3:  wfi
    j       3b
    .size _start, . - _start

/* Before paging: say why through the SBI console (the UART is not known yet)
   and stop. a0 (or t0, for early_fail_t0) = the message, NUL-terminated. */
early_fail_t0:
    mv      a0, t0
early_fail:
    mv      t0, a0
1:  lbu     a0, 0(t0)
    beqz    a0, 2f
    li      a7, SBI_LEGACY_CONSOLE_PUTCHAR
    ecall
    addi    t0, t0, 1
    j       1b
2:  wfi
    j       2b

/* The trap vector until paging is on: the C++ handler runs at linked
   addresses, which are not mapped yet. */
    .balign 4
early_trap:
    lla     a0, message_early_trap
    j       early_fail

    .balign 8
start_link_address:
    .dword  _start
high_entry_link_address:
    .dword  high_entry

    /* In .data, not .bss: it must be 0 as loaded, before .bss is zeroed. */
    .section .data.boot_entry, "aw", @progbits
    .balign 4
boot_entry_taken:
    .word   0

    .section .rodata.boot_messages, "a", @progbits
message_wrong_load_address:
    .asciz  "\r\nriscv64: loaded at an address that differs from the link address modulo 1 GiB; halting\r\n"
message_wrong_link_address:
    .asciz  "\r\nriscv64: the kernel is not linked in the kernel window (linker.ld); halting\r\n"
message_loaded_too_high:
    .asciz  "\r\nriscv64: loaded above 256 GiB, where no boot identity map fits; halting\r\n"
message_no_paging:
    .asciz  "\r\nriscv64: the CPU supports neither Sv48 nor Sv39 paging; halting\r\n"
message_early_trap:
    .asciz  "\r\nriscv64: trap before paging was on; halting\r\n"
