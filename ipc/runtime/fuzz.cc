#include "ipc/fuzz.h"

namespace cairn::ipc::fuzz {
namespace {

// Out-of-line payloads of fuzz input; libFuzzer's inputs stay well below.
constexpr size_t kPayloadRoom = 64 * 1024;
uint8_t payload[kPayloadRoom];

uint32_t get_u32_at(const uint8_t* data) {
    uint32_t value;
    __builtin_memcpy(&value, data, 4);
    return value;
}

Status answer_with_input(void* context, CapSlot, Message* message) {
    const Input& input = *static_cast<const Input*>(context);
    uint64_t room = message->buffer_length;
    uintptr_t client_buffer = message->buffer;
    uint64_t request = message->id;
    if (!build_message(input, &request, 1, *message)) return Status::kOk;
    if (input.data[0] < 40)  // a reply to the call made (else a raw id)
        message->id = request | kKindReply | (message->id & kKindOutOfLine);
    if (message->buffer_length > room) return Status::kOutOfRange;
    if (message->buffer_length != 0)
        __builtin_memcpy(reinterpret_cast<void*>(client_buffer), payload, message->buffer_length);
    message->buffer = client_buffer;
    return Status::kOk;
}

}  // namespace

bool build_message(Input input, const uint64_t* ids, size_t id_count, Message& message) {
    const uint8_t* data = input.data;
    size_t size = input.size;
    if (size < 2) return false;
    uint8_t choice = data[0], layout = data[1];
    data += 2;
    size -= 2;
    reset_message(message, 0);
    if (choice < id_count * 40) {
        message.id = ids[choice % id_count] | (layout & 0x80 ? kKindReply : 0);
    } else {
        if (size < 8) return false;
        __builtin_memcpy(&message.id, data, 8);
        data += 8;
        size -= 8;
    }
    message.cap_count = (layout >> 1) & 7;
    for (uint32_t i = 0; i < kMessageCaps; ++i)
        message.caps[i] = 100 + i;
    message.flags = kMessageFlagCall;
    if (size > kPayloadRoom) size = kPayloadRoom;
    if ((layout & 1) == 0) {
        message.data_length =
            static_cast<uint32_t>(size > kMessageDataBytes ? kMessageDataBytes : size);
        __builtin_memcpy(message.data, data, message.data_length);
        if (layout & 0x40) message.data_length = static_cast<uint32_t>(size);  // a lying length
        return true;
    }
    message.id |= kKindOutOfLine;
    uint32_t length = static_cast<uint32_t>(size);
    if (layout & 0x40) length += layout & 0x3f;  // claims more than arrived
    __builtin_memcpy(message.data, &length, 4);
    message.data_length = 4;
    __builtin_memcpy(payload, data, size);
    message.buffer = reinterpret_cast<uintptr_t>(payload);
    message.buffer_length = size;
    return true;
}

bool payload_of(const Message& message, const uint8_t** bytes, uint32_t* length) {
    if ((message.id & kKindOutOfLine) == 0) {
        if (message.data_length > kMessageDataBytes) return false;
        *bytes = message.data;
        *length = message.data_length;
        return true;
    }
    if (message.data_length != 4 || message.buffer == 0) return false;
    *length = get_u32_at(message.data);
    if (*length > message.buffer_length) return false;
    *bytes = reinterpret_cast<const uint8_t*>(message.buffer);
    return true;
}

bool patch(Message& message, uint8_t* base, uint32_t length, uint32_t room) {
    const uint8_t* bytes = nullptr;
    uint32_t size = 0;
    if (!payload_of(message, &bytes, &size) || size < 2) return false;
    uint32_t offset = (bytes[0] | bytes[1] << 8) % (length + 1);
    uint32_t count = size - 2 < room - offset ? size - 2 : room - offset;
    // Copied before the header changes: `bytes` may be message.data.
    __builtin_memmove(base + offset, bytes + 2, count);
    uint32_t patched = offset + count > length ? offset + count : length;
    message.id |= kKindOutOfLine;
    __builtin_memcpy(message.data, &patched, 4);
    message.data_length = 4;
    message.buffer = reinterpret_cast<uintptr_t>(base);
    message.buffer_length = patched;
    return true;
}

Transport reply_transport(const Input* input) {
    return {&answer_with_input, const_cast<Input*>(input)};
}

void dispatch(DispatchTarget target, const Message& request) {
    Message reply;
    Status status = target.dispatch(target.server, request, reply);
    require((reply.id & kKindReply) != 0);
    if (status != Status::kOk) {
        require((reply.id & kKindError) != 0);
    } else {
        Reader reader(nullptr, 0, nullptr, 0);
        require(open_reply(reply, call_of(request.id), &reader) == Status::kOk);
    }
    Message same = request;
    (void)target.dispatch(target.server, same, same);
}

}  // namespace cairn::ipc::fuzz
