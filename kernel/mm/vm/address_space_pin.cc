// Pinning one user page for the kernel (the IPC buffer, kernel/ipc/ipc_buffer.h):
// a frame reference taken under lock_, so no unmap can free the frame
// between the lookup and the reference.
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"

namespace kernel::mm {

os::ErrorOr<PageFrame*> AddressSpace::pin_writable_page(hal::mm::VirtualAddress page) {
    AddressSpaceLockGuard guard(lock_);
    PageTable::Translation translation;
    if (!table_.query(page, &translation)) return os::Error::kBadAddress;
    // A read-only entry may be a frame shared copy-on-write: never pin that.
    if (!translation.attributes.user || !translation.attributes.writable)
        return os::Error::kBadAddress;
    PageFrame* frame = environment_.frames->frame_of(translation.physical);
    // Not RAM (a device region), or not a frame with an owner: never pin.
    // (User pages are allocated order-0 blocks, referenced by their object
    // while this entry maps them, which lock_ keeps so.)
    if (frame == nullptr || !frame->is_allocated_head() || frame->reference_count() == 0)
        return os::Error::kBadAddress;
    frame->add_reference();
    return frame;
}

}  // namespace kernel::mm
