// libFuzzer on the generated Kitchen server's dispatch and client's reply
// decoding (kitchen.proto covers every field type). The first bytes pick the
// message id, the payload's place (inline or out of line) and the caps; the
// rest is the payload. Built with -fsanitize=fuzzer,address; `bazel test`
// runs a bounded number of inputs (BUILD: -runs).
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ipc/testdata/kitchen_server.h"

namespace {

using cairn::Message;
namespace ipc = cairn::ipc;
using idltest::KitchenInterface;

constexpr uint64_t kIds[] = {KitchenInterface::kAddId, KitchenInterface::kMirrorId,
                             KitchenInterface::kFetchId, KitchenInterface::kNothingId,
                             KitchenInterface::kSayId};

idltest::TestKitchen server;
uint8_t buffer[4096];

// Builds a message from fuzz input: id choice, layout byte, payload.
bool build(const uint8_t* data, size_t size, Message& message) {
    if (size < 2) return false;
    uint8_t choice = data[0], layout = data[1];
    data += 2;
    size -= 2;
    ipc::reset_message(message, 0);
    if (choice < 5 * 40) {
        message.id = kIds[choice % 5] | (layout & 0x80 ? ipc::kKindReply : 0);
    } else {
        if (size < 8) return false;
        memcpy(&message.id, data, 8);
        data += 8;
        size -= 8;
    }
    message.cap_count = (layout >> 1) & 7;  // up to 7: more than a message carries
    for (uint32_t i = 0; i < 4; ++i)
        message.caps[i] = 100 + i;
    message.flags = cairn::kMessageFlagCall;
    if (size > sizeof buffer) size = sizeof buffer;
    if ((layout & 1) == 0) {
        message.data_length = static_cast<uint32_t>(size > 64 ? 64 : size);
        memcpy(message.data, data, message.data_length);
        if (layout & 0x40) message.data_length = size;  // a lying length
        return true;
    }
    message.id |= ipc::kKindOutOfLine;
    uint32_t length = static_cast<uint32_t>(size);
    if (layout & 0x40) length += layout & 0x3f;  // claims more than arrived
    memcpy(message.data, &length, 4);
    message.data_length = 4;
    memcpy(buffer, data, size);
    message.buffer = reinterpret_cast<uintptr_t>(buffer);
    message.buffer_length = size;
    return true;
}

// The transport of the client half: answers every call with the fuzz input.
const uint8_t* reply_data;
size_t reply_size;

cairn::Status fuzz_reply(void*, cairn::CapSlot, Message* message) {
    uint64_t room = message->buffer_length;
    uintptr_t client_buffer = message->buffer;
    uint64_t request = message->id;
    if (!build(reply_data, reply_size, *message)) return cairn::Status::kOk;
    if (reply_data[0] < 5 * 40)  // replies to the call made
        message->id = request | ipc::kKindReply | (message->id & ipc::kKindOutOfLine);
    if (message->buffer_length > room) return cairn::Status::kOutOfRange;
    if (message->buffer_length != 0)
        memcpy(reinterpret_cast<void*>(client_buffer), buffer, message->buffer_length);
    message->buffer = client_buffer;
    return cairn::Status::kOk;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Message in, out;
    if (!build(data, size, in)) return 0;
    // Server: every input ends in a reply; an error reply carries an error.
    cairn::Status status = server.dispatch(in, out);
    if ((out.id & ipc::kKindReply) == 0) __builtin_trap();
    if (status != cairn::Status::kOk && (out.id & ipc::kKindError) == 0) __builtin_trap();
    Message same = in;
    (void)server.dispatch(same, same);  // the serve loop's aliasing

    // Client: whatever comes back decodes or fails cleanly.
    reply_data = data;
    reply_size = size;
    idltest::KitchenClient client(1, ipc::Transport{&fuzz_reply, nullptr});
    idltest::Everything everything;
    idltest::Point point;
    if (data[1] & 0x20)
        (void)client.Fetch(idltest::Small{1}, &everything);
    else
        (void)client.Add(idltest::Point{1, 2}, &point);
    return 0;
}
