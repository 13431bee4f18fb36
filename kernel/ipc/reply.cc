#include "kernel/ipc/reply.h"

#include "kernel/object/allocator.h"

namespace kernel::ipc {

Reply::Reply() : KernelObject(object::ObjectType::kReply) {}

os::ErrorOr<Reply*> Reply::save(object::Quota& quota, ThreadState& owner) {
    Reply* reply = TRY(object::Allocator::create<Reply>(&quota, 0));
    {
        SpinLockGuard guard(ipc_lock());
        if (owner.owed.caller != nullptr) {
            reply->owed_ = owner.owed;
            owner.owed.caller = nullptr;
        }
    }
    if (reply->owed_.caller == nullptr) {
        reply->release();
        return os::Error::kNotFound;
    }
    return reply;
}

os::ErrorOr<void> Reply::answer(KernelMessage& message, cap::CapabilitySpace* replier_space) {
    SpinLockGuard guard(ipc_lock());
    return deliver_reply(owed_, message, replier_space);
}

// Also from destroy(): a Reply that never got a capability.
void Reply::on_last_capability() {
    SpinLockGuard guard(ipc_lock());
    if (owed_.caller == nullptr) return;
    ThreadState* caller = owed_.caller;
    owed_.caller = nullptr;
    if (caller->phase == Phase::kAwaitingReply && caller->call_sequence == owed_.sequence)
        finish(*caller, os::Error::kPeerGone);
    caller->release();
}

void Reply::destroy() {
    on_last_capability();
    object::Allocator::destroy(this);
}

}  // namespace kernel::ipc
