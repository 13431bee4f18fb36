// Shared by the exception handlers of exceptions.cc and page_fault.cc.
#pragma once

#include "hal/aarch64/exception_frame.h"
#include "hal/common/page_fault_description.h"

namespace hal::aarch64 {

// Prints what the exception was and the register dump, for a report that the
// caller ends with kernel::panic(). Stops the CPU instead if an exception
// is already being reported (the report itself faulted).
void print_fatal_exception(ExceptionVector vector, const ExceptionFrame& frame);

// Page faults (translation, access flag and permission faults): asks
// kernel/mm to resolve the fault and returns if it did, or if it was a user
// copy's fault on user memory (then frame.elr is the copy's recovery point).
// Anything else ends in a report and a panic naming the fault.
void handle_page_fault(ExceptionVector vector, ExceptionFrame& frame);

// The same for a page fault from EL0: true if kernel/mm resolved it; if not,
// false with `description` saying what the fault was (the caller delivers it
// to the kernel as a user fault).
bool resolve_user_page_fault(ExceptionVector vector, const ExceptionFrame& frame,
                             PageFaultDescription* description);

// Every exception from EL0 (vectors 8-11, user_traps.cc): system calls,
// IRQs, page faults and the faults that end the thread. Returns to user mode
// through the restore half of vectors.S, after kernel::handle_return_to_user().
void handle_user_exception(ExceptionVector vector, ExceptionFrame& frame);

// x0-x30 and sp of a frame, four registers a line.
void print_registers(const ExceptionFrame& frame);

}  // namespace hal::aarch64
