// What both fast paths share (fast_path.cc copies messages in and out of
// user memory, parking.cc goes IPC buffer to IPC buffer): inline-only
// messages, a cairn::Message read as two pieces, the header and, at
// kTailOffset, buffer_length followed by the data, and delivered into a
// waiting partner's IPC buffer or ThreadState; which calls qualify and
// which partner takes the message. hand_over() is fast_path.cc's: parking.cc
// settles a parked partner in place instead (settle_parked()).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/ipc.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/message.h"
#include "kernel/ipc/thread_state.h"

namespace kernel::ipc {

struct InlineHeader {
    uint64_t id;
    uint64_t badge;
    // A Message's data_length and cap_count as one word, little-endian:
    // <= 64 exactly when cap_count is 0 and data_length <= 64 (inline_only()),
    // and then it is data_length, a full register with nothing to extend.
    uint64_t length_and_caps;
    uint32_t cap_move;
    uint32_t flags;

    // Once inline_only(): the number of data bytes.
    uint64_t data_length() const { return length_and_caps; }
};
static_assert(offsetof(InlineHeader, length_and_caps) == offsetof(cairn::Message, data_length) &&
              offsetof(cairn::Message, cap_count) ==
                  offsetof(cairn::Message, data_length) + sizeof(uint32_t) &&
              __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
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

// Whether a header describes an inline-only message: one compare (riscv64
// would need five instructions for two tests).
inline bool inline_only(const InlineHeader& header) {
    return header.length_and_caps <= cairn::kMessageDataBytes;
}

// The header of the Message in a thread's IPC buffer, copied once (only the
// copy is checked, so another thread of the process rewriting the page
// meanwhile can change the bytes sent but never make the kernel read past
// them); false unless it is an inline-only message without out-of-line
// bytes.
inline bool read_inline_header(const cairn::Message& message, InlineHeader* header) {
    __builtin_memcpy(header, &message, sizeof(InlineHeader));
    // This test first: before the load below, compilers keep the two apart
    // instead of making them flag arithmetic.
    if (!inline_only(*header)) [[unlikely]]
        return false;
    return __atomic_load_n(&message.buffer_length, __ATOMIC_RELAXED) == 0;
}

// `length` (<= 64) bytes without a call to memcpy: a full message is one
// fixed-size copy the compiler inlines, a shorter one goes by words. Never
// more than `length` bytes: the rest of the receiver's data stays as it was
// (and nothing the sender did not send reaches it).
// Both ends are 8-byte aligned (the data of a Message or KernelMessage, see
// the static_asserts above): said so, so that no architecture calls memcpy
// for fear of unaligned words (riscv64 would).
// (`length` is 64-bit so that no architecture extends it for the tests.)
[[gnu::always_inline]] inline void copy_data(uint8_t* to, const uint8_t* from, uint64_t length) {
    to = static_cast<uint8_t*>(__builtin_assume_aligned(to, sizeof(uint64_t)));
    from = static_cast<const uint8_t*>(__builtin_assume_aligned(from, sizeof(uint64_t)));
    if (length == cairn::kMessageDataBytes) {
        __builtin_memcpy(to, from, cairn::kMessageDataBytes);
        return;
    }
    uint64_t i = 0;
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
    message.data_length = static_cast<uint32_t>(header.data_length());
    message.flags = flags;
    message.cap_count = 0;
    message.cap_move = 0;
    message.out_of_line = nullptr;  // an idle thread's message holds no buffer
    message.buffer_length = 0;
    copy_data(message.data, data, header.data_length());
}

// The inline message into a Message in user memory (an IPC buffer, through
// the direct map).
[[gnu::always_inline]] inline void write_message(cairn::Message& to, const InlineHeader& header,
                                                 const uint8_t* data, uint64_t badge,
                                                 uint32_t flags) {
    to.id = header.id;
    to.badge = badge;
    to.data_length = static_cast<uint32_t>(header.data_length());
    to.cap_count = 0;
    to.cap_move = 0;
    to.flags = flags;
    to.buffer_length = 0;
    copy_data(to.data, data, header.data_length());
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
    write_message(*to, header, data, badge, flags);
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

// The running thread's state when a fast path may serve its call: no
// deadline, a thread of a process, no bound notification (whose bits a
// receive would have to look at); nullptr otherwise.
// The tests here and on the fast path come one test and branch each, the
// likely way first: combined, compilers turn them into flag arithmetic,
// which costs riscv64 several instructions a test.
inline ThreadState* fast_state(sched::Thread& thread, uint64_t timeout) {
    if (timeout != cairn::kForever) [[unlikely]]
        return nullptr;
    ThreadState* self = state_of(thread);
    if (self == nullptr) [[unlikely]]
        return nullptr;
    if (self->space == nullptr) [[unlikely]]
        return nullptr;
    if (self->bound != nullptr) [[unlikely]]
        return nullptr;
    return self;
}

// The partner that would take the message of `caller`'s call (`is_call`) or
// reply_receive now (ipc_lock() held), or nullptr. ipc_call: the first
// receiver waiting on `endpoint` if it owes no reply; ipc_reply_receive: the caller `self` owes
// a reply to, which still awaits it, and only when no sender is queued (the
// receive would take that one). Either way only a partner still waiting and
// at least as urgent as the caller (priority number <= the caller's).
[[gnu::always_inline]] inline ThreadState* waiting_partner(bool is_call, ThreadState& self,
                                                           const sched::Thread& caller,
                                                           Endpoint& endpoint) {
    if (endpoint.dead()) [[unlikely]]
        return nullptr;
    ThreadState* partner;
    if (is_call) {
        if (!endpoint.has_receivers()) [[unlikely]]
            return nullptr;
        partner = &endpoint.front_receiver();
        // One that owes an older reply still (it received without
        // answering) is left to the general path: dropping that reply wakes
        // its caller, which parking.cc could not do with a CPU lock held.
        if (partner->owed.caller != nullptr) [[unlikely]]
            return nullptr;
    } else {
        partner = self.owed.caller;
        if (partner == nullptr) [[unlikely]]
            return nullptr;
        if (endpoint.has_senders()) [[unlikely]]
            return nullptr;
        if (partner->phase != Phase::kAwaitingReply) [[unlikely]]
            return nullptr;
        if (partner->call_sequence != self.owed.sequence) [[unlikely]]
            return nullptr;
    }
    if (!partner->waiting) [[unlikely]]
        return nullptr;
    if (partner->thread->priority > caller.priority) [[unlikely]]
        return nullptr;
    return partner;
}

// Hands the inline message to waiting_partner()'s `partner` (ipc_lock()
// held): for a call, with the capability's `badge`, `self` then awaits the
// reply the partner now owes it; for a reply_receive, the reply ends the
// partner's call and `self` waits on `endpoint` for the next message.
[[gnu::always_inline]] inline void hand_over(bool is_call, ThreadState& self, ThreadState& partner,
                                             Endpoint& endpoint, const InlineHeader& header,
                                             const uint8_t* data, uint64_t badge) {
    if (is_call) {
        ++self.call_sequence;  // (is_call matters only to a queued sender)
        self.capacity = 0;
        deliver(partner, header, data, badge, cairn::kMessageFlagCall);
        Endpoint::withdraw(partner);
        owe_reply(partner, self);
    } else {
        deliver(partner, header, data, 0, 0);
        self.owed.caller = nullptr;
        endpoint.enqueue_receiver(self, 0);
    }
}

}  // namespace kernel::ipc
