#include "ipc/rpc.h"

namespace cairn::ipc {
namespace {

void put_u32_at(uint8_t* data, uint32_t value) {
    for (int i = 0; i < 4; ++i)
        data[i] = static_cast<uint8_t>(value >> (8 * i));
}

uint32_t get_u32_at(const uint8_t* data) {
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i)
        value |= static_cast<uint32_t>(data[i]) << (8 * i);
    return value;
}

}  // namespace

void attach_payload_slow(Message& message, const Writer& out) {
    if (out.data() == message.data) {
        message.data_length = out.length();
    } else if (out.length() <= kMessageDataBytes) {
        __builtin_memcpy(message.data, out.data(), out.length());
        message.data_length = out.length();
    } else {
        message.id |= kKindOutOfLine;
        put_u32_at(message.data, out.length());
        message.data_length = 4;
        message.buffer = reinterpret_cast<uintptr_t>(out.data());
        message.buffer_length = out.length();
    }
    message.cap_count = out.cap_count();
    message.cap_move = out.cap_move();
    for (uint32_t i = 0; i < out.cap_count(); ++i)
        message.caps[i] = out.cap(i);
}

bool open_out_of_line(const Message& message, Reader* reader) {
    uint32_t cap_count = message.cap_count > kMessageCaps ? 0 : message.cap_count;
    // Out of line: the true length first, then at most what arrived (the
    // sender may have sent extra room; see rpc.h).
    if (message.data_length != 4) return false;
    uint32_t length = get_u32_at(message.data);
    if (length > message.buffer_length || message.buffer == 0) return false;
    *reader =
        Reader(reinterpret_cast<const uint8_t*>(message.buffer), length, message.caps, cap_count);
    return true;
}

Status open_unusual_reply(const Message& reply, uint64_t request_id, Reader* reader) {
    if (call_of(reply.id) != request_id || (kind_of(reply.id) & kKindReply) == 0) {
        release_caps(reply);
        return Status::kMalformed;
    }
    if ((kind_of(reply.id) & kKindError) != 0) {
        release_caps(reply);
        if (reply.data_length != 4) return Status::kMalformed;
        int32_t status = static_cast<int32_t>(get_u32_at(reply.data));
        // Only error codes: a server cannot make a failed call look like kOk.
        return status < 0 ? static_cast<Status>(status) : Status::kMalformed;
    }
    if (!open_payload(reply, reader)) {
        release_caps(reply);
        return Status::kMalformed;
    }
    return Status::kOk;
}

void error_reply(Message& reply, uint64_t request_id, Status status) {
    reset_message(reply, call_of(request_id) | kKindReply | kKindError);
    put_u32_at(reply.data, static_cast<uint32_t>(static_cast<int32_t>(status)));
    reply.data_length = 4;
}

Status refuse_request(const Message& in, Message& out, uint32_t interface) {
    Status status = Status::kOk;
    if (interface_of(in.id) != interface)
        status = Status::kNotFound;
    else if (version_of(in.id) != kWireVersion || (kind_of(in.id) & (kKindReply | kKindError)) != 0)
        status = Status::kUnsupported;
    if (status == Status::kOk) return status;
    release_caps(in);
    error_reply(out, in.id, status);
    return status;
}

Status reject_unknown_method(const Message& in, Message& out) {
    release_caps(in);
    error_reply(out, in.id, Status::kNotFound);
    return Status::kNotFound;
}

Status Loopback::call(void* context, CapSlot, Message* message) {
    auto* self = static_cast<Loopback*>(context);
    ++self->calls;
    // The kernel delivers a copy: the server never writes the client's Message.
    self->last_request = *message;
    self->last_request.flags = kMessageFlagCall;
    self->last_request.badge = self->badge;
    Message reply;
    reset_message(reply, 0);
    self->target_.dispatch(self->target_.server, self->last_request, reply);
    self->last_reply = reply;
    uint64_t room = message->buffer_length;
    if (reply.buffer_length > room) return Status::kOutOfRange;
    uint64_t client_buffer = message->buffer;
    if (reply.buffer_length != 0)
        __builtin_memcpy(reinterpret_cast<void*>(client_buffer),
                         reinterpret_cast<const void*>(reply.buffer), reply.buffer_length);
    *message = reply;
    message->buffer = client_buffer;
    return Status::kOk;
}

}  // namespace cairn::ipc
