// Vector 14: page faults. Every fault goes to kernel::handle_page_fault()
// (kernel/mm decides what the access means); the HAL adds only what is
// x86-specific: decoding the error code, recovering the user-copy routine,
// and refusing faults that can only be kernel bugs.
#include <stdint.h>

#include "hal/common/page_fault_description.h"
#include "hal/mm.h"
#include "hal/thread_context.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/exceptions.h"
#include "hal/x86_64/cpu/features.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/mmu/user_copy.h"
#include "kernel/debug/panic.h"

namespace hal::x86_64 {
namespace {

// Page-fault error code bits (Intel SDM vol. 3A, 4.7).
constexpr uint64_t kErrorPresent = 1 << 0;
constexpr uint64_t kErrorWrite = 1 << 1;
constexpr uint64_t kErrorUser = 1 << 2;
constexpr uint64_t kErrorReservedBit = 1 << 3;
constexpr uint64_t kErrorInstructionFetch = 1 << 4;

// The fault kernel::handle_page_fault() is working on is this_cpu().
// fault_in_progress, per thread (switch_to() saves and restores it). A fault
// while it runs is never handed to it again (it may hold the very locks it
// would need, and a fault in the fault handler can recur forever): a user
// copy inside it just fails, anything else panics naming both faults.
const mm::PageFault* fault_in_progress() {
    return static_cast<const mm::PageFault*>(this_cpu().fault_in_progress);
}

mm::PageFault decode(const ExceptionFrame& frame, uint64_t address) {
    mm::Access access = (frame.error_code & kErrorInstructionFetch) ? mm::Access::kExecute
                        : (frame.error_code & kErrorWrite)          ? mm::Access::kWrite
                                                                    : mm::Access::kRead;
    return {
        .address = address,
        .pc = frame.rip,
        .access = access,
        .from_user = (frame.error_code & kErrorUser) != 0,
        .present = (frame.error_code & kErrorPresent) != 0,
    };
}

// Prints the register dump, then panics with one line that says what failed:
// "page fault in kernel mode: write to 0x... (page present, access not
// permitted) at pc 0x...", and why the HAL gave up if it was not kernel/mm.
[[noreturn]] void fail(const ExceptionFrame& frame, const mm::PageFault& fault,
                       const char* reason) {
    report_exception(frame, fault.address);
    kernel::panic("%s%s", describe_page_fault(fault).text, reason);
}

[[noreturn]] void fail_nested(const ExceptionFrame& frame, const mm::PageFault& fault) {
    report_exception(frame, fault.address);
    kernel::panic("%s, while handling another: %s", describe_page_fault(fault).text,
                  describe_page_fault(*fault_in_progress()).text);
}

}  // namespace

void handle_page_fault(ExceptionFrame& frame) {
    // CR2 first: any later fault would overwrite it.
    mm::PageFault fault = decode(frame, read_cr2());
    if (frame.error_code & kErrorReservedBit) {
        fail(frame, fault, "; a page-table entry has a reserved bit set");
    }
    bool user_address = fault.address < kUserSpaceEnd;
    // The kernel touches user memory only through the user-copy routine: a
    // fault there on a user address may be resolved or recovered, and any
    // other kernel access to the user half is a bug (with SMAP it faults even
    // on a mapped page; with SMEP any instruction fetch does), not something
    // to page in.
    bool user_copy = !fault.from_user && user_address && is_user_copy_access(fault.pc);
    if (!fault.from_user && user_address && !user_copy) {
        fail(frame, fault,
             fault.present && cpu_features().smap && !(frame.rflags & kFlagsAlignmentCheck)
                 ? "; kernel access to user memory outside the user-copy routine (SMAP)"
                 : "; kernel access to user memory outside the user-copy routine");
    }

    if (fault_in_progress() != nullptr) {
        if (!user_copy) fail_nested(frame, fault);
        frame.rip = user_copy_recovery_point();
        return;
    }
    this_cpu().fault_in_progress = &fault;
    // Code that ran with interrupts enabled held no spin lock (they mask
    // interrupts): the fault may be handled the same way, so that it can
    // wait (for a frame, another CPU's TLB shootdown, a pager) and be
    // preempted. fault_in_progress moves with the thread (switch_to()).
    bool interruptible = (frame.rflags & kFlagsInterruptEnable) != 0;
    if (interruptible) enable_interrupts();
    kernel::FaultResolution resolution = kernel::handle_page_fault(fault);
    if (interruptible) disable_interrupts();
    CpuLocal& cpu = this_cpu();
    cpu.fault_in_progress = nullptr;
    // And the thread's saved copy, which a switch during the call may have
    // set: so a context's flag is set only while the call runs on it, and
    // parking, which starts only at a system call entry, need not save it
    // (thread/context_switch.S).
    if (cpu.current_context != nullptr) cpu.current_context->fault_in_progress = nullptr;

    if (resolution == kernel::FaultResolution::kResolved) return;
    if (user_copy) {
        frame.rip = user_copy_recovery_point();  // the copy returns kBadAddress
        return;
    }
    if (fault.from_user) {
        // The description lives in this frame: handle_user_fault() never
        // returns.
        PageFaultDescription description = describe_page_fault(fault);
        report_user_fault(frame, description.text, fault.address);
    }
    fail(frame, fault, "");
}

}  // namespace hal::x86_64
