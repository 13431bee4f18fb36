// Page faults: data and instruction aborts whose fault status says the page
// tables refused the access (translation, access flag or permission fault).
#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/exception_syndrome.h"
#include "hal/aarch64/exceptions.h"
#include "hal/aarch64/memory_layout.h"
#include "hal/aarch64/user_copy.h"
#include "hal/common/page_fault_description.h"
#include "hal/mm.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal::aarch64 {
namespace {

using u64 = unsigned long long;  // what the %llx conversions take

// Set while kernel::handle_page_fault runs. Kernel/mm must not fault while
// resolving a fault: a second one would recurse on the same tables. One
// flag for the one CPU that runs until SMP; it becomes per-CPU then.
bool resolving_fault = false;

mm::PageFault decode(const ExceptionFrame& frame) {
    ExceptionSyndrome syndrome(frame.esr);
    mm::PageFault fault;
    // FAR_EL1 is valid for every translation, access flag and permission fault.
    fault.address = frame.far;
    fault.pc = frame.elr;
    if (syndrome.is_instruction_abort())
        fault.access = mm::Access::kExecute;
    else if (syndrome.is_write() && !syndrome.is_cache_maintenance())
        fault.access = mm::Access::kWrite;
    else
        fault.access = mm::Access::kRead;
    fault.from_user = syndrome.is_from_lower_level();
    // An access flag or permission fault had a valid entry to look at.
    fault.present = !syndrome.is_translation_fault();
    return fault;
}

[[noreturn]] void report_unresolved(ExceptionVector vector, const ExceptionFrame& frame,
                                    const mm::PageFault& fault, const char* why) {
    print_fatal_exception(vector, frame);
    kernel::panic("%s%s", describe_page_fault(fault).text, why);
}

}  // namespace

void handle_page_fault(ExceptionVector vector, ExceptionFrame& frame) {
    mm::PageFault fault = decode(frame);
    if (resolving_fault)
        report_unresolved(vector, frame, fault, ", while resolving another page fault");

    resolving_fault = true;
    kernel::FaultResolution resolution = kernel::handle_page_fault(fault);
    resolving_fault = false;
    if (resolution == kernel::FaultResolution::kResolved) return;  // eret retries the instruction

    // The user gave copy_from_user/copy_to_user a bad address: the copy fails.
    // Only for user addresses: a fault on the kernel side of a copy is a bug.
    if (!fault.from_user && fault.address < USER_SPACE_END && is_user_copy_instruction(frame.elr)) {
        frame.elr = user_copy_recovery_point();
        return;
    }
    // No user space yet to deliver a user fault to.
    report_unresolved(vector, frame, fault, "");
}

}  // namespace hal::aarch64
