// Inline-only messages as both fast paths move them (fast_path.cc copies
// them in and out of user memory, parking.cc goes IPC buffer to IPC buffer):
// a cairn::Message read as two pieces, the header and, at kTailOffset,
// buffer_length followed by the data, and delivered into a waiting
// partner's IPC buffer or ThreadState.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/ipc.h"
#include "kernel/ipc/message.h"
#include "kernel/ipc/thread_state.h"

namespace kernel::ipc {

struct InlineHeader {
    uint64_t id;
    uint64_t badge;
    uint32_t data_length;
    uint32_t cap_count;
    uint32_t cap_move;
    uint32_t flags;
};
struct InlineTail {
    uint64_t buffer_length;
    uint8_t data[cairn::kMessageDataBytes];
};
inline constexpr uint64_t kTailOffset = offsetof(cairn::Message, buffer_length);
static_assert(offsetof(cairn::Message, flags) + sizeof(uint32_t) == sizeof(InlineHeader));
static_assert(offsetof(cairn::Message, data) == kTailOffset + sizeof(uint64_t));
// deliver_to_user (fast_path.cc) copies these parts of a KernelMessage out
// unchanged.
static_assert(offsetof(KernelMessage, id) == offsetof(cairn::Message, id));
static_assert(offsetof(KernelMessage, badge) == offsetof(cairn::Message, badge));
static_assert(offsetof(KernelMessage, data_length) == offsetof(cairn::Message, data_length));
static_assert(offsetof(KernelMessage, cap_count) == offsetof(cairn::Message, cap_count));
static_assert(offsetof(KernelMessage, cap_move) == offsetof(cairn::Message, cap_move));
static_assert(offsetof(KernelMessage, flags) == offsetof(cairn::Message, flags));
static_assert(offsetof(KernelMessage, data) ==
              offsetof(KernelMessage, buffer_length) + sizeof(uint64_t));
static_assert(offsetof(cairn::Message, data) % sizeof(uint64_t) == 0 &&
              alignof(cairn::Message) >= sizeof(uint64_t));
static_assert(offsetof(KernelMessage, data) % sizeof(uint64_t) == 0 &&
              alignof(KernelMessage) >= sizeof(uint64_t));

// Whether a header describes an inline-only message.
inline bool inline_only(const InlineHeader& header) {
    return header.cap_count == 0 && header.data_length <= cairn::kMessageDataBytes;
}

// The header of the Message in a thread's IPC buffer, copied once (only the
// copy is checked, so another thread of the process rewriting the page
// meanwhile can change the bytes sent but never make the kernel read past
// them); false unless it is an inline-only message without out-of-line
// bytes.
inline bool read_inline_header(const cairn::Message& message, InlineHeader* header) {
    __builtin_memcpy(header, &message, sizeof(InlineHeader));
    uint64_t buffer_length = __atomic_load_n(&message.buffer_length, __ATOMIC_RELAXED);
    return inline_only(*header) && buffer_length == 0;
}

// `length` (<= 64) bytes without a call to memcpy: a full message is one
// fixed-size copy the compiler inlines, a shorter one goes by words. Never
// more than `length` bytes: the rest of the receiver's data stays as it was
// (and nothing the sender did not send reaches it).
// Both ends are 8-byte aligned (the data of a Message or KernelMessage, see
// the static_asserts above): said so, so that no architecture calls memcpy
// for fear of unaligned words (riscv64 would).
[[gnu::always_inline]] inline void copy_data(uint8_t* to, const uint8_t* from, uint32_t length) {
    to = static_cast<uint8_t*>(__builtin_assume_aligned(to, sizeof(uint64_t)));
    from = static_cast<const uint8_t*>(__builtin_assume_aligned(from, sizeof(uint64_t)));
    if (length == cairn::kMessageDataBytes) {
        __builtin_memcpy(to, from, cairn::kMessageDataBytes);
        return;
    }
    uint32_t i = 0;
    for (; i + sizeof(uint64_t) <= length; i += sizeof(uint64_t)) {
        uint64_t word;
        __builtin_memcpy(&word, from + i, sizeof(word));
        __builtin_memcpy(to + i, &word, sizeof(word));
    }
    for (; i < length; ++i) {
        to[i] = from[i];
        __asm__ volatile("" ::: "memory");  // keeps the loop from becoming a memcpy call
    }
}

// The inline message into a KernelMessage (a partner that copies it out itself).
inline void fill(KernelMessage& message, const InlineHeader& header, const uint8_t* data,
                 uint64_t badge, uint32_t flags) {
    message.id = header.id;
    message.badge = badge;
    message.data_length = header.data_length;
    message.flags = flags;
    message.cap_count = 0;
    message.cap_move = 0;
    message.out_of_line = nullptr;  // an idle thread's message holds no buffer
    message.buffer_length = 0;
    copy_data(message.data, data, header.data_length);
}

// The inline message for `partner` (ipc_lock() held): straight into its IPC
// buffer when it waits in a fast-path call on it (then `delivered` is set
// and nothing is left for it to copy), else into its ThreadState.
[[gnu::always_inline]] inline void deliver(ThreadState& partner, const InlineHeader& header,
                                           const uint8_t* data, uint64_t badge, uint32_t flags) {
    cairn::Message* to = partner.direct_to;
    if (to == nullptr) {
        fill(partner.message, header, data, badge, flags);
        return;
    }
    to->id = header.id;
    to->badge = badge;
    to->data_length = header.data_length;
    to->cap_count = 0;
    to->cap_move = 0;
    to->flags = flags;
    to->buffer_length = 0;
    copy_data(to->data, data, header.data_length);
    partner.delivered = true;
}

// Before this thread blocks in a fast-path call on `message` (its IPC
// buffer's, or nullptr): partners may deliver into it directly.
inline void expect_delivery(ThreadState& self, cairn::Message* message) {
    self.direct_to = message;
    self.delivered = false;
}

// After it woke (ipc_lock() held): whether the message is in place already.
inline bool take_delivery(ThreadState& self) {
    bool delivered = self.delivered;
    self.direct_to = nullptr;
    self.delivered = false;
    return delivered;
}

}  // namespace kernel::ipc
