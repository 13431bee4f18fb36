// Blocking: a queue of threads waiting for an event (IPC, process exit,
// anything with a condition guarded by a spin lock).
//
//   SpinLockGuard guard(lock);
//   while (!condition) TRY(queue.wait(lock, deadline));
//   ...                        // elsewhere: set condition under lock, then
//   queue.wake_one();          // with or without `lock` held
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/sched/list.h"
#include "kernel/sched/priority.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::sched {

class WaitQueue {
public:
    WaitQueue() = default;
    WaitQueue(const WaitQueue&) = delete;
    WaitQueue& operator=(const WaitQueue&) = delete;

    // Called with `lock` held (it guards the condition); releases it while
    // the thread sleeps and holds it again when wait() returns. `deadline_ns`
    // in kernel::time::now_ns() terms (kNoDeadline: none). Ok when woken by
    // wake_one()/wake_all(); kTimedOut when the deadline passed first, or
    // when the thread was killed (it should then unwind to user mode, where
    // it exits). Never called from an interrupt handler.
    os::ErrorOr<void> wait(SpinLock& lock, uint64_t deadline_ns = kNoDeadline);

    // Wakes the longest waiter / every waiter. Returns how many woke. The
    // queue must outlive the call: when a woken waiter may end the queue's
    // lifetime (a stack object, a freed owner), wake with `lock` held, so
    // that the waiter cannot return before the call is over.
    uint32_t wake_one();
    uint32_t wake_all();

    bool has_waiters() const;

private:
    mutable SpinLock lock_;  // guards waiters_; taken before any CPU's lock
    List waiters_;           // of Waiter (wait_queue.cc), oldest first
};

}  // namespace kernel::sched
