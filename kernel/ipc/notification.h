// Notifications: a word of signal bits. notify() ORs bits in and never
// blocks (interrupt handlers use it); wait() blocks until some bit is set,
// then returns and clears them all. A notification may be bound to one
// thread: while that thread waits for a message (ipc_receive /
// ipc_reply_receive) a notify also ends that wait.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {
class Quota;
}

namespace kernel::ipc {

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

private:
    // Defined by notification.cc.
    Notification();
    void destroy() override;
    friend class NotificationAccess;
};

}  // namespace kernel::ipc
