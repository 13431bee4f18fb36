// The user code of user_mode_selftest.cc: position independent, copied into
// a user page and run at EL0. x0/x1 are the entry's arguments; sp the top of
// a lazily mapped stack page.

    .arch_extension fp
    .arch_extension simd

    .section .rodata.aarch64_user_test_program, "a"
    .balign 16
    .global aarch64_user_test_program
aarch64_user_test_program:
    mov     x20, x0                 // the arguments, for the test to see
    mov     x21, x1
    mrs     x22, tpidr_el0          // the thread pointer
    fmov    d1, x20                 // FP/SIMD usable at EL0
    fmov    x23, d1
    str     x21, [sp, #-16]!        // first touch of the stack page: a fault kernel/mm resolves
    ldr     x24, [sp], #16
    adr     x0, message             // debug_print(message, length)
    mov     x1, #(message_end - message)
    mov     x8, #0
    svc     #0
    ldr     x25, [x0]               // x0: the call's result, an unmapped address: a user fault
1:  b       1b

    .global aarch64_user_test_undefined
aarch64_user_test_undefined:
    udf     #0x77                   // undefined instruction

// The FP/SIMD state the FP tests give a thread (x0 = seed, x1 = FPCR):
// d8, the top half of v9, d31 and FPCR.
.macro SET_FP_STATE
    fmov    d8, x0
    mov     v9.d[1], x0
    fmov    d31, x0
    msr     fpcr, x1
.endm

// What they report of it: x20-x23 as set above, x24 = TPIDR_EL0.
.macro READ_FP_STATE
    fmov    x20, d8
    mov     x21, v9.d[1]
    fmov    x22, d31
    mrs     x23, fpcr
    mrs     x24, tpidr_el0
.endm

// Two threads run this from the same address space (x0 = their seed): each
// fills FP/SIMD registers and FPCR with its seed, yields to the other
// (system call 1), and reports what it finds afterwards (system call 2,
// x20-x24). A thread switch must keep each thread's FP/SIMD state and
// TPIDR_EL0.
    .global aarch64_user_test_fp
aarch64_user_test_fp:
    SET_FP_STATE
    mov     x8, #1
    svc     #0
    READ_FP_STATE
    mov     x8, #2
    svc     #0
1:  b       1b

// The same as aarch64_user_test_fp (x0 = seed, x1 = FPCR), but the
// threads take turns by parking (system call 5): the first parks with
// park() and its FP/SIMD state live; the second's park resumes it through
// park_and_resume, with the second's FP/SIMD state live, and its report
// resumes the second the same way. Reports x19 (the seed, set before the
// park), x20-x24 as above and x25, the park's result.
    .global aarch64_user_test_park
aarch64_user_test_park:
    mov     x19, x0
    SET_FP_STATE
    mov     x8, #5
    svc     #0
    mov     x25, x0
    READ_FP_STATE
    mov     x8, #2
    svc     #0
1:  b       1b

// Spins x0 times with x1 in x19, x28 and d8, then reports (system call 3):
// IRQs taken meanwhile must leave every register as it was.
    .global aarch64_user_test_spin
aarch64_user_test_spin:
    mov     x19, x1
    mov     x28, x1
    fmov    d8, x1
1:  subs    x0, x0, #1
    b.ne    1b
    fmov    x20, d8
    mov     x8, #3
    svc     #0
2:  b       2b

// x0 empty system calls (number 4), then a report (system call 3): the
// round trip's cost.
    .global aarch64_user_test_null_calls
aarch64_user_test_null_calls:
    mov     x19, x0
1:  mov     x8, #4
    svc     #0
    subs    x19, x19, #1
    b.ne    1b
    mov     x8, #3
    svc     #0
2:  b       2b

    .global aarch64_user_test_message
aarch64_user_test_message:
message:
    .ascii  "hello from EL0"
message_end:
    .balign 4
    .global aarch64_user_test_program_end
aarch64_user_test_program_end:
