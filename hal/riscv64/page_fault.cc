// Page faults (scause 12, 13, 15): described as a hal::mm::PageFault and
// handed to kernel::handle_page_fault(); what it cannot resolve either
// resumes a user copy at its recovery point or is reported.
#include "hal/common/page_fault_description.h"
#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/riscv64/mmu/csr.h"
#include "hal/riscv64/mmu/page_table_format.h"
#include "hal/riscv64/mmu/paging.h"
#include "hal/riscv64/trap.h"

extern "C" char riscv64_user_copy_begin[], riscv64_user_copy_end[], riscv64_user_copy_fault[];

namespace hal::riscv64 {
namespace {

using hal::mm::Access;
using u64 = unsigned long long;  // what %llx takes

constexpr uint64_t kInstructionPageFault = 12;
constexpr uint64_t kLoadPageFault = 13;
constexpr uint64_t kStorePageFault = 15;             // stores and AMOs
constexpr uint64_t kSstatusSpp = uint64_t{1} << 8;   // 0: the trap came from U-mode
constexpr uint64_t kSstatusSpie = uint64_t{1} << 5;  // SIE before the trap

constexpr uint64_t kSatpPpnMask = (uint64_t{1} << 44) - 1;

Access access_of(uint64_t scause) {
    switch (scause) {
        case kInstructionPageFault:
            return Access::kExecute;
        case kStorePageFault:
            return Access::kWrite;
        default:
            return Access::kRead;
    }
}

// Whether the active translation has a valid leaf for `address`, i.e. the
// fault is a permission (or A/D) fault rather than a missing mapping. Every
// table is reached through the direct map, which covers the boot tables and,
// once kernel/mm runs, all of RAM.
bool leaf_present(uint64_t address) {
    using Format = PageTableFormat;
    if (!Format::is_canonical(address)) return false;
    uint64_t table = (mmu::read_satp() & kSatpPpnMask) << hal::mm::kPageShift;
    for (unsigned level = Format::levels(); level-- > 0;) {
        const auto* entries = static_cast<const uint64_t*>(hal::mm::physical_to_virtual(table));
        if (entries == nullptr) return false;
        unsigned shift = Format::kPageShift + Format::kIndexBits * level;
        uint64_t entry = entries[(address >> shift) & ((1u << Format::kIndexBits) - 1)];
        if (Format::is_leaf(entry, level)) return true;
        if (!Format::is_table(entry, level)) return false;
        table = Format::table_address(entry);
    }
    return false;
}

}  // namespace

bool resume_user_copy(TrapFrame& frame) {
    bool from_user = (frame.sstatus & kSstatusSpp) == 0;
    if (from_user || frame.stval >= hal::mm::user_space_end()) return false;
    if (frame.sepc < reinterpret_cast<uint64_t>(riscv64_user_copy_begin) ||
        frame.sepc >= reinterpret_cast<uint64_t>(riscv64_user_copy_end)) {
        return false;
    }
    frame.sepc = reinterpret_cast<uint64_t>(riscv64_user_copy_fault);
    return true;
}

bool is_page_fault(uint64_t scause) {
    return scause == kInstructionPageFault || scause == kLoadPageFault || scause == kStorePageFault;
}

hal::mm::PageFault page_fault_of(const TrapFrame& frame) {
    hal::mm::PageFault fault;
    fault.address = frame.stval;
    fault.pc = frame.sepc;
    fault.access = access_of(frame.scause);
    fault.from_user = (frame.sstatus & kSstatusSpp) == 0;
    fault.present = leaf_present(fault.address);
    return fault;
}

bool resolve_page_fault(const TrapFrame& frame, const hal::mm::PageFault& fault) {
    // Code that ran with interrupts enabled (all user code) held no spin
    // lock, so the fault is resolved the same way: resolving may wait for a
    // lock whose holder waits for this CPU to answer a TLB shootdown IPI,
    // and may be preempted (the frame is on the thread's own stack).
    bool interruptible = fault.from_user || (frame.sstatus & kSstatusSpie) != 0;
    if (interruptible) asm volatile("csrsi sstatus, 1 << 1" ::: "memory");
    kernel::FaultResolution resolution = kernel::handle_page_fault(fault);
    if (interruptible) hal::disable_interrupts();
    if (resolution != kernel::FaultResolution::kResolved) return false;
    // The handler made a mapping valid; without Svvptc a hart may still
    // hold the invalid one, so drop it before the retry.
    mmu::fence_address(fault.address);
    return true;
}

void handle_page_fault(TrapFrame& frame) {
    hal::mm::PageFault fault = page_fault_of(frame);
    if (resolve_page_fault(frame, fault)) return;
    if (resume_user_copy(frame)) return;
    report_fatal_trap(frame, "%s", describe_page_fault(fault).text);
}

}  // namespace hal::riscv64
