// size_t x86_64_copy_user(void* destination [rdi], const void* source [rsi],
//                         size_t length [rdx])
//
// Copies between kernel and user memory (mmu/user_copy.cc checks the user
// range first) and returns the number of bytes NOT copied: 0 on success.
//
// The copy is one `rep movsb`, and only it touches user memory. If it faults
// and kernel::handle_page_fault() cannot fix the mapping, the page-fault
// handler (cpu/page_fault.cc) resumes at x86_64_user_copy_recovery instead of
// panicking. A fault leaves rcx at the count still to copy, which is just what
// the recovery point returns; a complete copy arrives there with rcx = 0.
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
    testb $1, x86_64_smap_enabled(%rip)
    jz x86_64_user_copy_access
    stac
x86_64_user_copy_access:
    rep movsb
x86_64_user_copy_access_end:
x86_64_user_copy_recovery:
    movq %rcx, %rax
    testb $1, x86_64_smap_enabled(%rip)
    jz 1f
    clac
1:  ret
