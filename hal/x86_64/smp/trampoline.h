// The real-mode trampoline that secondary CPUs start in (trampoline.S), and
// the layout of its parameter block, shared with the assembly.
//
// A startup IPI starts a CPU in real mode at physical page_number * 4 KiB
// with CS = page_number * 256 and IP = 0, so the code must sit in a page
// below 1 MiB. The kernel image is at 1 MiB and above, so start_cpus.cc
// copies the trampoline to a page the boot code set aside (it is reserved in
// the memory map before kernel/mm takes memory, so nothing else uses it).
// The code works at whatever page it lands on: it derives its linear base
// from CS and patches the few absolute addresses (GDT base, far-jump targets)
// itself. The boot CPU fills the parameter block before each startup IPI.
#pragma once

// Byte offsets into the trampoline (and the page it is copied to).
#define X86_64_TRAMPOLINE_PAGE_TABLE 8  // u32: physical root of the bring-up tables
#define X86_64_TRAMPOLINE_ENTRY 16      // u64: 64-bit entry (x86_64_secondary_entry)
#define X86_64_TRAMPOLINE_STACK_TOP 24  // u64: the CPU's stack (16-byte aligned)
#define X86_64_TRAMPOLINE_CPU 32        // u64: the CPU index, the entry's argument

#ifndef __ASSEMBLER__

#include <stdint.h>

extern "C" const char x86_64_trampoline_start[];
extern "C" const char x86_64_trampoline_end[];

#endif  // __ASSEMBLER__
