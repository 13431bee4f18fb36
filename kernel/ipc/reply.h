// Reply objects (kReply capabilities): a reply a thread owed, saved with
// ipc_save_reply so that another thread, or this one later, answers it with
// ipc_reply(slot). One-shot: once answered (or its caller gone) it is spent
// (kNotFound). Its last capability going unanswered fails the caller with
// kPeerGone, so no caller waits for a reply nobody can send any more.
#pragma once

#include "kernel/ipc/thread_state.h"
#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {
class Allocator;
class Quota;
}  // namespace kernel::object

namespace kernel::ipc {

class Reply final : public object::KernelObject {
public:
    // Takes over the reply `owner` owes (kNotFound if none), charged
    // kObjectCost to `quota` (kQuotaExceeded: the reply stays owed by
    // `owner`), refunded when the object is destroyed. Only ipc_save_reply
    // makes these: the reply of a plain ipc_call lives in the caller's and
    // the receiver's ThreadState, so calls allocate nothing.
    static os::ErrorOr<Reply*> save(object::Quota& quota, ThreadState& owner);

    // ipc_reply(slot): as deliver_reply (thread_state.h).
    os::ErrorOr<void> answer(KernelMessage& message, cap::CapabilitySpace* replier_space);

private:
    friend class object::Allocator;
    Reply();
    void on_last_capability() override;
    void destroy() override;

    OwedReply owed_;  // guarded by ipc_lock()
};

}  // namespace kernel::ipc
