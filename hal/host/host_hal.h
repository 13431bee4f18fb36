// A HAL for host unit tests of architecture-neutral kernel code.
//
// It runs nothing on real hardware: "physical memory" is a buffer on the
// host heap (SimulatedPhysicalMemory), the current CPU is whatever the test
// says, TLB flushes are counted, and halt()/power_off() abort the process so
// kernel::panic() ends a GoogleTest death test with the panic message on
// stderr.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"

namespace hal::host {

// Host memory that stands in for physical RAM at [base, base + size): while
// an instance lives, physical_to_virtual()/virtual_to_physical() translate
// into it. One instance at a time; `base` and `size` must be page-aligned.
class SimulatedPhysicalMemory {
public:
    SimulatedPhysicalMemory(mm::PhysicalAddress base, size_t size);
    ~SimulatedPhysicalMemory();
    SimulatedPhysicalMemory(const SimulatedPhysicalMemory&) = delete;
    SimulatedPhysicalMemory& operator=(const SimulatedPhysicalMemory&) = delete;

    mm::PhysicalAddress base() const { return base_; }
    size_t size() const { return size_; }
    uint8_t* bytes() const { return bytes_; }

private:
    mm::PhysicalAddress base_;
    size_t size_;
    uint8_t* bytes_;
};

// The CPU index current_cpu_index() reports on this host thread.
void set_current_cpu(uint32_t index);

// hal::irq::send_ipi(cpu) counts the IPI and calls `deliver` (if set) on the
// sending thread: a test delivers it the way its fake CPUs need, e.g. by
// running kernel::handle_ipi() as `cpu` at once, or by waking a thread.
using IpiDelivery = void (*)(uint32_t cpu);
void set_ipi_delivery(IpiDelivery deliver);
// IPIs sent to `cpu` since the process started.
uint64_t ipis_sent(uint32_t cpu);

// Number of asids asid_count() reports (default 4096).
void set_asid_count(uint32_t count);

// What the TLB maintenance calls have been asked to do since the last reset.
struct TlbFlushCounts {
    uint64_t pages = 0;
    uint64_t address_spaces = 0;
    uint64_t kernel_pages = 0;
    uint64_t all = 0;
};
const TlbFlushCounts& tlb_flush_counts();
void reset_tlb_flush_counts();

// The root and asid of the last activate_user_root().
mm::PhysicalAddress active_user_root();
uint32_t active_asid();

}  // namespace hal::host
