#include "kernel/interrupt/dispatch.h"

#include "hal/cpu.h"
#include "kernel/debug/print.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::interrupt {
namespace {

struct Attachment {
    Handler handler = nullptr;
    void* context = nullptr;
    uint64_t count = 0;
};

SpinLock attachments_lock;  // guards attach/detach; dispatch reads atomically
Attachment attachments[kMaxLines];
uint64_t unexpected = 0;

}  // namespace

os::ErrorOr<void> attach(hal::irq::Line line, Handler handler, void* context) {
    if (line >= kMaxLines || handler == nullptr) return os::Error::kInvalidArgument;
    {
        SpinLockGuard guard(attachments_lock);
        if (attachments[line].handler != nullptr) return os::Error::kAlreadyExists;
        attachments[line].context = context;
        __atomic_store_n(&attachments[line].handler, handler, __ATOMIC_RELEASE);
    }
    auto enabled = hal::irq::controller().enable(line);
    if (enabled.is_error()) {
        SpinLockGuard guard(attachments_lock);
        __atomic_store_n(&attachments[line].handler, nullptr, __ATOMIC_RELEASE);
        return enabled.error();
    }
    return {};
}

void detach(hal::irq::Line line) {
    if (line >= kMaxLines) return;
    (void)hal::irq::controller().disable(line);
    SpinLockGuard guard(attachments_lock);
    __atomic_store_n(&attachments[line].handler, nullptr, __ATOMIC_RELEASE);
}

uint64_t count(hal::irq::Line line) {
    return line < kMaxLines ? __atomic_load_n(&attachments[line].count, __ATOMIC_RELAXED) : 0;
}

uint64_t unexpected_count() {
    return __atomic_load_n(&unexpected, __ATOMIC_RELAXED);
}

}  // namespace kernel::interrupt

namespace kernel {

void handle_interrupt(hal::irq::Line line) {
    using namespace interrupt;
    Handler handler =
        line < kMaxLines ? __atomic_load_n(&attachments[line].handler, __ATOMIC_ACQUIRE) : nullptr;
    if (handler == nullptr) {
        // Nobody listens: mask the line so a level-triggered device cannot
        // keep the CPU in its interrupt handler forever.
        __atomic_add_fetch(&unexpected, 1, __ATOMIC_RELAXED);
        (void)hal::irq::controller().disable(line);
        print("interrupt: unexpected interrupt on line %u, masked\n", line);
        return;
    }
    __atomic_add_fetch(&attachments[line].count, 1, __ATOMIC_RELAXED);
    handler(attachments[line].context, line);
}

}  // namespace kernel
