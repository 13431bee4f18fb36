#include "kernel/ipc/fast_path.h"

#include <stddef.h>

#include "cairn/ipc.h"
#include "cairn/syscalls.h"
#include "kernel/cap/capability_space.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/inline_message.h"
#include "kernel/ipc/out_of_line.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::ipc {
namespace {

using syscall::copy_in;
using syscall::copy_out;

// An inline-only message from user memory: false (slow path) for anything
// else, or a bad address (the slow path reports it). `*data` points at its
// bytes: in the thread's IPC buffer (ipc_buffer.h) when the Message is
// there, else in `tail`, copied in (header first; only the copy is checked).
bool read_inline(const IpcBuffer& buffer, uint64_t address, InlineHeader* header, InlineTail* tail,
                 const uint8_t** data) {
    if (const cairn::Message* message = buffer.at(address)) {
        *data = message->data;
        return read_inline_header(*message, header);
    }
    if (address % alignof(cairn::Message) != 0) return false;
    if (copy_in(header, address, sizeof(InlineHeader)).is_error()) return false;
    if (!inline_only(*header)) return false;
    if (copy_in(tail, address + kTailOffset, sizeof(uint64_t) + header->data_length()).is_error())
        return false;
    *data = tail->data;
    return tail->buffer_length == 0;
}

// What both fast-path calls check and read first: (endpoint, Message*,
// timeout) arguments, an inline-only message, an endpoint capability with
// `rights`. prepare() false: the slow path handles the call (and reports
// whatever was wrong).
struct FastCall {
    ThreadState* self = nullptr;
    InlineHeader header;
    InlineTail tail;
    const uint8_t* data = nullptr;  // header.data_length() bytes (see read_inline)
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

}  // namespace

int64_t finish_call(os::ErrorOr<void> result, bool delivered, ThreadState& self, uint64_t address) {
    if (result.is_error()) return syscall::error_result(result.error());
    if (delivered) return 0;
    return syscall::result_of(deliver_to_user(self, address, 0));
}

os::ErrorOr<void> deliver_to_user(ThreadState& self, uint64_t address, uint64_t user_buffer) {
    KernelMessage& arrived = self.message;
    if (arrived.cap_count == 0 && arrived.out_of_line == nullptr) {
        // Straight from the kernel message: its header and its
        // buffer_length + data have cairn::Message's layout (see below).
        arrived.cap_move = 0;
        arrived.buffer_length = 0;
        if (cairn::Message* message = self.buffer.at(address)) {
            __builtin_memcpy(message, &arrived, sizeof(InlineHeader));
            message->buffer_length = 0;
            copy_data(message->data, arrived.data, arrived.data_length);
            return {};
        }
        if (address % alignof(cairn::Message) != 0) return os::Error::kBadAddress;
        TRY(copy_out(address, &arrived, sizeof(InlineHeader)));
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
        ThreadState* receiver = waiting_partner(true, *self, thread, endpoint);
        if (receiver == nullptr) return kTakeSlowPath;
        hand_over(true, *self, *receiver, endpoint, call.header, call.data, call.capability.badge);
        expect_delivery(*self, self->buffer.at(arguments.values[1]));
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
        ThreadState* caller = waiting_partner(false, *self, thread, endpoint);
        if (caller == nullptr) return kTakeSlowPath;
        hand_over(false, *self, *caller, endpoint, call.header, call.data, 0);
        expect_delivery(*self, self->buffer.at(arguments.values[1]));
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
