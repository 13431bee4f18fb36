// size_t x86_64_copy_user(void* destination [rdi], const void* source [rsi],
//                         size_t length [rdx])
//
// Copies between kernel and user memory (mmu/user_copy.cc checks the user
// range first) and returns the number of bytes NOT copied: 0 on success.
//
// The copy is `rep movsq` for the whole quadwords, then `rep movsb` for the
// last 0-7 bytes (a byte-wise copy costs one iteration per byte: 8 times the
// work for the messages IPC moves), and only these two touch user memory. If
// either faults and kernel::handle_page_fault() cannot fix the mapping, the
// page-fault handler (cpu/page_fault.cc) resumes at x86_64_user_copy_recovery
// instead of panicking. Bytes not copied = rcx * r8 + rdx at every point of
// the access range: during movsq rcx counts quadwords (r8 = 8) and rdx holds
// the tail; during movsb rcx counts bytes (r8 = 1, rdx = 0). A complete copy
// arrives there with rcx = rdx = 0.
//
// With SMAP on, the kernel may touch user pages only while RFLAGS.AC is set:
// stac before the copy, clac on both ways out (the exception entry clears AC
// for the handler itself, and iretq restores it for the resumed copy).

    .section .text.x86_64_copy_user, "ax"
    .code64
    .globl x86_64_copy_user
    .globl x86_64_user_copy_access
    .globl x86_64_user_copy_access_end
    .globl x86_64_user_copy_recovery
x86_64_copy_user:
    movq %rdx, %rcx
    shrq $3, %rcx                   // quadwords
    andl $7, %edx                   // then the tail bytes
    movl $8, %r8d
    testb $1, x86_64_smap_enabled(%rip)
    jz x86_64_user_copy_access
    stac
x86_64_user_copy_access:
    rep movsq
    movq %rdx, %rcx
    xorl %edx, %edx
    movl $1, %r8d
    rep movsb
x86_64_user_copy_access_end:
x86_64_user_copy_recovery:
    imulq %r8, %rcx
    leaq (%rcx,%rdx), %rax
    testb $1, x86_64_smap_enabled(%rip)
    jz 1f
    clac
1:  ret
