// Page faults: data and instruction aborts whose fault status says the page
// tables refused the access (translation, access flag or permission fault).
#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/exception_syndrome.h"
#include "hal/aarch64/exceptions.h"
#include "hal/aarch64/memory_layout.h"
#include "hal/aarch64/user_copy.h"
#include "hal/common/page_fault_description.h"
#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/mm.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

// Set while kernel::handle_page_fault runs on a CPU. Kernel/mm must not
// fault while resolving a fault: a second one would recurse on the same
// tables. The resolution may run with IRQs unmasked and be preempted, so
// the flag belongs to the thread: switch_to (context_switch.S) saves it in
// the outgoing thread's context and loads the incoming one's.
extern "C" bool aarch64_resolving_fault[hal::kMaxCpus];
constinit bool aarch64_resolving_fault[hal::kMaxCpus] = {};

namespace hal::aarch64 {
namespace {

// PSTATE.I in SPSR_EL1: the interrupted code had IRQs masked.
constexpr uint64_t kSpsrIrqMasked = uint64_t{1} << 7;

bool& resolving_fault() {
    return aarch64_resolving_fault[current_cpu_index()];
}

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

// Asks kernel/mm. IRQs are unmasked meanwhile if the faulting code had them
// unmasked: resolving may take locks that another CPU holds while it waits
// for this one to answer an IPI (a TLB shootdown).
kernel::FaultResolution resolve(ExceptionVector vector, const ExceptionFrame& frame,
                                const mm::PageFault& fault) {
    // Never a reference kept across the resolution: the thread may be
    // preempted and resume on another CPU, whose slot is then its flag.
    if (resolving_fault())
        report_unresolved(vector, frame, fault, ", while resolving another page fault");
    resolving_fault() = true;
    bool unmask = (frame.spsr & kSpsrIrqMasked) == 0;
    if (unmask) hal::irq::enable_interrupts();
    kernel::FaultResolution resolution = kernel::handle_page_fault(fault);
    if (unmask) hal::disable_interrupts();
    resolving_fault() = false;
    return resolution;
}

}  // namespace

void handle_page_fault(ExceptionVector vector, ExceptionFrame& frame) {
    mm::PageFault fault = decode(frame);
    if (resolve(vector, frame, fault) == kernel::FaultResolution::kResolved)
        return;  // eret retries the instruction

    // The user gave copy_from_user/copy_to_user a bad address: the copy fails.
    // Only for user addresses: a fault on the kernel side of a copy is a bug.
    if (!fault.from_user && fault.address < USER_SPACE_END && is_user_copy_instruction(frame.elr)) {
        frame.elr = user_copy_recovery_point();
        return;
    }
    report_unresolved(vector, frame, fault, "");
}

bool resolve_user_page_fault(ExceptionVector vector, const ExceptionFrame& frame,
                             PageFaultDescription* description) {
    mm::PageFault fault = decode(frame);
    if (resolve(vector, frame, fault) == kernel::FaultResolution::kResolved) return true;
    *description = describe_page_fault(fault);
    return false;
}

}  // namespace hal::aarch64
