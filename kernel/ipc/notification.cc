#include "kernel/ipc/notification.h"

#include "cairn/ipc.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/thread_state.h"
#include "kernel/object/allocator.h"

namespace kernel::ipc {

Notification::Notification() : KernelObject(object::ObjectType::kNotification) {}

os::ErrorOr<Notification*> Notification::create(object::Quota* quota) {
    return object::Allocator::create<Notification>(quota, 0);
}

void Notification::destroy() {
    object::Allocator::destroy(this);
}

void Notification::on_last_capability() {
    SpinLockGuard guard(ipc_lock());
    dead_ = true;
    waiters_.wake_all();
}

void Notification::notify(uint64_t bits) {
    SpinLockGuard guard(ipc_lock());
    word_ |= bits;
    if (word_ == 0) return;
    // The bound thread waiting for a message is told first: its receive
    // ends with the bits. Otherwise a wait() waiter takes them.
    ThreadState* bound = bound_;
    if (bound != nullptr && bound->phase == Phase::kReceiving) {
        Endpoint::withdraw(*bound);
        take_bits_locked(&bound->message);
        finish(*bound, {});
        return;
    }
    waiters_.wake_one();
}

os::ErrorOr<uint64_t> Notification::wait(uint64_t deadline_ns) {
    SpinLockGuard guard(ipc_lock());
    for (;;) {
        if (word_ != 0) {
            uint64_t bits = word_;
            word_ = 0;
            return bits;
        }
        if (dead_) return os::Error::kPeerGone;
        if (deadline_ns == 0) return os::Error::kWouldBlock;
        TRY(waiters_.wait(ipc_lock(), deadline_ns));
    }
}

bool Notification::take_bits_locked(KernelMessage* message) {
    if (word_ == 0) return false;
    message->id = 0;
    message->badge = word_;
    message->flags = cairn::kMessageFlagNotification;
    message->data_length = 0;
    message->cap_count = 0;
    message->cap_move = 0;
    message->out_of_line = nullptr;
    message->buffer_length = 0;
    word_ = 0;
    return true;
}

os::ErrorOr<void> Notification::bind(ThreadState& state) {
    Notification* previous = nullptr;
    {
        SpinLockGuard guard(ipc_lock());
        if (state.bound == this) return {};
        if (bound_ != nullptr) return os::Error::kAlreadyExists;
        previous = state.bound;
        if (previous != nullptr) previous->unbind_locked(state);
        retain();
        state.bound = this;
        bound_ = &state;
    }
    if (previous != nullptr) previous->release();
    return {};
}

void Notification::unbind(ThreadState& state) {
    Notification* previous = nullptr;
    {
        SpinLockGuard guard(ipc_lock());
        previous = state.bound;
        if (previous != nullptr) previous->unbind_locked(state);
    }
    if (previous != nullptr) previous->release();
}

void Notification::unbind_locked(ThreadState& state) {
    if (bound_ == &state) bound_ = nullptr;
    state.bound = nullptr;
}

}  // namespace kernel::ipc
