// What trap.cc's dispatcher and the handlers it calls share.
#pragma once

#include <stdint.h>

#include "hal/mm.h"
#include "hal/riscv64/trap_frame.h"

namespace hal::riscv64 {

// Dumps the registers of `frame`, then panics with the formatted message. A
// trap while reporting reports the first trap again through the SBI console.
[[noreturn]] __attribute__((format(printf, 2, 3))) void report_fatal_trap(const TrapFrame& frame,
                                                                          const char* format, ...);

// page_fault.cc: if the trap hit user_copy.S on a user address, makes it
// resume at the copy's recovery point (the copy then fails) and returns true.
// A fault on the kernel side of a copy is a kernel bug: false.
bool resume_user_copy(TrapFrame& frame);

// page_fault.cc: scause 12, 13, 15.
bool is_page_fault(uint64_t scause);
// The fault `frame` (scause 12, 13 or 15) describes.
hal::mm::PageFault page_fault_of(const TrapFrame& frame);
// kernel::handle_page_fault(), with interrupts enabled meanwhile if the
// faulting code had them enabled; true (and the stale translation dropped)
// if it resolved the fault.
bool resolve_page_fault(const TrapFrame& frame, const hal::mm::PageFault& fault);
// A page fault in S-mode: returns when the trap may resume (resolved, or a
// user copy redirected to its recovery point), and reports the fault
// otherwise.
void handle_page_fault(TrapFrame& frame);

// trap.cc: the name of the exception or interrupt in `scause`.
const char* cause_name(uint64_t scause);
// trap.cc: the register dump of the kernel's trap reports.
void dump_registers(const TrapFrame& frame);

}  // namespace hal::riscv64
