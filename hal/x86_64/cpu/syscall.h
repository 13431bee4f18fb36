// The `syscall` instruction's set-up (cpu/syscall.cc; the entry is
// cpu/syscall_entry.S).
#pragma once

namespace hal::x86_64 {

// EFER.SCE, STAR (the segments, cpu/gdt.h), LSTAR (the entry) and FMASK
// (the RFLAGS bits the entry starts with cleared) on the executing CPU.
// Called on every CPU after its GDT is loaded.
void enable_system_calls_on_this_cpu();

}  // namespace hal::x86_64
