// The only code that touches user memory: copies between a kernel buffer and
// a user range that user_copy.cc has checked to lie below USER_SPACE_END.
//
// User memory is accessed with the unprivileged ldtr/sttr forms, which the
// MMU checks as if EL0 made the access: a kernel page, a user page without
// the right permission, or one that is not mapped at all faults exactly as
// it would for the program itself, and PSTATE.PAN (set when the CPU has it)
// does not apply to them.
//
// A fault on the user side that kernel::handle_page_fault cannot resolve
// makes the fault handler (page_fault.cc) resume at user_copy_fault with the
// registers of the faulting instruction: x2 still counts the bytes not yet
// copied (a 32-byte round counts as not copied until it ends), which becomes
// the return value. A fault on the kernel side is a
// kernel bug and is never recovered.

    .section .text.user_copy, "ax"

    .global aarch64_user_copy_start
aarch64_user_copy_start:

// size_t aarch64_copy_from_user(void* to, uint64_t user_from, size_t count):
// 0, or the number of bytes not copied.
    .global aarch64_copy_from_user
aarch64_copy_from_user:
    // 32 bytes a round (an IPC message is 144), then 8, then single bytes.
4:  cmp     x2, #32
    b.lo    1f
    ldtr    x3, [x1]
    ldtr    x4, [x1, #8]
    ldtr    x5, [x1, #16]
    ldtr    x6, [x1, #24]
    stp     x3, x4, [x0], #16
    stp     x5, x6, [x0], #16
    add     x1, x1, #32
    sub     x2, x2, #32
    b       4b
1:  cmp     x2, #8
    b.lo    2f
    ldtr    x3, [x1]                // unaligned is fine: Normal memory, SCTLR_EL1.A = 0
    str     x3, [x0], #8
    add     x1, x1, #8
    sub     x2, x2, #8
    b       1b
2:  cbz     x2, 3f
    ldtrb   w3, [x1]
    strb    w3, [x0], #1
    add     x1, x1, #1
    sub     x2, x2, #1
    b       2b
3:  mov     x0, #0
    ret

// size_t aarch64_copy_to_user(uint64_t user_to, const void* from, size_t count):
// 0, or the number of bytes not copied.
    .global aarch64_copy_to_user
aarch64_copy_to_user:
4:  cmp     x2, #32
    b.lo    1f
    ldp     x3, x4, [x1], #16
    ldp     x5, x6, [x1], #16
    sttr    x3, [x0]
    sttr    x4, [x0, #8]
    sttr    x5, [x0, #16]
    sttr    x6, [x0, #24]
    add     x0, x0, #32
    sub     x2, x2, #32
    b       4b
1:  cmp     x2, #8
    b.lo    2f
    ldr     x3, [x1], #8
    sttr    x3, [x0]
    add     x0, x0, #8
    sub     x2, x2, #8
    b       1b
2:  cbz     x2, 3f
    ldrb    w3, [x1], #1
    sttrb   w3, [x0]
    add     x0, x0, #1
    sub     x2, x2, #1
    b       2b
3:  mov     x0, #0
    ret

    .global aarch64_user_copy_end
aarch64_user_copy_end:

// Outside [start, end): a fault here would be a kernel bug, not a user's.
    .global aarch64_user_copy_fault
aarch64_user_copy_fault:
    mov     x0, x2
    ret
