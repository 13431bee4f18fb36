// Page-table pages straight from the buddy allocator: the TablePageSource
// of address spaces in the kernel (and of the host tests, over simulated
// RAM).
//
// Until SMP shootdowns exist, a freed table page may be reused at once: the
// callers flush the only TLB there is before anything else runs on this
// CPU. With several CPUs, free_table() must defer the free until every CPU
// that may cache the table has flushed (see TablePageSource).
#pragma once

#include <stdint.h>

#include "kernel/mm/vm/page_table.h"

namespace kernel::mm {

class PhysicalMemory;

class FrameTablePageSource final : public TablePageSource {
public:
    explicit FrameTablePageSource(PhysicalMemory& frames) : frames_(frames) {}

    // A zeroed frame marked FrameUsage::kPageTable.
    os::ErrorOr<PhysicalAddress> allocate_table() override;
    void free_table(PhysicalAddress table) override;

    // Tables handed out and not yet freed.
    uint64_t tables_in_use() const { return __atomic_load_n(&in_use_, __ATOMIC_RELAXED); }

private:
    PhysicalMemory& frames_;
    uint64_t in_use_ = 0;
};

}  // namespace kernel::mm
