#include "kernel/ipc/fast_path.h"

#include <stddef.h>

#include "cairn/ipc.h"
#include "cairn/syscalls.h"
#include "kernel/cap/capability_space.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/out_of_line.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::ipc {
namespace {

using syscall::copy_in;
using syscall::copy_out;

// cairn::Message in the two pieces the fast path copies: the header and,
// at kTailOffset, buffer_length followed by the data.
struct Header {
    uint64_t id;
    uint64_t badge;
    uint32_t data_length;
    uint32_t cap_count;
    uint32_t cap_move;
    uint32_t flags;
};
struct Tail {
    uint64_t buffer_length;
    uint8_t data[cairn::kMessageDataBytes];
};
constexpr uint64_t kTailOffset = offsetof(cairn::Message, buffer_length);
static_assert(offsetof(cairn::Message, flags) + sizeof(uint32_t) == sizeof(Header));
static_assert(offsetof(cairn::Message, data) == kTailOffset + sizeof(uint64_t));
// deliver_to_user copies these parts of a KernelMessage out unchanged.
static_assert(offsetof(KernelMessage, id) == offsetof(cairn::Message, id));
static_assert(offsetof(KernelMessage, badge) == offsetof(cairn::Message, badge));
static_assert(offsetof(KernelMessage, data_length) == offsetof(cairn::Message, data_length));
static_assert(offsetof(KernelMessage, cap_count) == offsetof(cairn::Message, cap_count));
static_assert(offsetof(KernelMessage, cap_move) == offsetof(cairn::Message, cap_move));
static_assert(offsetof(KernelMessage, flags) == offsetof(cairn::Message, flags));
static_assert(offsetof(KernelMessage, data) ==
              offsetof(KernelMessage, buffer_length) + sizeof(uint64_t));

// Whether a header describes an inline-only message.
bool inline_only(const Header& header) {
    return header.cap_count == 0 && header.data_length <= cairn::kMessageDataBytes;
}

// An inline-only message from user memory: false (slow path) for anything
// else, or a bad address (the slow path reports it). `*data` points at its
// bytes: in the thread's IPC buffer (ipc_buffer.h) when the Message is
// there, else in `tail`, copied in. The header is copied first and only the
// copy is checked, so another thread rewriting the buffer meanwhile can
// change the bytes sent but not make the kernel read past them.
bool read_inline(const IpcBuffer& buffer, uint64_t address, Header* header, Tail* tail,
                 const uint8_t** data) {
    if (const cairn::Message* message = buffer.at(address)) {
        __builtin_memcpy(header, message, sizeof(Header));
        *data = message->data;
        uint64_t buffer_length = __atomic_load_n(&message->buffer_length, __ATOMIC_RELAXED);
        return inline_only(*header) && buffer_length == 0;
    }
    if (address % alignof(cairn::Message) != 0) return false;
    if (copy_in(header, address, sizeof(Header)).is_error()) return false;
    if (!inline_only(*header)) return false;
    if (copy_in(tail, address + kTailOffset, sizeof(uint64_t) + header->data_length).is_error())
        return false;
    *data = tail->data;
    return tail->buffer_length == 0;
}

// `length` (<= 64) bytes without a call to memcpy: a full message is one
// fixed-size copy the compiler inlines, a shorter one goes by words. Never
// more than `length` bytes: the rest of the receiver's data stays as it was
// (and nothing the sender did not send reaches it).
void copy_data(uint8_t* to, const uint8_t* from, uint32_t length) {
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

void fill(KernelMessage& message, const Header& header, const uint8_t* data, uint64_t badge,
          uint32_t flags) {
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

// The inline message for `partner`: straight into its IPC buffer when it
// waits in a fast-path call on it (then nothing is left for it to copy),
// else into its ThreadState. ipc_lock() held.
void deliver(ThreadState& partner, const Header& header, const uint8_t* data, uint64_t badge,
             uint32_t flags) {
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

// Before this thread blocks in a fast-path call on the Message at `address`:
// partners may deliver into it directly if it is the IPC buffer.
void expect_delivery(ThreadState& self, uint64_t address) {
    self.direct_to = self.buffer.at(address);
    self.delivered = false;
}

// After it woke (ipc_lock() held): whether the message is in place already.
bool take_delivery(ThreadState& self) {
    bool delivered = self.delivered;
    self.direct_to = nullptr;
    self.delivered = false;
    return delivered;
}

// The running thread's state when the fast path may serve it.
ThreadState* fast_state(sched::Thread& thread, uint64_t timeout) {
    if (timeout != cairn::kForever) return nullptr;
    ThreadState* self = state_of(thread);
    if (self == nullptr || self->space == nullptr || self->bound != nullptr) return nullptr;
    return self;
}

// What both fast-path calls check and read first: (endpoint, Message*,
// timeout) arguments, an inline-only message, an endpoint capability with
// `rights`. prepare() false: the slow path handles the call (and reports
// whatever was wrong).
struct FastCall {
    ThreadState* self = nullptr;
    Header header;
    Tail tail;
    const uint8_t* data = nullptr;  // header.data_length bytes (see read_inline)
    cap::Capability capability;

    bool prepare(sched::Thread& thread, const hal::syscall::Arguments& arguments,
                 cairn::Rights rights) {
        self = fast_state(thread, arguments.values[2]);
        if (self == nullptr ||
            !read_inline(self->buffer, arguments.values[1], &header, &tail, &data)) {
            return false;
        }
        auto found =
            self->space->lookup(arguments.values[0], object::ObjectType::kEndpoint, rights);
        if (found.is_error()) return false;
        capability = found.release_value();
        return true;
    }
};

int64_t finish_call(os::ErrorOr<void> result, bool delivered, ThreadState& self, uint64_t address) {
    if (result.is_error()) return syscall::error_result(result.error());
    if (delivered) return 0;
    return syscall::result_of(deliver_to_user(self, address, 0));
}

}  // namespace

os::ErrorOr<void> deliver_to_user(ThreadState& self, uint64_t address, uint64_t user_buffer) {
    KernelMessage& arrived = self.message;
    if (arrived.cap_count == 0 && arrived.out_of_line == nullptr) {
        // Straight from the kernel message: its header and its
        // buffer_length + data have cairn::Message's layout (see below).
        arrived.cap_move = 0;
        arrived.buffer_length = 0;
        if (cairn::Message* message = self.buffer.at(address)) {
            __builtin_memcpy(message, &arrived, sizeof(Header));
            message->buffer_length = 0;
            copy_data(message->data, arrived.data, arrived.data_length);
            return {};
        }
        if (address % alignof(cairn::Message) != 0) return os::Error::kBadAddress;
        TRY(copy_out(address, &arrived, sizeof(Header)));
        return copy_out(address + kTailOffset, &arrived.buffer_length,
                        sizeof(uint64_t) + arrived.data_length);
    }
    os::ErrorOr<void> copied;
    if (arrived.out_of_line != nullptr) {
        // The one copy, from the sender's pinned pages; a fault here leaves
        // the receiver's Message untouched (buffer_length not updated), so
        // a partly written buffer is never reported as a message.
        copied = copy_to_user(*arrived.out_of_line, user_buffer);
        give_back(arrived.out_of_line);
        arrived.out_of_line = nullptr;
    }
    cairn::Message out;
    to_user(arrived, user_buffer, &out);
    arrived.buffer_length = 0;
    TRY(copied);
    if (cairn::Message* message = self.buffer.at(address)) {
        __builtin_memcpy(message, &out, sizeof(out));
        return {};
    }
    return syscall::write_user(address, out);
}

int64_t fast_call(const hal::syscall::Arguments& arguments) {
    sched::Thread& thread = sched::current();
    FastCall call;
    if (!call.prepare(thread, arguments, cairn::kRightWrite)) return kTakeSlowPath;
    ThreadState* self = call.self;
    Endpoint& endpoint = call.capability.as<Endpoint>();
    os::ErrorOr<void> result;
    bool delivered;
    {
        SpinLockGuard guard(ipc_lock());
        ThreadState* receiver = endpoint.first_receiver();
        if (endpoint.dead() || receiver == nullptr || !receiver->waiting ||
            receiver->thread->priority > thread.priority) {
            return kTakeSlowPath;
        }
        ++self->call_sequence;
        self->is_call = true;
        self->capacity = 0;
        deliver(*receiver, call.header, call.data, call.capability.badge, cairn::kMessageFlagCall);
        Endpoint::withdraw(*receiver);
        owe_reply(*receiver, *self);
        expect_delivery(*self, arguments.values[1]);
        if (!wait_switching_to(*self, *receiver, &result)) {
            Handoff handoff;
            finish_deferred(*receiver, &handoff);
            result = wait_until_done(*self, sched::kNoDeadline, &handoff);
        }
        delivered = take_delivery(*self);
    }
    return finish_call(result, delivered, *self, arguments.values[1]);
}

int64_t fast_reply_receive(const hal::syscall::Arguments& arguments) {
    sched::Thread& thread = sched::current();
    FastCall call;
    if (!call.prepare(thread, arguments, cairn::kRightRead)) return kTakeSlowPath;
    ThreadState* self = call.self;
    Endpoint& endpoint = call.capability.as<Endpoint>();
    os::ErrorOr<void> result;
    bool delivered;
    {
        SpinLockGuard guard(ipc_lock());
        ThreadState* caller = self->owed.caller;
        if (caller == nullptr || endpoint.dead() || endpoint.has_senders() ||
            caller->phase != Phase::kAwaitingReply ||
            caller->call_sequence != self->owed.sequence || !caller->waiting ||
            caller->thread->priority > thread.priority) {
            return kTakeSlowPath;
        }
        deliver(*caller, call.header, call.data, 0, 0);
        self->owed.caller = nullptr;
        endpoint.enqueue_receiver(*self, 0);
        expect_delivery(*self, arguments.values[1]);
        // The owed reply's reference on the caller's state goes once the
        // switch is over (its thread holds another while it waits).
        if (!wait_switching_to(*self, *caller, &result)) {
            Handoff handoff;
            finish_deferred(*caller, &handoff);
            result = wait_until_done(*self, sched::kNoDeadline, &handoff);
        }
        caller->release();
        delivered = take_delivery(*self);
    }
    return finish_call(result, delivered, *self, arguments.values[1]);
}

}  // namespace kernel::ipc
