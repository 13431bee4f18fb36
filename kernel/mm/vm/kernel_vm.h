// Wires the VM layer to the kernel's allocators and installs the result as
// vm_environment(), which as_create(), MemoryObject::create_*() and the
// page-fault handler use when no environment is named:
//  - frames for user pages and page lists from `frames`;
//  - page-table pages from the heap's page-table cache (SlabTablePageSource);
//  - regions, memory objects and address spaces from slab caches in `heap`;
//  - an AsidAllocator for `asid_count` ASIDs (hal::mm::asid_count(), or
//    fewer: kernel/mm/init.cc).
// Once, after the physical memory manager and the heap are up;
// kAlreadyExists on a second call.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::mm {

class Heap;
class PhysicalMemory;

os::ErrorOr<void> initialize_kernel_vm(PhysicalMemory& frames, Heap& heap, uint32_t asid_count);

}  // namespace kernel::mm
