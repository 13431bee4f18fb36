// Page-table pages from the heap's "page-table" slab cache: the kernel's
// TablePageSource. Tables come and go with every address space and every
// split of a huge page, so they take the slab's per-CPU magazine path
// instead of the buddy allocator's node lock.
//
// Until SMP shootdowns exist, a freed table may be reused at once (see
// frame_table_source.h for why that is safe on one CPU only).
#pragma once

#include <stdint.h>

#include "kernel/mm/vm/page_table.h"

namespace kernel::mm {

class SlabCache;

class SlabTablePageSource final : public TablePageSource {
public:
    // `cache` holds 4 KiB objects aligned to 4 KiB in direct-mapped memory.
    explicit SlabTablePageSource(SlabCache& cache) : cache_(cache) {}

    // A zeroed table page.
    os::ErrorOr<PhysicalAddress> allocate_table() override;
    // Panics (through the slab's checks) on a page this source did not hand out.
    void free_table(PhysicalAddress table) override;

    uint64_t tables_in_use() const { return __atomic_load_n(&in_use_, __ATOMIC_RELAXED); }

private:
    SlabCache& cache_;
    uint64_t in_use_ = 0;
};

}  // namespace kernel::mm
