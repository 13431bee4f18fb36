#include "kernel/mm/heap/kmalloc.h"

#include "kernel/lib/utility.h"

namespace kernel::mm {
namespace {

// Static storage: the heap must exist before anything can be allocated.
alignas(Heap) unsigned char heap_storage[sizeof(Heap)];

}  // namespace

namespace internal {
Heap* kernel_heap = nullptr;
}

os::ErrorOr<void> initialize_kernel_heap(PageSource& pages) {
    if (internal::kernel_heap != nullptr) return os::Error::kAlreadyExists;
    auto* heap = new (heap_storage) Heap(pages);
    auto result = heap->initialize();
    if (result.is_error()) {
        heap->~Heap();
        return result.error();
    }
    internal::kernel_heap = heap;
    return {};
}

void destroy_kernel_heap() {
    if (internal::kernel_heap == nullptr) return;
    internal::kernel_heap->~Heap();
    internal::kernel_heap = nullptr;
}

}  // namespace kernel::mm
