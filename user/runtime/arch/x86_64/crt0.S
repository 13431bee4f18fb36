// Program and thread entry points on x86_64.
//
// The kernel starts a process's main thread at _start with rdi = the
// StartInfo block and rsp 16-byte aligned, every other register zero; a
// thread made by cairn::Thread starts at __cairn_thread_entry with rdi = its
// ThreadStart record. Both call into C++ as if from a `call`: the pushed
// return address leaves rsp at 8 mod 16 on entry, as the SysV ABI expects.
// rbp = 0 and the undefined return address end backtraces here.

    .section .text._start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .cfi_startproc
    .cfi_undefined rip
    xorl %ebp, %ebp
    andq $-16, %rsp
    call __cairn_start
    ud2
    .cfi_endproc
    .size _start, . - _start

    .section .text.__cairn_thread_entry, "ax", @progbits
    .globl __cairn_thread_entry
    .type __cairn_thread_entry, @function
__cairn_thread_entry:
    .cfi_startproc
    .cfi_undefined rip
    xorl %ebp, %ebp
    andq $-16, %rsp
    call __cairn_thread_main
    ud2
    .cfi_endproc
    .size __cairn_thread_entry, . - __cairn_thread_entry

    .section .note.GNU-stack, "", @progbits
