// Pinning user pages for the kernel: the IPC buffer (kernel/ipc/ipc_buffer.h)
// and the pages of an out-of-line IPC buffer in flight
// (kernel/ipc/out_of_line.h). A frame reference is taken under lock_, so no
// unmap or memory_take can free the frame between the lookup and the
// reference; afterwards the frame stays the kernel's to read or write
// through the direct map until the reference goes, whatever happens to the
// mapping (an unmapped frame then belongs to nobody else).
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"

namespace kernel::mm {
namespace {

// The head frame of the leaf behind `translation` if it may be pinned: RAM,
// an allocated block with an owner. (User pages are allocated blocks,
// referenced by their object while an entry maps them, which lock_ keeps so.)
PageFrame* pinnable_frame(VmEnvironment& environment, const PageTable::Translation& translation) {
    uint64_t leaf = page_size_bytes(translation.size);
    PageFrame* frame = environment.frames->frame_of(translation.physical & ~(leaf - 1));
    if (frame == nullptr || !frame->is_allocated_head() || frame->reference_count() == 0)
        return nullptr;
    return frame;
}

}  // namespace

os::ErrorOr<PageFrame*> AddressSpace::pin_writable_page(hal::mm::VirtualAddress page) {
    AddressSpaceLockGuard guard(lock_);
    PageTable::Translation translation;
    if (!table_.query(page, &translation)) return os::Error::kBadAddress;
    // A read-only entry may be a frame shared copy-on-write: never pin that.
    if (!translation.attributes.user || !translation.attributes.writable ||
        translation.size != PageSize::k4KiB)
        return os::Error::kBadAddress;
    PageFrame* frame = pinnable_frame(environment_, translation);
    if (frame == nullptr) return os::Error::kBadAddress;
    frame->add_reference();
    return frame;
}

size_t AddressSpace::pin_pages(hal::mm::VirtualAddress first_page, size_t count, bool writable,
                               PinnedPage* pages) {
    AddressSpaceLockGuard guard(lock_);
    for (size_t index = 0; index < count; ++index) {
        hal::mm::VirtualAddress page = first_page + index * hal::mm::kPageSize;
        PageTable::Translation translation;
        if (!table_.query(page, &translation)) return index;
        // Read pins may take a frame shared copy-on-write: a later write by
        // its owner copies it (the pin counts as a sharer), and the kernel
        // only reads it.
        if (!translation.attributes.user || (writable && !translation.attributes.writable))
            return index;
        PageFrame* frame = pinnable_frame(environment_, translation);
        if (frame == nullptr) return index;
        frame->add_reference();
        pages[index].frame = frame;
        pages[index].bytes = static_cast<uint8_t*>(hal::mm::physical_to_virtual(
            translation.physical & ~static_cast<uint64_t>(hal::mm::kPageSize - 1)));
    }
    return count;
}

}  // namespace kernel::mm
