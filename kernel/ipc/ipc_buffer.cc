#include "kernel/ipc/ipc_buffer.h"

#include "hal/mm.h"
#include "kernel/ipc/thread_state.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/vm_environment.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::ipc {

static_assert(cairn::kIpcBufferSize == hal::mm::kPageSize, "one pinned frame per buffer");
static_assert(sizeof(cairn::Message) <= cairn::kIpcBufferSize);

void clear_ipc_buffer(IpcBuffer& buffer) {
    if (buffer.frame != nullptr) mm::release_frame(*mm::vm_environment().frames, buffer.frame);
    buffer = IpcBuffer{};
}

os::ErrorOr<void> set_ipc_buffer(uint64_t address) {
    ThreadState* self = TRY(current_state());
    clear_ipc_buffer(self->buffer);
    if (address == 0) return {};
    if (address % cairn::kIpcBufferSize != 0) return os::Error::kInvalidArgument;
    if (!syscall::is_user_range(address, cairn::kIpcBufferSize)) return os::Error::kBadAddress;
    mm::AddressSpace* space = mm::current_address_space();
    if (space == nullptr) return os::Error::kBadAddress;
    // Rewriting the first word faults the page in for writing, which also
    // gives this space its own copy if it was shared copy-on-write; only
    // then is its entry writable and pinnable.
    uint64_t word;
    TRY(syscall::copy_in(&word, address, sizeof(word)));
    TRY(syscall::copy_out(address, &word, sizeof(word)));
    mm::PageFrame* frame = TRY(space->pin_writable_page(address));
    self->buffer.address = address;
    self->buffer.frame = frame;
    self->buffer.message =
        static_cast<cairn::Message*>(mm::vm_environment().frames->virtual_address_of(frame));
    return {};
}

}  // namespace kernel::ipc
