// Shared by the exception handlers of exceptions.cc and page_fault.cc.
#pragma once

#include "hal/aarch64/exception_frame.h"

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

}  // namespace hal::aarch64
