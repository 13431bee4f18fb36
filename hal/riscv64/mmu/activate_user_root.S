/* void hal::mm::activate_user_root(PhysicalAddress root = a0, uint32_t asid = a1)
 * (hal/mm.h), in assembly because it runs on every switch of address space
 * (a leaf without the C++ frame): satp <- MODE | ASID | PPN of root, from
 * the values initialize_paging() computed (paging.cc). Without ASIDs the
 * mask is 0, so the ASID field is, and every address space is ASID 0: the
 * previous one's translations are dropped (the kernel's are global and
 * stay). With ASIDs, the ASID allocator flushes an ASID before it reuses
 * it. The csrw orders the page-table stores before it as the C++ version's
 * "memory" clobber did: it is an assembly call the compiler cannot move
 * stores across. */

#define SATP_ASID_SHIFT 44  /* RISCV64_SATP_ASID_SHIFT, checked in paging.cc */
#define PAGE_SHIFT 12

    .section .text, "ax", @progbits
    .globl _ZN3hal2mm18activate_user_rootEmj
    .type _ZN3hal2mm18activate_user_rootEmj, @function
    .balign 4
_ZN3hal2mm18activate_user_rootEmj:
    ld      t0, riscv64_user_satp_mode
    ld      t1, riscv64_asid_field_mask
    and     a1, a1, t1
    slli    a1, a1, SATP_ASID_SHIFT
    srli    a0, a0, PAGE_SHIFT
    or      a0, a0, t0
    or      a0, a0, a1
    csrw    satp, a0
    beqz    t1, 1f
    ret
1:  sfence.vma zero, t1     /* rs2 = t1 = 0: ASID 0's non-global entries */
    ret
    .size _ZN3hal2mm18activate_user_rootEmj, . - _ZN3hal2mm18activate_user_rootEmj
