// The C++ side of the exception vectors (cpu/exception_entry.S calls
// x86_64_handle_exception with the frame it built).
#pragma once

#include <stdint.h>

#include "hal/x86_64/cpu/exception_frame.h"

namespace hal::x86_64 {

// Prints the exception, its error code and every register (for a page fault
// also the decoded cause); `cr2` is printed as CR2: the page-fault handler
// passes the address it saved on entry, others read_cr2(). The caller panics
// next: from here on any further exception halts at once, so a fault in the
// report or the panic cannot recurse.
void report_exception(const ExceptionFrame& frame, uint64_t cr2);

// Vector 14 (cpu/page_fault.cc): returns when the faulting code may resume
// (the fault was resolved, or a user copy continues at its recovery point);
// panics otherwise.
void handle_page_fault(ExceptionFrame& frame);

// Vectors 32-255 (interrupts/dispatch.cc): device interrupts, the timer,
// IPIs, spurious interrupts; returns to the interrupted code.
void handle_interrupt_vector(ExceptionFrame& frame);

}  // namespace hal::x86_64
