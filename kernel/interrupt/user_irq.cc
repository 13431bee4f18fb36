#include "kernel/interrupt/user_irq.h"

#include "kernel/interrupt/dispatch.h"
#include "kernel/ipc/notification.h"
#include "kernel/object/allocator.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::interrupt {
namespace {

// The handler bound to each line. The interrupt path reads it under
// `bound_lock`, so an entry cleared under the lock is never used again; an
// entry holds no reference (unbind() clears it before the object is freed:
// destroy() unbinds first). Lock order: bound_lock -> dispatch's lock and the
// controller's -> the notification's.
SpinLock bound_lock;
IrqHandler* bound[kMaxLines];

}  // namespace

IrqHandler::IrqHandler(hal::irq::Line line, ipc::Notification& notification, uint64_t bits)
    : KernelObject(object::ObjectType::kIrqHandler),
      line_(line),
      notification_(&notification),
      bits_(bits) {
    notification.retain();
}

os::ErrorOr<IrqHandler*> IrqHandler::create(object::Quota& quota, hal::irq::Line line,
                                            ipc::Notification& notification, uint64_t bits) {
    if (!valid_irq_bits(bits) || line >= kMaxLines || line >= hal::irq::controller().line_count()) {
        return os::Error::kInvalidArgument;
    }
    IrqHandler* handler =
        TRY(object::Allocator::create<IrqHandler>(&quota, 0, line, notification, bits));
    // Claim and attach under the lock: the interrupt path, which takes it
    // too, then finds the handler as soon as attach() unmasks the line, and
    // a concurrent unbind of the line cannot interleave.
    os::ErrorOr<void> attached = os::Error::kAlreadyExists;
    {
        SpinLockGuard guard(bound_lock);
        if (bound[line] == nullptr) {
            bound[line] = handler;
            attached = attach(line, &IrqHandler::on_interrupt, nullptr);
            if (attached.is_error()) bound[line] = nullptr;
        }
    }
    if (attached.is_error()) {
        handler->release();
        return attached.error();
    }
    return handler;
}

void IrqHandler::on_interrupt(void*, hal::irq::Line line) {
    SpinLockGuard guard(bound_lock);
    IrqHandler* handler = bound[line];
    // Masked until the driver acknowledges: the device keeps a level line
    // raised until it is serviced.
    (void)hal::irq::controller().disable(line);
    if (handler == nullptr) return;
    __atomic_add_fetch(&handler->delivered_, 1, __ATOMIC_RELAXED);
    handler->notification_->notify(handler->bits_);
}

os::ErrorOr<void> IrqHandler::acknowledge() {
    SpinLockGuard guard(bound_lock);
    // Under the lock: an unbind cannot slip in between and leave the line
    // unmasked with nobody bound.
    if (bound[line_] != this) return os::Error::kPeerGone;
    return hal::irq::controller().enable(line_);
}

void IrqHandler::unbind() {
    SpinLockGuard guard(bound_lock);
    if (bound[line_] != this) return;
    bound[line_] = nullptr;
    detach(line_);  // masks the line
}

void IrqHandler::on_last_capability() {
    unbind();
}

void IrqHandler::destroy() {
    unbind();  // a handler that never got a capability
    notification_->release();
    object::Allocator::destroy(this);
}

}  // namespace kernel::interrupt
