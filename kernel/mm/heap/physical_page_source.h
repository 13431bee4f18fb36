// The kernel's PageSource: blocks from the buddy allocator, reached through
// the direct map, with the heap's owner tags in PageFrame::owner.
#pragma once

#include "kernel/mm/heap/page_source.h"
#include "kernel/mm/physical/physical_memory.h"

namespace kernel::mm {

class PhysicalPageSource final : public PageSource {
public:
    explicit PhysicalPageSource(PhysicalMemory& memory) : memory_(memory) {}

    // From the current CPU's node first (PageRequest's kAnyNode), so per-CPU
    // magazines mostly hold node-local objects.
    os::ErrorOr<void*> allocate_block(unsigned order) override;
    void free_block(void* block, unsigned order) override;
    // Tags every frame of the block and marks its usage (kSlab, kKernelHeap)
    // for the physical memory manager's statistics and debugging.
    void set_owner(void* block, unsigned order, void* owner) override;
    void* owner_of(const void* address) const override;

private:
    PhysicalMemory& memory_;
};

}  // namespace kernel::mm
