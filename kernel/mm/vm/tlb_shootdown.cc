#include "kernel/mm/vm/tlb_shootdown.h"

#include "kernel/interrupt/ipi.h"

namespace kernel::mm {
namespace {

using hal::mm::VirtualAddress;

constexpr uint64_t kPage = hal::mm::kPageSize;
// Beyond this many pages one address-space flush is cheaper than flushing
// page by page.
constexpr uint64_t kMaxPageFlushes = 32;

uint64_t remote_count = 0;

struct Shootdown {
    uint32_t asid;
    VirtualAddress start;
    uint64_t length;
    bool whole;
};

// Runs on each CPU of the shootdown (remote ones in interrupt context).
void flush_here(void* argument) {
    const Shootdown& request = *static_cast<const Shootdown*>(argument);
    const uint32_t asid = request.asid;
    if (request.whole || request.length / kPage > kMaxPageFlushes) {
        hal::mm::flush_address_space(asid);
        return;
    }
    for (VirtualAddress page = request.start; page < request.start + request.length; page += kPage)
        hal::mm::flush_page(asid, page);
}

void run(TlbCpuMask cpus, Shootdown& request) {
    if (cpus == 0) return;  // the space never ran: no TLB caches it
    const TlbCpuMask self = TlbCpuMask{1} << hal::current_cpu_index();
    // The local flush always happens: the caller ran the space here if it
    // is in `cpus`, and a flush of an ASID this CPU does not hold is cheap.
    // On a CPU whose TLB maintenance broadcasts, it reaches every CPU.
    if (hal::mm::kTlbFlushBroadcasts || (cpus & ~self) == 0) {
        flush_here(&request);
        return;
    }
    TlbCpuMask ran = interrupt::call_on_cpus(cpus | self, flush_here, &request);
    if (ran & ~self) __atomic_add_fetch(&remote_count, 1, __ATOMIC_RELAXED);
}

}  // namespace

void shoot_down(TlbCpuMask cpus, uint32_t asid, VirtualAddress start, uint64_t length) {
    Shootdown request{asid, start, length, false};
    run(cpus, request);
}

void shoot_down_all(TlbCpuMask cpus, uint32_t asid) {
    Shootdown request{asid, 0, 0, true};
    run(cpus, request);
}

uint64_t remote_shootdowns() {
    return __atomic_load_n(&remote_count, __ATOMIC_RELAXED);
}

void ServeRemoteCallsWhileSpinning::spin() {
    interrupt::serve_pending_requests();
    hal::spin_pause();
}

}  // namespace kernel::mm
