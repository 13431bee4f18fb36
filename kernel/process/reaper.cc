// The reaper: a kernel thread that frees what exited threads leave behind.
//
// Why a thread of its own: an exiting thread runs on its kernel stack and
// in its address space until its CPU switches away, so neither can be
// freed by the thread itself (in ThreadObserver::thread_exited) nor at once
// by another CPU. The scheduler drops its reference on a thread exactly
// when the switch is done; the reaper waits for that (Process::reap polls
// it, retrying after kRetryDelayNs - the window is a few microseconds) and
// then frees the thread and, after the last one, the process's memory.
#include "kernel/debug/print.h"
#include "kernel/process/internal.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/wait_queue.h"

namespace kernel::process::internal {
namespace {

constexpr uint64_t kRetryDelayNs = 20'000;

SpinLock reaper_lock;
sched::List queue;  // of Process::reap_link, each holding a reference
sched::WaitQueue work;
// The process being reaped (its queue reference not dropped yet), guarded
// by reaper_lock; `let_go` wakes wait_for_reaper() when it changes.
Process* reaping = nullptr;
sched::WaitQueue let_go;
bool started = false;  // atomic

Process* process_of_reap_link(sched::ListNode* node) {
    return ProcessLink::of(node);
}

Process* next_process() {
    SpinLockGuard guard(reaper_lock);
    while (queue.empty())
        (void)work.wait(reaper_lock);
    reaping = process_of_reap_link(queue.pop_front());
    return reaping;
}

[[noreturn]] void run_reaper(void*) {
    for (;;) {
        Process* process = next_process();
        while (process->reap() == ReapResult::kRetry)
            sched::sleep_ns(kRetryDelayNs);
        process->release();
        {
            SpinLockGuard guard(reaper_lock);
            reaping = nullptr;
        }
        let_go.wake_all();
    }
}

}  // namespace

void queue_for_reaping(Process& process) {
    {
        SpinLockGuard guard(reaper_lock);
        if (process.reap_link.linked()) return;  // queued already, not reaped yet
        process.retain();
        queue.push_back(process.reap_link.node);
    }
    work.wake_one();
}

void wait_for_reaper(Process& process, uint64_t deadline_ns) {
    SpinLockGuard guard(reaper_lock);
    // The caller's reference keeps `process` (and so its address) alive:
    // `reaping` cannot name another process at that address meanwhile.
    while (process.reap_link.linked() || reaping == &process) {
        if (let_go.wait(reaper_lock, deadline_ns).is_error()) return;
    }
}

os::ErrorOr<void> start_reaper() {
    // Exactly one reaper: two could reap one process at once.
    bool expected = false;
    if (!__atomic_compare_exchange_n(&started, &expected, true, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        return {};
    }
    sched::ThreadOptions options;
    options.name = "reaper";
    options.priority = sched::kHighestNormalPriority;
    auto thread =
        sched::create_kernel_thread([](void* argument) { run_reaper(argument); }, nullptr, options);
    if (thread.is_error()) {
        __atomic_store_n(&started, false, __ATOMIC_RELEASE);
        return thread.error();
    }
    sched::start(*thread.value());
    sched::release(*thread.value());
    return {};
}

}  // namespace kernel::process::internal
