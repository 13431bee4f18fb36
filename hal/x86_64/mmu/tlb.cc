// hal/mm.h on x86_64, the dynamic part: loading user root tables and keeping
// the TLB coherent, with PCIDs when the CPU has them.
//
// With PCIDs (CR4.PCIDE, set by enable_cpu_features()) the HAL's asid IS the
// PCID: every TLB entry is tagged with the PCID of the CR3 load that created
// it. kernel/mm's asid allocator guarantees that an asid names one root at a
// time (it flushes before an asid changes hands), so a CR3 load may keep the
// other address spaces' entries; PcidTracker (mmu/pcid_tracker.h) decides
// when it may not.
//
// Global entries (the kernel's mappings, see harden_boot_mappings()) survive
// CR3 loads in every PCID; invlpg drops a page's global entry too, and
// toggling CR4.PGE drops everything.
//
// Every CPU has its own tracker (its TLB is its own); kernel/mm shoots
// changes down to the other CPUs (kTlbFlushBroadcasts is false here). The
// callers run with interrupts masked, so the CPU index stays valid.
#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/x86_64/cpu/features.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/mmu/pcid_tracker.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/utility.h"

namespace hal::x86_64 {
namespace {

constexpr uint64_t kCr3NoFlush = uint64_t{1} << 63;
constexpr uint64_t kCr4GlobalPages = 1 << 7;

// This CPU's tracker, constructed on the CPU's first use (cpu_features() is
// known by then); only its own CPU ever touches it.
PcidTracker& pcids() {
    alignas(PcidTracker) static uint8_t storage[kMaxCpus][sizeof(PcidTracker)];
    static bool constructed[kMaxCpus];
    uint32_t cpu = current_cpu_index();
    KERNEL_ASSERT(cpu < kMaxCpus);
    auto* tracker = reinterpret_cast<PcidTracker*>(storage[cpu]);
    if (!constructed[cpu]) {
        new (tracker) PcidTracker(cpu_features().invpcid);
        constructed[cpu] = true;
    }
    return *tracker;
}

bool pcids_enabled() {
    return cpu_features().pcid;
}

// Reloading CR3 with its current value (bit 63 reads as 0) drops the
// current PCID's non-global entries (without PCIDs: all non-global entries).
void flush_current_address_space() {
    write_cr3(read_cr3());
}

}  // namespace
}  // namespace hal::x86_64

namespace hal::mm {

using namespace x86_64;

uint32_t asid_count() {
    return pcids_enabled() ? PcidTracker::kPcidCount : 1;
}

// activate_user_root() is inline (include/hal/arch/mm_inline.h); this is
// its half with PCIDs.
extern "C" void x86_64_activate_user_root_with_pcid(PhysicalAddress root, uint32_t asid) {
    KERNEL_ASSERT(root % kPageSize == 0);
    KERNEL_ASSERT(asid < PcidTracker::kPcidCount);
    bool flush = pcids().activate(asid);
    write_cr3(root | asid | (flush ? 0 : kCr3NoFlush));
}

extern const bool kTlbFlushBroadcasts = false;  // invlpg and CR3 loads are local

void flush_page(uint32_t asid, VirtualAddress address) {
    if (!pcids_enabled()) {
        invalidate_page(address);
        return;
    }
    switch (pcids().flush_page(asid)) {
        case PcidTracker::Action::kFlushCurrent:
            invalidate_page(address);
            break;
        case PcidTracker::Action::kInvpcid:
            invalidate_pcid(InvpcidType::kIndividualAddress, asid, address);
            break;
        case PcidTracker::Action::kDeferred:
            break;
    }
}

void flush_address_space(uint32_t asid) {
    if (!pcids_enabled()) {
        flush_current_address_space();
        return;
    }
    switch (pcids().flush_address_space(asid)) {
        case PcidTracker::Action::kFlushCurrent:
            flush_current_address_space();
            break;
        case PcidTracker::Action::kInvpcid:
            invalidate_pcid(InvpcidType::kSingleContext, asid, 0);
            break;
        case PcidTracker::Action::kDeferred:
            break;
    }
}

void flush_kernel_page(VirtualAddress address) {
    // invlpg drops the page's global entry and the current PCID's entry. A
    // kernel page mapped without the global bit may also sit in the TLB
    // under other PCIDs: those are flushed when next activated.
    invalidate_page(address);
    if (pcids_enabled()) pcids().mark_others_stale();
}

void flush_all() {
    if (cpu_features().global_pages) {
        // Clearing and setting CR4.PGE drops every entry of every PCID,
        // global ones included.
        InterruptState state = hal::disable_interrupts();
        uint64_t cr4 = read_cr4();
        write_cr4(cr4 & ~kCr4GlobalPages);
        write_cr4(cr4 | kCr4GlobalPages);
        hal::restore_interrupts(state);
        if (pcids_enabled()) pcids().all_flushed();
    } else if (cpu_features().invpcid) {
        invalidate_pcid(InvpcidType::kAllContextsAndGlobal, 0, 0);
        if (pcids_enabled()) pcids().all_flushed();
    } else {
        // Without CR4.PGE no entry is global; other PCIDs' entries remain.
        flush_current_address_space();
        if (pcids_enabled()) pcids().mark_others_stale();
    }
}

}  // namespace hal::mm
