// What generated client stubs and server skeletons call: marshalling a
// request into a cairn::Message (inline when it fits in 64 bytes, else out
// of line), the transport (the kernel's ipc_call on Cairn, an in-process
// loopback in host tests), decoding replies, and the server side: opening
// a request, answering with a reply or an error reply, the serve loop.
//
// One kernel rule shapes the buffers: ipc_call and ipc_reply_receive use
// Message::buffer_length both as the length of the out-of-line bytes sent
// and as the room for those received. So a client that may get an
// out-of-line reply sends that much room's worth of bytes along (the
// payload's true length travels in data[0..4) when kKindOutOfLine is set),
// and every server of such an interface receives with room for the largest
// buffer any of its calls uses (the generated kBufferSize).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/ipc.h"
#include "cairn/status.h"
#include "ipc/message_id.h"
#include "ipc/wire.h"

namespace cairn::ipc {

// How a client's call reaches a server.
struct Transport {
    Status (*call)(void* context, CapSlot endpoint, Message* message);
    void* context;
};

// The kernel's ipc_call (platform_cairn.cc; Cairn builds only).
Transport kernel_transport();

// A server skeleton seen from outside: its dispatch function and object.
struct DispatchTarget {
    Status (*dispatch)(void* server, const Message& request, Message& reply);
    void* server;
};

// Deletes the capabilities a message brought that nobody took (a request
// that failed to decode, a reply the client refused). No-op on the host.
void release_caps(const Message& message);

// Receives on `endpoint` and answers each call through `target` for ever
// (returns only if the endpoint capability fails). `buffer` (buffer_size,
// the interface's kBufferSize, 0 when every payload fits inline) is the
// room for out-of-line requests and the source of out-of-line replies.
// When buffer_size is 0 the loop uses ipc_reply_receive (the kernel's fast
// path); otherwise ipc_reply and ipc_receive. Cairn builds only.
Status serve_loop(CapSlot endpoint, DispatchTarget target, uint8_t* buffer, uint32_t buffer_size);

// ---- shared by client and server ------------------------------------------

// The Message a call is built in: on Cairn the calling thread's IPC buffer
// (cairn::ipc_buffer(): the kernel's fast path reads it without a checked
// copy), on the host `local`. A handler may make calls of its own: answer()
// reads nothing of the request's Message once the handler has started.
Message* call_message(Message& local);

// Clears a message header (no caps, no buffer) and sets its id. The caps
// array is left alone: cap_count says how much of it counts.
inline void reset_message(Message& message, uint64_t id) {
    message.id = id;
    message.badge = 0;
    message.data_length = 0;
    message.cap_count = 0;
    message.cap_move = 0;
    message.flags = 0;
    message.buffer = 0;
    message.buffer_length = 0;
}

// Puts what `out` encoded into `message`: inline if it fits, else out of line
// from `out`'s buffer (kKindOutOfLine and the length in data[0..4)). Caps too.
// Call it after reset_message (cap_count and cap_move are 0). Inline for the
// common case (encoded in place, no caps): the stub's cost is part of every
// call (tests/benchmarks:idl_<arch>).
void attach_payload_slow(Message& message, const Writer& out);
inline void attach_payload(Message& message, const Writer& out) {
    if (out.data() != message.data || out.cap_count() != 0)
        return attach_payload_slow(message, out);
    message.data_length = out.length();
}

// The payload of a received message as a Reader (false if the out-of-line
// length is inconsistent with what arrived).
bool open_out_of_line(const Message& message, Reader* reader);
inline bool open_payload(const Message& message, Reader* reader) {
    if ((message.id & kKindOutOfLine) != 0) return open_out_of_line(message, reader);
    if (message.data_length > kMessageDataBytes) return false;
    uint32_t cap_count = message.cap_count > kMessageCaps ? 0 : message.cap_count;
    *reader = Reader(message.data, message.data_length, message.caps, cap_count);
    return true;
}

// ---- client ---------------------------------------------------------------

// After a transport call: checks the reply belongs to `request_id`, returns
// an error reply's status, or opens the payload for decoding.
Status open_unusual_reply(const Message& reply, uint64_t request_id, Reader* reader);
inline Status open_reply(const Message& reply, uint64_t request_id, Reader* reader) {
    // The common case: an inline, successful reply to this call.
    if (reply.id == (request_id | kKindReply) && reply.data_length <= kMessageDataBytes) {
        uint32_t cap_count = reply.cap_count > kMessageCaps ? 0 : reply.cap_count;
        *reader = Reader(reply.data, reply.data_length, reply.caps, cap_count);
        return Status::kOk;
    }
    return open_unusual_reply(reply, request_id, reader);
}

template <typename Request, typename Reply>
Status call(const Transport& transport, CapSlot endpoint, uint64_t id, const Request& request,
            Reply* reply, uint8_t* buffer, uint32_t buffer_size) {
    Message local;
    Message& message = *call_message(local);
    reset_message(message, id);
    constexpr bool kInlineRequest = Request::kMaxEncodedSize <= kMessageDataBytes;
    Writer out(kInlineRequest ? message.data : buffer,
               kInlineRequest ? static_cast<uint32_t>(kMessageDataBytes) : buffer_size);
    request.encode(out);
    if (out.failed()) return Status::kOutOfRange;
    attach_payload(message, out);
    if constexpr (Reply::kMaxEncodedSize > kMessageDataBytes) {
        // Room for an out-of-line reply (see the top of this file).
        message.buffer = reinterpret_cast<uintptr_t>(buffer);
        if (message.buffer_length < Reply::kMaxEncodedSize)
            message.buffer_length = Reply::kMaxEncodedSize;
    }
    Status status = transport.call(transport.context, endpoint, &message);
    if (status != Status::kOk) return status;
    Reader in(nullptr, 0, nullptr, 0);
    status = open_reply(message, id, &in);
    if (status != Status::kOk) return status;
    *reply = Reply{};
    if (!reply->decode(in) || !in.done()) {
        release_caps(message);
        return Status::kMalformed;
    }
    return Status::kOk;
}

// ---- server ---------------------------------------------------------------

// Who called, as the kernel delivered it: every generated server method gets
// one as its first parameter. dispatch() copies it out of the request before
// the handler runs, so it stays valid when the reply reuses the request's
// Message. `badge` is Message::badge: the badge of the endpoint capability
// the client called through (0 for an unbadged one); servers tell callers
// apart by handing out differently badged copies (cap_mint).
struct CallContext {
    uint64_t badge;
};

// Turns `reply` into an error reply to `request_id` carrying `status`.
void error_reply(Message& reply, uint64_t request_id, Status status);

// Decodes a request, runs `handler(request, &reply)`, encodes the reply.
// `in` may be the same Message as `out` (the serve loop uses one).
template <typename Request, typename Reply, typename Handler>
Status answer(const Message& in, Message& out, uint8_t* buffer, uint32_t buffer_size,
              Handler&& handler) {
    uint64_t id = call_of(in.id);
    Request request{};
    Reader reader(nullptr, 0, nullptr, 0);
    if (!open_payload(in, &reader) || !request.decode(reader) || !reader.done()) {
        release_caps(in);
        error_reply(out, id, Status::kMalformed);
        return Status::kMalformed;
    }
    Reply reply{};
    // From here on `in` is not read: the handler may reuse its Message.
    Status status = handler(request, &reply);
    if (status != Status::kOk) {
        error_reply(out, id, status);
        return status;
    }
    reset_message(out, id | kKindReply);
    constexpr bool kInlineReply = Reply::kMaxEncodedSize <= kMessageDataBytes;
    Writer writer(kInlineReply ? out.data : buffer,
                  kInlineReply ? static_cast<uint32_t>(kMessageDataBytes) : buffer_size);
    reply.encode(writer);
    if (writer.failed()) {
        error_reply(out, id, Status::kOutOfRange);
        return Status::kOutOfRange;
    }
    attach_payload(out, writer);
    return Status::kOk;
}

// The checks every dispatch starts with: a request (no kind bits) of this
// interface in this wire version: kOk, else an error reply in `out` and its
// status (kNotFound for another interface or an unknown method,
// kUnsupported for another version or a reply sent as a request).
Status refuse_request(const Message& in, Message& out, uint32_t interface);
inline Status accept_request(const Message& in, Message& out, uint32_t interface) {
    if (interface_of(in.id) == interface && version_of(in.id) == kWireVersion &&
        (kind_of(in.id) & (kKindReply | kKindError)) == 0)
        return Status::kOk;
    return refuse_request(in, out, interface);
}
Status reject_unknown_method(const Message& in, Message& out);

// ---- host tests -----------------------------------------------------------

// A transport that hands each call straight to a server's dispatch in the
// same process, the way the kernel would: the reply's out-of-line bytes are
// copied into the client's room (kOutOfRange if they do not fit), caps pass
// through unchanged, kMessageFlagCall is set on the request and its badge is
// `badge` (what the kernel would write: the badge of the caller's capability;
// a test sets it to act as a differently badged client).
class Loopback {
public:
    explicit Loopback(DispatchTarget target) : target_(target) {}
    Transport transport() { return {&Loopback::call, this}; }

    uint64_t badge = 0;  // delivered as Message::badge of every request
    uint32_t calls = 0;
    Message last_request = {};  // as the server saw it
    Message last_reply = {};    // as the server sent it

private:
    static Status call(void* context, CapSlot endpoint, Message* message);
    DispatchTarget target_;
};

}  // namespace cairn::ipc
