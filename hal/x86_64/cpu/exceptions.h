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

// Prints the general registers of `frame` (rip, rsp, rflags, cs, ss and the
// fifteen others), three to a line.
void print_frame_registers(const ExceptionFrame& frame);

// A user-mode exception nothing resolves: prints one line naming it (with
// `address` if non-zero) and the user registers, enables interrupts and ends
// the thread through kernel::handle_user_fault({description, frame.rip,
// address}).
[[noreturn]] void report_user_fault(const ExceptionFrame& frame, const char* description,
                                    uint64_t address);

// The last step before returning to user mode through `frame`, interrupts
// masked: kernel::handle_return_to_user() (which may switch threads).
void return_to_user(ExceptionFrame& frame);

// Vector 14 (cpu/page_fault.cc): returns when the faulting code may resume
// (the fault was resolved, or a user copy continues at its recovery point);
// a user-mode fault the kernel cannot resolve goes to report_user_fault();
// a kernel one panics.
void handle_page_fault(ExceptionFrame& frame);

// Vectors 32-255 (interrupts/dispatch.cc): device interrupts, the timer,
// IPIs, spurious interrupts; returns to the interrupted code.
void handle_interrupt_vector(ExceptionFrame& frame);

}  // namespace hal::x86_64
