#include "kernel/mm/vm/slab_table_source.h"

#include "hal/mm.h"
#include "kernel/mm/heap/slab_cache.h"

namespace kernel::mm {

os::ErrorOr<PhysicalAddress> SlabTablePageSource::allocate_table() {
    void* table = cache_.allocate();
    if (table == nullptr) return os::Error::kOutOfMemory;
    __builtin_memset(table, 0, hal::mm::kPageSize);
    __atomic_add_fetch(&in_use_, 1, __ATOMIC_RELAXED);
    return hal::mm::virtual_to_physical(table);
}

void SlabTablePageSource::free_table(PhysicalAddress table) {
    __atomic_sub_fetch(&in_use_, 1, __ATOMIC_RELAXED);
    cache_.free(hal::mm::physical_to_virtual(table));
}

}  // namespace kernel::mm
