// User-space interrupt handling: an IrqHandler object (the kernel object of a
// cairn::ObjectType::kIrqHandler capability) binds one interrupt line to a
// Notification and a set of bits.
//
// Protocol (the same as seL4's): when the line fires, the kernel masks it at
// the interrupt controller and notifies the bits; the user-space driver
// wakes, services its device (which drops the line), and calls irq_ack,
// which unmasks the line. So a level-triggered device cannot storm the CPU
// while its driver has not run yet, and the driver needs no interrupt
// context of its own.
//
// Lifetime: the binding lasts until the handler's last capability goes
// (on_last_capability detaches and masks the line); the object's memory may
// stay a little longer while references remain. A per-line table guarded by
// one spin lock is what the interrupt path reads, so once unbind() returns no
// CPU can reach the object from an interrupt any more.
#pragma once

#include <stdint.h>

#include "hal/interrupts.h"
#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"

namespace kernel::ipc {
class Notification;
}

namespace kernel::object {
class Allocator;
}

namespace kernel::interrupt {

class IrqHandler final : public object::KernelObject {
public:
    // Binds `line` to `notification` and `bits` (non-zero, bit 63 clear:
    // kInvalidArgument) and unmasks it. kAlreadyExists if the line is bound
    // (by user space or a kernel driver); kInvalidArgument if the
    // controller has no such line. Charged kObjectCost to `quota`
    // (kQuotaExceeded: nothing bound), refunded when it is destroyed.
    static os::ErrorOr<IrqHandler*> create(object::Quota& quota, hal::irq::Line line,
                                           ipc::Notification& notification, uint64_t bits);

    // irq_ack: unmasks the line again. kPeerGone if it was unbound.
    os::ErrorOr<void> acknowledge();

    hal::irq::Line line() const { return line_; }
    // Interrupts delivered to the notification so far.
    uint64_t delivered() const { return __atomic_load_n(&delivered_, __ATOMIC_RELAXED); }

private:
    friend class object::Allocator;
    IrqHandler(hal::irq::Line line, ipc::Notification& notification, uint64_t bits);
    void on_last_capability() override;
    void destroy() override;
    // Detaches the line and masks it; idempotent.
    void unbind();
    // The kernel-side handler of every user-bound line (dispatch.h).
    static void on_interrupt(void* context, hal::irq::Line line);

    const hal::irq::Line line_;
    ipc::Notification* const notification_;  // one reference, dropped by destroy()
    const uint64_t bits_;
    uint64_t delivered_ = 0;
};

// Pure: the bits irq_register accepts (non-zero, bit 63 clear).
constexpr bool valid_irq_bits(uint64_t bits) {
    return bits != 0 && (bits >> 63) == 0;
}

}  // namespace kernel::interrupt
