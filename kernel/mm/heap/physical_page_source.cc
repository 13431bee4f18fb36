#include "kernel/mm/heap/physical_page_source.h"

#include "kernel/debug/panic.h"
#include "kernel/mm/heap/owner_tag.h"

namespace kernel::mm {
namespace {

FrameUsage usage_of(void* owner) {
    if (owner_tag::slab(owner) != nullptr) return FrameUsage::kSlab;
    if (owner_tag::is_large_block(owner)) return FrameUsage::kKernelHeap;
    return FrameUsage::kGeneral;
}

}  // namespace

os::ErrorOr<void*> PhysicalPageSource::allocate_block(unsigned order) {
    PageRequest request;
    request.order = order;
    PageFrame* frame = TRY(memory_.allocate(request));
    return memory_.virtual_address_of(frame);
}

void PhysicalPageSource::free_block(void* block, unsigned order) {
    // The allocator clears only the head's owner; a stale pointer into any
    // other page of the block must read as foreign too.
    set_owner(block, order, nullptr);
    PageFrame* head = memory_.frame_of_virtual(block);
    if (head == nullptr) panic("heap: free_block(%p): not a page of RAM", block);
    memory_.free(head);
}

void PhysicalPageSource::set_owner(void* block, unsigned order, void* owner) {
    FrameUsage usage = usage_of(owner);
    auto* page = static_cast<uint8_t*>(block);
    for (size_t i = 0; i < (size_t{1} << order); ++i, page += hal::mm::kPageSize) {
        // Frame by frame through the direct map rather than head + i: a block
        // lies inside one zone, but this does not rely on how zones lay out
        // their descriptors.
        PageFrame* frame = memory_.frame_of_virtual(page);
        if (frame == nullptr) panic("heap: set_owner(%p): page %p is not RAM", block, page);
        frame->owner = owner;
        frame->set_usage(usage);
    }
}

void* PhysicalPageSource::owner_of(const void* address) const {
    PageFrame* frame = memory_.frame_of_virtual(address);
    return frame != nullptr ? frame->owner : nullptr;
}

}  // namespace kernel::mm

#if !__STDC_HOSTED__
// PageSource (like other kernel interfaces) has pure virtual functions, whose
// vtable slots name this symbol. Weak, so that a kernel-wide definition wins.
extern "C" [[gnu::weak]] void __cxa_pure_virtual() {
    kernel::panic("pure virtual function called");
}
#endif
