// Notifications: a word of signal bits. notify() ORs bits in and never
// blocks (interrupt handlers use it); wait() blocks until some bit is set,
// then returns and clears them all. A notification may be bound to one
// thread: while that thread waits for a message (ipc_receive /
// ipc_reply_receive) a notify also ends that wait.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"
#include "kernel/sched/wait_queue.h"

namespace kernel::object {
class Quota;
class Allocator;
}  // namespace kernel::object

namespace kernel::ipc {

struct KernelMessage;
struct ThreadState;

class Notification final : public object::KernelObject {
public:
    // Charged to `quota` (nullptr: a kernel-made object, uncharged).
    static os::ErrorOr<Notification*> create(object::Quota* quota);

    // ORs `bits` (bit 63 clear) in and wakes a waiter. Any context,
    // interrupt handlers included (takes only a spin lock).
    void notify(uint64_t bits);
    // Blocks until a bit is set (deadline_ns as WaitQueue; kNoDeadline: for
    // ever; 0: do not block, kWouldBlock). Returns and clears the bits.
    os::ErrorOr<uint64_t> wait(uint64_t deadline_ns);

    // Binds it to the thread of `state` (ipc_bind_notification): the
    // thread's state holds a reference. kAlreadyExists if bound to another
    // thread; a thread's earlier binding is replaced. unbind(): none left.
    os::ErrorOr<void> bind(ThreadState& state);
    static void unbind(ThreadState& state);

    // ---- ipc_lock() held (thread_state.h) ----
    // Pending bits become `message` (kMessageFlagNotification, bits in the
    // badge) and are cleared; false if none are pending.
    bool take_bits_locked(KernelMessage* message);
    void unbind_locked(ThreadState& state);

private:
    // Defined by notification.cc.
    Notification();
    void destroy() override;
    // Waiters of wait() fail with kPeerGone: nobody can notify any more
    // (except an IRQ handler, which holds a reference, not a capability).
    void on_last_capability() override;
    friend class NotificationAccess;
    friend class object::Allocator;

    // Guarded by ipc_lock().
    uint64_t word_ = 0;
    ThreadState* bound_ = nullptr;  // the thread it is bound to (no reference)
    bool dead_ = false;
    sched::WaitQueue waiters_;  // threads in wait()
};

}  // namespace kernel::ipc
