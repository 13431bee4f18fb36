// Program and thread entry points on riscv64.
//
// The kernel starts a process's main thread at _start with a0 = the
// StartInfo block and sp 16-byte aligned, every other register zero; a
// thread made by cairn::Thread starts at __cairn_thread_entry with a0 = its
// ThreadStart record. Both load gp (the linker may relax accesses near
// __global_pointer$ to gp-relative ones; the load itself must not be
// relaxed), and a zero frame pointer and return address end backtraces.

    .section .text._start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .cfi_startproc
    .cfi_undefined ra
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    li s0, 0
    li ra, 0
    call __cairn_start
    unimp
    .cfi_endproc
    .size _start, . - _start

    .section .text.__cairn_thread_entry, "ax", @progbits
    .globl __cairn_thread_entry
    .type __cairn_thread_entry, @function
__cairn_thread_entry:
    .cfi_startproc
    .cfi_undefined ra
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    li s0, 0
    li ra, 0
    call __cairn_thread_main
    unimp
    .cfi_endproc
    .size __cairn_thread_entry, . - __cairn_thread_entry

    .section .note.GNU-stack, "", @progbits
