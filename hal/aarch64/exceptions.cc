// The C++ half of exception handling: vectors.S saves an ExceptionFrame and
// calls aarch64_handle_exception. Everything from EL0 goes to user_traps.cc;
// from EL1, IRQs go to the GIC code (interrupts/interrupts.cc) and page
// faults to page_fault.cc; every other exception from EL1 is a kernel bug:
// it is reported with a register dump, then the kernel panics.
#include <stdint.h>

#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/exception_syndrome.h"
#include "hal/aarch64/exceptions.h"
#include "hal/aarch64/interrupts/gic.h"
#include "hal/console.h"
#include "hal/cpu.h"
#include "hal/user_mode.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal::aarch64 {
namespace {

using u64 = unsigned long long;  // what the %llx conversions take

// PSTATE.I in SPSR_EL1: the interrupted code had IRQs masked.
constexpr uint64_t kSpsrIrqMasked = uint64_t{1} << 7;

// How many exceptions are being reported right now. Above 1, the report (or
// the panic after it) faulted itself; printing through the same code again
// would fault again and recurse until the stack is gone.
int reports_in_progress = 0;

template <size_t N>
void write_text(const char (&text)[N]) {
    hal::console_write(text, N - 1);
}

void write_hex(uint64_t value) {
    char digits[18] = {'0', 'x'};
    for (int i = 0; i < 16; ++i)
        digits[17 - i] = "0123456789abcdef"[(value >> (4 * i)) & 0xf];
    hal::console_write(digits, sizeof(digits));
}

// The last-resort report for an exception taken while reporting another:
// only the console driver, no formatting code, then stop. Should even this
// fault, the third level stops silently rather than loop.
[[noreturn]] void report_nested_exception(const ExceptionFrame& frame) {
    if (reports_in_progress == 2) {
        write_text("\nFATAL: exception while reporting an exception: esr ");
        write_hex(frame.esr);
        write_text(" elr ");
        write_hex(frame.elr);
        write_text(" far ");
        write_hex(frame.far);
        write_text("\n");
    }
    hal::halt();
}

const char* describe(ExceptionVector vector, ExceptionSyndrome syndrome) {
    // ESR_EL1 describes synchronous exceptions and SErrors only; IRQs and FIQs
    // arrive with a stale syndrome.
    if (vector.is_synchronous() || vector.is_serror()) return syndrome.class_name();
    return vector.is_irq() ? "unexpected IRQ" : "unexpected FIQ";
}

void print_syndrome_details(ExceptionSyndrome syndrome) {
    if (syndrome.is_abort()) {
        kernel::print(
            "  fault: %s (status 0x%02x)%s\n", syndrome.fault_status_name(),
            syndrome.fault_status(),
            syndrome.is_data_abort() ? (syndrome.is_write() ? ", on a write" : ", on a read") : "");
    } else if (syndrome.is_brk()) {
        kernel::print("  brk #0x%x\n", syndrome.brk_immediate());
    }
}

}  // namespace

void print_registers(const ExceptionFrame& frame) {
    // Four registers a line: x0-x27, then x28, fp (x29), lr (x30) and sp.
    for (int i = 0; i < 28; i += 4) {
        kernel::print("  x%-2d 0x%016llx  x%-2d 0x%016llx  x%-2d 0x%016llx  x%-2d 0x%016llx\n", i,
                      static_cast<u64>(frame.x[i]), i + 1, static_cast<u64>(frame.x[i + 1]), i + 2,
                      static_cast<u64>(frame.x[i + 2]), i + 3, static_cast<u64>(frame.x[i + 3]));
    }
    kernel::print("  x28 0x%016llx  fp  0x%016llx  lr  0x%016llx  sp  0x%016llx\n",
                  static_cast<u64>(frame.x[28]), static_cast<u64>(frame.x[29]),
                  static_cast<u64>(frame.x[30]), static_cast<u64>(frame.sp));
}

void print_fatal_exception(ExceptionVector vector, const ExceptionFrame& frame) {
    if (++reports_in_progress > 1) report_nested_exception(frame);

    ExceptionSyndrome syndrome(frame.esr);
    kernel::print("\nEXCEPTION: %s (%s exception from %s)\n", describe(vector, syndrome),
                  vector.type_name(), vector.origin_name());
    kernel::print("  esr  0x%016llx  class 0x%02x  iss 0x%07x\n", static_cast<u64>(frame.esr),
                  syndrome.exception_class(), syndrome.iss());
    print_syndrome_details(syndrome);
    kernel::print("  far  0x%016llx  elr 0x%016llx  spsr 0x%016llx\n", static_cast<u64>(frame.far),
                  static_cast<u64>(frame.elr), static_cast<u64>(frame.spsr));
    print_registers(frame);
}

// Called from vectors.S with the index of the vector taken and the saved
// registers, with interrupts masked (the CPU masks them on entry). Returning
// resumes the interrupted code with the frame's registers.
extern "C" void aarch64_handle_exception(uint64_t vector_index, ExceptionFrame* frame) {
    ExceptionVector vector(vector_index);
    if (vector.is_from_aarch64_el0()) {
        handle_user_exception(vector, *frame);
        return;
    }
    // IRQs from EL1 (either stack pointer); the frame holds every register
    // the handlers may change, restored on return.
    if (vector.is_irq() && vector.index() < 8) {
        handle_irq();
        // Interrupted kernel code with IRQs unmasked holds no spin lock: the
        // kernel may switch threads here (kernel preemption). An IRQ is only
        // taken with PSTATE.I clear, so the check guards against nothing
        // today; it keeps the rule visible.
        if ((frame->spsr & kSpsrIrqMasked) == 0) kernel::handle_interrupt_return();
        return;
    }
    ExceptionSyndrome syndrome(frame->esr);
    // While a report is being printed, even a page fault is one too many.
    if (reports_in_progress == 0 && vector.is_synchronous() && syndrome.is_page_fault()) {
        handle_page_fault(vector, *frame);
        return;
    }
    print_fatal_exception(vector, *frame);
    kernel::panic("unhandled exception: %s at 0x%llx", describe(vector, syndrome),
                  static_cast<u64>(frame->elr));
}

}  // namespace hal::aarch64
