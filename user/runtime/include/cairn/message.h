// Small helpers for IPC messages (abi/cairn/ipc.h; this header is not named
// cairn/ipc.h because that name is the ABI's) over the system call
// wrappers of cairn/sys.h:
//
//   cairn::Message request = cairn::make_message(kMethodRead);
//   cairn::put(request, Header{...});          // inline data, <= 64 bytes
//   cairn::attach_cap(request, slot, /*move=*/true);
//   cairn::Result result = cairn::sys::ipc_call(endpoint, &request);
//   const Reply* reply = cairn::get<Reply>(request);  // null if too short
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cairn/ipc.h"
#include "cairn/sys.h"

namespace cairn {

// The calling thread's Message slot at the start of its IPC buffer (the
// runtime registers one page per thread with thread_set_ipc_buffer): an
// ipc_call or ipc_reply_receive whose Message is this one reaches the kernel
// without a checked user copy (the fast path). Each thread has its own;
// the slot is overwritten by every call that uses it. Never null: if the
// kernel refused the registration it is a thread_local Message (the calls
// then just take the copying path).
Message* ipc_buffer();

// A message with id `id` and nothing else (zeroed).
inline Message make_message(uint64_t id = 0) {
    Message message;
    memset(&message, 0, sizeof message);
    message.id = id;
    return message;
}

// Copies `length` bytes (<= kMessageDataBytes) into the inline data; false
// (and nothing changed) if they do not fit.
inline bool put_bytes(Message& message, const void* bytes, size_t length) {
    if (length > kMessageDataBytes) return false;
    memcpy(message.data, bytes, length);
    message.data_length = static_cast<uint32_t>(length);
    return true;
}

// The inline data as a T: put stores one, get returns it when the message
// carries at least sizeof(T) bytes (else null).
template <typename T>
inline void put(Message& message, const T& value) {
    static_assert(sizeof(T) <= kMessageDataBytes, "the inline data holds 64 bytes");
    put_bytes(message, &value, sizeof(T));
}
template <typename T>
inline const T* get(const Message& message) {
    static_assert(sizeof(T) <= kMessageDataBytes, "the inline data holds 64 bytes");
    if (message.data_length < sizeof(T)) return nullptr;
    return reinterpret_cast<const T*>(message.data);
}

// Adds a capability to send (GRANT needed on it); `move` empties the slot
// on delivery instead of copying. False if the message already holds 4.
inline bool attach_cap(Message& message, CapSlot slot, bool move = false) {
    if (message.cap_count >= kMessageCaps) return false;
    if (move) message.cap_move |= 1u << message.cap_count;
    message.caps[message.cap_count++] = slot;
    return true;
}

// The out-of-line buffer: on send the bytes to copy, on receive the room.
inline void set_buffer(Message& message, const void* buffer, uint64_t length) {
    message.buffer = reinterpret_cast<uintptr_t>(buffer);
    message.buffer_length = length;
}

inline bool is_call(const Message& message) {
    return (message.flags & kMessageFlagCall) != 0;
}
inline bool is_notification(const Message& message) {
    return (message.flags & kMessageFlagNotification) != 0;
}

}  // namespace cairn
