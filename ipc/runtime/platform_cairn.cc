// The Cairn flavour of the runtime's platform hooks: the kernel transport,
// capability checks and the serve loop, on the system call wrappers.
#include "cairn/message.h"
#include "cairn/sys.h"
#include "ipc/rpc.h"

namespace cairn::ipc {
namespace {

Status kernel_call(void*, CapSlot endpoint, Message* message) {
    return sys::ipc_call(endpoint, message).status();
}

// A failed receive that will not get better by trying again.
bool endpoint_unusable(Status status) {
    return status == Status::kNoCapability || status == Status::kWrongType ||
           status == Status::kMissingRights || status == Status::kBadAddress;
}

void prepare_receive(Message& message, uint8_t* buffer, uint32_t buffer_size) {
    reset_message(message, 0);
    if (buffer_size == 0) return;
    message.buffer = reinterpret_cast<uintptr_t>(buffer);
    message.buffer_length = buffer_size;
}

}  // namespace

Transport kernel_transport() {
    return {&kernel_call, nullptr};
}

Message* call_message(Message&) {
    return ipc_buffer();
}

bool check_rights(CapSlot slot, uint64_t rights) {
    CapInfo info;
    if (!sys::cap_info(slot, &info).ok()) return false;
    return (info.rights & rights) == rights;
}

void release_caps(const Message& message) {
    uint32_t count = message.cap_count > kMessageCaps ? kMessageCaps : message.cap_count;
    for (uint32_t i = 0; i < count; ++i)
        (void)sys::cap_delete(message.caps[i]);
}

Status serve_loop(CapSlot endpoint, DispatchTarget target, uint8_t* buffer, uint32_t buffer_size) {
    // The thread's IPC buffer: replies and receives take the kernel's fast path.
    Message& message = *ipc_buffer();
    prepare_receive(message, buffer, buffer_size);
    Result received = sys::ipc_receive(endpoint, &message);
    for (;;) {
        if (!received.ok()) {
            if (endpoint_unusable(received.status())) return received.status();
            prepare_receive(message, buffer, buffer_size);
            received = sys::ipc_receive(endpoint, &message);
            continue;
        }
        bool is_call = (message.flags & kMessageFlagCall) != 0;
        if ((message.flags & kMessageFlagNotification) != 0) {
            is_call = false;  // a bound notification, not a request
        } else {
            target.dispatch(target.server, message, message);
        }
        if (is_call && buffer_size == 0) {
            // Every payload is inline: reply and wait in one call.
            received = sys::ipc_reply_receive(endpoint, &message);
            continue;
        }
        // The reply may carry out-of-line bytes and the next request may need
        // room: two calls (rpc.h explains why one cannot do both).
        if (is_call) (void)sys::ipc_reply(kNullSlot, message);
        prepare_receive(message, buffer, buffer_size);
        received = sys::ipc_receive(endpoint, &message);
    }
}

}  // namespace cairn::ipc
