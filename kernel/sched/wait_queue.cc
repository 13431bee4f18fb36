#include "kernel/sched/wait_queue.h"

#include "hal/timer.h"
#include "kernel/sched/internal.h"

namespace kernel::sched {
namespace {

// One waiting thread, on its own stack for the length of wait().
struct Waiter {
    explicit Waiter(Thread& waiting) : thread(&waiting) {}

    ListNode link;  // first member (see waiter_of); guarded by the queue's lock
    Thread* thread;
    uint64_t sequence = 0;
    bool woken = false;  // guarded by the queue's lock
};

Waiter* waiter_of(ListNode* node) {
    return reinterpret_cast<Waiter*>(node);
}

}  // namespace

using namespace internal;

os::ErrorOr<void> WaitQueue::wait(SpinLock& lock, uint64_t deadline_ns) {
    Thread& thread = current();
    if (kill_pending(thread)) return os::Error::kTimedOut;
    if (deadline_ns != kNoDeadline && hal::timer::monotonic_ns() >= deadline_ns)
        return os::Error::kTimedOut;
    // Interrupts are masked: the caller holds `lock`.
    Waiter waiter(thread);
    lock_.lock();
    waiter.sequence = prepare_to_block();
    waiters_.push_back(waiter.link);
    lock_.unlock(masked());
    if (deadline_ns != kNoDeadline) arm_timer(thread, deadline_ns, waiter.sequence);
    lock.unlock(masked());

    block();

    if (deadline_ns != kNoDeadline) cancel_timer(thread);
    lock_.lock();
    bool woken = waiter.woken;
    if (waiter.link.linked()) waiter.link.unlink();  // timed out or killed
    lock_.unlock(masked());
    (void)lock.lock();  // the caller's guard keeps the interrupt state to restore
    if (!woken) return os::Error::kTimedOut;
    return {};
}

uint32_t WaitQueue::wake_one() {
    uint32_t woken = 0;
    {
        SpinLockGuard guard(lock_);
        // A waiter whose thread already woke (timeout, kill) is dropped.
        while (ListNode* node = waiters_.pop_front()) {
            Waiter* waiter = waiter_of(node);
            waiter->woken = wake_thread(*waiter->thread, waiter->sequence, false);
            if (waiter->woken) {
                woken = 1;
                break;
            }
        }
    }
    preempt_point();
    return woken;
}

uint32_t WaitQueue::wake_all() {
    uint32_t woken = 0;
    {
        SpinLockGuard guard(lock_);
        while (ListNode* node = waiters_.pop_front()) {
            Waiter* waiter = waiter_of(node);
            waiter->woken = wake_thread(*waiter->thread, waiter->sequence, false);
            if (waiter->woken) ++woken;
        }
    }
    preempt_point();
    return woken;
}

bool WaitQueue::has_waiters() const {
    SpinLockGuard guard(lock_);
    return !waiters_.empty();
}

}  // namespace kernel::sched
