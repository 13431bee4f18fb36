// Program and thread entry points on aarch64.
//
// The kernel starts a process's main thread at _start with x0 = the
// StartInfo block and sp 16-byte aligned, every other register zero; a
// thread made by cairn::Thread starts at __cairn_thread_entry with x0 = its
// ThreadStart record. A zero frame pointer and link register end backtraces.

    .section .text._start, "ax", %progbits
    .globl _start
    .type _start, %function
_start:
    .cfi_startproc
    .cfi_undefined x30
    mov x29, #0
    mov x30, #0
    bl __cairn_start
    brk #0
    .cfi_endproc
    .size _start, . - _start

    .section .text.__cairn_thread_entry, "ax", %progbits
    .globl __cairn_thread_entry
    .type __cairn_thread_entry, %function
__cairn_thread_entry:
    .cfi_startproc
    .cfi_undefined x30
    mov x29, #0
    mov x30, #0
    bl __cairn_thread_main
    brk #0
    .cfi_endproc
    .size __cairn_thread_entry, . - __cairn_thread_entry

    .section .note.GNU-stack, "", %progbits
