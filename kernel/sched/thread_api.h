// CONTRACT between kernel/sched (owner: implements it) and kernel/syscall,
// kernel/process (users). The owner of kernel/sched moves these declarations
// into its own headers (thread.h, scheduler.h, wait_queue.h ...) and deletes
// this file; the names and meanings below stay as written.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/thread_context.h"
#include "kernel/lib/error.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {
class AddressSpace;
}

namespace kernel::sched {

using ThreadId = uint64_t;
using Priority = uint8_t;

// Three classes on one priority scale (lower number runs first).
inline constexpr Priority kHighestRealTimePriority = 0;
inline constexpr Priority kLowestRealTimePriority = 99;
inline constexpr Priority kHighestNormalPriority = 100;
inline constexpr Priority kDefaultNormalPriority = 120;
inline constexpr Priority kLowestNormalPriority = 139;
inline constexpr Priority kIdlePriority = 140;
inline constexpr size_t kPriorityCount = 141;

enum class SchedulingClass : uint8_t { kRealTime, kNormal, kIdle };
constexpr SchedulingClass class_of(Priority priority) {
    return priority <= kLowestRealTimePriority ? SchedulingClass::kRealTime
           : priority <= kLowestNormalPriority ? SchedulingClass::kNormal
                                               : SchedulingClass::kIdle;
}

// CPUs a thread may run on: bit n is CPU n (kernel::smp::kMaxCpus = 64).
using CpuMask = uint64_t;
inline constexpr CpuMask kAllCpus = ~CpuMask{0};

enum class ThreadState : uint8_t { kNew, kReady, kRunning, kBlocked, kDead };

class Thread;

// Told when a thread ends (the process keeps its thread count this way).
// Called on the exiting thread's CPU with no scheduler lock held; the
// thread's object stays valid until release() (see below).
class ThreadObserver {
public:
    virtual void thread_exited(Thread& thread, int64_t status) = 0;

protected:
    ~ThreadObserver() = default;
};

struct ThreadOptions {
    const char* name = "thread";  // copied (up to 31 characters)
    Priority priority = kDefaultNormalPriority;
    CpuMask affinity = kAllCpus;
    mm::AddressSpace* address_space = nullptr;  // nullptr: kernel thread (kernel half only)
    ThreadObserver* observer = nullptr;
    void* owner = nullptr;  // opaque (the Process)
};

// Creating and ending threads. A created thread is kNew until start().
// Threads are reference counted: creation gives the caller one reference,
// the scheduler holds its own while the thread has not exited; release()
// drops one, and the last frees the kernel stack and the object.
os::ErrorOr<Thread*> create_kernel_thread(hal::context::ThreadEntry entry, void* argument,
                                          const ThreadOptions& options);
// A thread that enters user mode at `entry` in options.address_space
// (required).
os::ErrorOr<Thread*> create_user_thread(const hal::context::UserEntry& entry,
                                        const ThreadOptions& options);
void start(Thread& thread);  // makes it ready (on a CPU its affinity allows)
void retain(Thread& thread);
void release(Thread& thread);

// The running thread of this CPU.
Thread& current();

// Ends the running thread: observer told, state kDead, never returns.
[[noreturn]] void exit_current(int64_t status);
// Marks another thread for death: it exits with `status` the next time it
// would return to user mode (or at once if it is blocked; blocked waits
// return kTimedOut-like errors first). Used for process_exit and kills.
void kill(Thread& thread, int64_t status);

void yield();
// Sleeps the running thread at least `nanoseconds` (0: just yield).
void sleep_ns(uint64_t nanoseconds);
os::ErrorOr<void> set_priority(Thread& thread, Priority priority);  // kInvalidArgument > 140
os::ErrorOr<void> set_affinity(Thread& thread,
                               CpuMask mask);  // no online CPU in mask: kInvalidArgument

// Blocking: a queue of threads waiting for an event. wait() is called with
// `lock` held (it guards the condition); it releases the lock while the
// thread sleeps and holds it again when wait() returns. Deadline in
// kernel::time::now_ns() terms (kNoDeadline: none).
inline constexpr uint64_t kNoDeadline = ~uint64_t{0};
class WaitQueue;
// wait(): kTimedOut when the deadline passed; ok when woken.
// wake_one() / wake_all() may be called with or without that lock.

// Read-only facts about a thread (syscall thread_info, ps).
struct ThreadStatistics {
    ThreadId id;
    Priority priority;
    CpuMask affinity;
    uint32_t last_cpu;
    ThreadState state;
    uint64_t cpu_time_ns;
    uint64_t context_switches;
    char name[32];
};
ThreadId id_of(const Thread& thread);
void* owner_of(const Thread& thread);
void statistics_of(const Thread& thread, ThreadStatistics* statistics);
// Per-thread scratch the syscall layer keeps (rate limit bucket, counters);
// the scheduler never touches it.
struct SyscallAccount {
    uint64_t tokens = 0;
    uint64_t last_refill_ns = 0;
    uint64_t calls = 0;
    uint64_t throttled = 0;
};
SyscallAccount& syscall_account_of(Thread& thread);

// Looks a live thread up by id and retains it (release() when done);
// kNotFound otherwise.
os::ErrorOr<Thread*> find_thread(ThreadId id);
size_t thread_count();

}  // namespace kernel::sched
