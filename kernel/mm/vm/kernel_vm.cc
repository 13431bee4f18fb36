#include "kernel/mm/vm/kernel_vm.h"

#include "hal/mm.h"
#include "kernel/mm/heap/heap.h"
#include "kernel/mm/vm/asid_allocator.h"
#include "kernel/mm/vm/slab_table_source.h"
#include "kernel/mm/vm/vm_environment.h"
#include "kernel/mm/vm/vm_object_caches.h"

namespace kernel::mm {
namespace {

// Static storage, constructed in place once the arguments are known (the
// kernel has no heap for these before this runs, and no global
// constructors with arguments).
template <typename T>
struct Slot {
    alignas(T) unsigned char bytes[sizeof(T)];
    template <typename... Arguments>
    T* make(Arguments&&... arguments) {
        return new (bytes) T(os::forward<Arguments>(arguments)...);
    }
};

Slot<SlabTablePageSource> table_source;
Slot<AsidAllocator> asid_allocator;
Slot<VmObjectCaches> object_caches;
bool initialized = false;

}  // namespace

os::ErrorOr<void> initialize_kernel_vm(PhysicalMemory& frames, Heap& heap, uint32_t asid_count) {
    if (initialized) return os::Error::kAlreadyExists;
    VmObjectCaches* caches = object_caches.make();
    TRY(caches->initialize(heap));
    VmEnvironment environment;
    environment.frames = &frames;
    environment.tables = table_source.make(heap.page_table_cache());
    environment.asids = asid_allocator.make(asid_count);
    environment.objects = caches;
    install_vm_environment(environment);
    initialized = true;
    return {};
}

}  // namespace kernel::mm
