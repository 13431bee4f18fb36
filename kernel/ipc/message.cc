#include "kernel/ipc/message.h"

namespace kernel::ipc {

os::ErrorOr<void> validate_outgoing(const cairn::Message& message) {
    if (message.data_length > cairn::kMessageDataBytes) return os::Error::kInvalidArgument;
    if (message.cap_count > cairn::kMessageCaps) return os::Error::kInvalidArgument;
    if ((message.cap_move >> message.cap_count) != 0) return os::Error::kInvalidArgument;
    if (message.buffer_length > cairn::kMaxOutOfLineBytes) return os::Error::kOutOfRange;
    if (message.buffer_length != 0 && message.buffer == 0) return os::Error::kBadAddress;
    return {};
}

void from_user(const cairn::Message& in, KernelMessage* out) {
    out->id = in.id;
    out->badge = 0;
    out->flags = 0;
    out->data_length = in.data_length;
    out->cap_count = in.cap_count;
    out->cap_move = in.cap_move;
    for (uint32_t i = 0; i < cairn::kMessageCaps; ++i)
        out->caps[i] = i < in.cap_count ? in.caps[i] : 0;
    out->out_of_line = nullptr;
    out->buffer_length = 0;
    __builtin_memcpy(out->data, in.data, in.data_length);
}

void to_user(const KernelMessage& message, uint64_t user_buffer, cairn::Message* out) {
    out->id = message.id;
    out->badge = message.badge;
    out->data_length = message.data_length;
    out->cap_count = message.cap_count;
    out->cap_move = 0;
    out->flags = message.flags;
    for (uint32_t i = 0; i < cairn::kMessageCaps; ++i)
        out->caps[i] = i < message.cap_count ? message.caps[i] : 0;
    out->buffer = user_buffer;
    out->buffer_length = message.buffer_length;
    __builtin_memcpy(out->data, message.data, message.data_length);
    // Bytes past data_length are zero: nothing of an earlier message leaks.
    for (uint32_t i = message.data_length; i < cairn::kMessageDataBytes; ++i)
        out->data[i] = 0;
}

}  // namespace kernel::ipc
