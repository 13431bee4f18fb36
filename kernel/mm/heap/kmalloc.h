// The kernel's general-purpose allocator over the one kernel Heap.
//
//   void* p = kernel::kmalloc(n);   // nullptr when out of memory
//   kernel::kfree(p);               // kfree(nullptr) does nothing
//
// Alignment: see heap.h (at least 16 bytes; power-of-two sizes up to 8 KiB
// are aligned to their size; kmalloc_aligned for anything else).
#pragma once

#include <stddef.h>

#include "kernel/mm/heap/heap.h"

namespace kernel::mm {

// Makes the kernel heap on `pages` (which must outlive it). Once, after the
// physical memory manager is up; kAlreadyExists on a second call.
os::ErrorOr<void> initialize_kernel_heap(PageSource& pages);
// Tears the kernel heap down (every cache must be empty). For host tests,
// which start each case from a fresh heap.
void destroy_kernel_heap();

namespace internal {
extern Heap* kernel_heap;
}

// The kernel heap; initialize_kernel_heap() must have succeeded.
inline Heap& kernel_heap() {
    return *internal::kernel_heap;
}

}  // namespace kernel::mm

namespace kernel {

inline void* kmalloc(size_t size) {
    return mm::kernel_heap().allocate(size);
}

// `alignment` must be a power of two.
inline void* kmalloc_aligned(size_t size, size_t alignment) {
    return mm::kernel_heap().allocate_aligned(size, alignment);
}

inline void kfree(void* pointer) {
    mm::kernel_heap().free(pointer);
}

}  // namespace kernel
