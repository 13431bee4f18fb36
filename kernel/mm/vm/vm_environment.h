// What the virtual-memory layer (address spaces, memory objects, faults)
// takes its resources from. The kernel installs one environment built on
// the global allocators; host tests build their own over simulated physical
// memory, so every path runs the same code in both worlds.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/utility.h"

namespace kernel::mm {

class PhysicalMemory;
class PageFrame;
class TablePageSource;
class AsidAllocator;

// Memory for the VM layer's own small objects (regions, memory objects,
// address spaces). In the kernel this is kmalloc; tests count allocations
// to prove nothing leaks.
class ObjectAllocator {
public:
    // nullptr when memory is exhausted. `size` bytes, aligned for any object.
    virtual void* allocate(size_t size) = 0;
    virtual void free(void* object, size_t size) = 0;

protected:
    ~ObjectAllocator() = default;
};

struct VmEnvironment {
    PhysicalMemory* frames = nullptr;    // user pages and memory-object page lists
    TablePageSource* tables = nullptr;   // page-table pages
    AsidAllocator* asids = nullptr;      // address-space identifiers
    ObjectAllocator* objects = nullptr;  // regions, memory objects, address spaces

    // A user root with nothing in its lower half, for CPUs that run no
    // address space (as_switch(nullptr)); made from `tables` on first use
    // and kept for good. Panics if no table page can be had.
    hal::mm::PhysicalAddress empty_user_root();

private:
    hal::mm::PhysicalAddress empty_user_root_ = 0;
};

// The environment kernel code uses when it does not name one; installed
// once by kernel::mm::init() (see install_vm_environment()).
VmEnvironment& vm_environment();
void install_vm_environment(const VmEnvironment& environment);

// Constructs a T in memory from `allocator`; nullptr when there is none.
template <typename T, typename... Arguments>
T* create_object(ObjectAllocator& allocator, Arguments&&... arguments) {
    void* memory = allocator.allocate(sizeof(T));
    if (memory == nullptr) return nullptr;
    return new (memory) T(os::forward<Arguments>(arguments)...);
}

template <typename T>
void destroy_object(ObjectAllocator& allocator, T* object) {
    object->~T();
    allocator.free(object, sizeof(T));
}

// One reference less on a frame the VM layer holds; frees it at zero.
void release_frame(PhysicalMemory& frames, PageFrame* frame);

}  // namespace kernel::mm
