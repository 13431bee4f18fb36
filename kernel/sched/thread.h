// Threads: creation, reference counting, identity and statistics.
//
// A Thread is created kNew, becomes kReady at start(), kRunning on a CPU,
// kBlocked while it waits (WaitQueue, sleep_ns) and kDead after
// exit_current(). Threads are reference counted: creation gives the caller
// one reference; start() gives the scheduler one, which it drops after the
// thread has exited and its CPU has switched off its stack. The last
// release() frees the kernel stack and the object.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/thread_context.h"
#include "kernel/lib/error.h"
#include "kernel/sched/list.h"
#include "kernel/sched/priority.h"
#include "kernel/sched/run_queue.h"
#include "kernel/sched/timer_queue.h"

namespace kernel::mm {
class AddressSpace;
}

namespace kernel::sched {

enum class ThreadState : uint8_t { kNew, kReady, kRunning, kBlocked, kDead };

class Thread;

// Told when a thread ends (the process keeps its thread count this way).
// Called on the exiting thread's CPU with no scheduler lock held; the
// thread's object stays valid until release().
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
    // The owner's id (the process id; 0: none), kept in the thread so that
    // it can be read without touching an owner that may be gone by then.
    uint64_t owner_id = 0;
};

// Per-thread scratch the syscall layer keeps (rate limit bucket, counters);
// the scheduler never touches it.
struct SyscallAccount {
    uint64_t tokens = 0;
    uint64_t last_refill_ns = 0;
    uint64_t calls = 0;  // not counting `parked`: thread_info adds the two
    uint64_t throttled = 0;
    uint64_t parked = 0;  // calls that ended parked on the IPC fast path
};

// Read-only facts about a thread (syscall thread_info, ps).
struct ThreadStatistics {
    ThreadId id;
    Priority priority;
    CpuMask affinity;
    uint32_t last_cpu;
    ThreadState state;
    // On its way out: exit_current() has begun or a kill is pending (the
    // state may still read kRunning or kBlocked for a moment).
    bool exiting;
    uint64_t cpu_time_ns;
    uint64_t context_switches;
    char name[32];
};

// Kernel stacks come from kmalloc (no guard page: the kernel has no
// vmalloc-style mapping yet); the lowest word is a canary, checked at every
// switch away from the thread, so an overflow panics soon after. The
// canary is the word's own address (stack_canary()): as unlikely as any
// constant to be what an overflow writes there, and checked without
// building a 64-bit constant (up to five instructions on aarch64 and
// riscv64, on every switch).
inline constexpr size_t kKernelStackSize = 16384;
inline uint64_t stack_canary(const void* stack_base) {
    return reinterpret_cast<uintptr_t>(stack_base);
}
// Kernel stacks are also aligned to their size, and their second word holds
// the owning Thread: code on a thread's own stack finds its thread from the
// address of any local, with no per-CPU read and no interrupt masking (see
// thread_of_own_stack()). Set at creation, never changed.
inline constexpr size_t kStackOwnerOffset = 8;

// The scheduler's record of a thread. Its fields belong to kernel/sched
// (guarded as noted); everyone else uses the functions below.
class Thread {
public:
    hal::context::ThreadContext context{};

    // Immutable after creation.
    ThreadId id = 0;
    char name[32] = {};
    void* stack_base = nullptr;  // kKernelStackSize bytes; nullptr for boot threads
    mm::AddressSpace* address_space = nullptr;
    ThreadObserver* observer = nullptr;
    void* owner = nullptr;
    uint64_t owner_id = 0;
    hal::context::ThreadEntry entry = nullptr;  // kernel threads
    void* argument = nullptr;
    hal::context::UserEntry user_entry;  // user threads (address_space != nullptr)
    bool is_idle = false;

    // Guarded by the lock of CPU `cpu` (see scheduler.cc).
    ThreadState state = ThreadState::kNew;
    uint32_t cpu = 0;       // the CPU whose queue holds it / that runs it
    uint32_t last_cpu = 0;  // where it last ran (statistics, placement)
    Priority priority = kDefaultNormalPriority;
    CpuMask affinity = kAllCpus;
    RunQueueEntry run_entry;
    uint64_t block_sequence = 0;  // bumped at every block (see wake_thread)

    // Written only by the CPU running the thread; read racily for statistics.
    uint64_t cpu_time_ns = 0;
    uint64_t context_switches = 0;  // not counting syscall_account.parked (statistics_of() adds it)

    // Guarded by the timer lock of timer.cpu while linked.
    TimerEntry timer;

    // Atomics.
    uint32_t references = 1;
    bool kill_pending = false;
    bool exiting = false;  // set as exit_current() begins, never cleared
    int64_t exit_status = 0;

    ListNode registry_link;  // guarded by the registry lock (thread.cc)
    SyscallAccount syscall_account;

    // kernel/ipc's per-thread state (ipc::ThreadState), made on the thread's
    // first IPC call and let go by the exit hook (scheduler.h). The
    // scheduler never touches it.
    void* ipc = nullptr;
};

// The thread whose kernel stack the caller runs on: the system call path,
// traps from user mode. Only valid on a stack new_thread() allocated (not on
// a boot thread's); sched::current() works everywhere. Race-free without
// masking: the stack is the thread's wherever it runs.
inline Thread& thread_of_own_stack() {
    char probe;  // any local lies on the running stack
    uintptr_t base = reinterpret_cast<uintptr_t>(&probe) & ~uintptr_t{kKernelStackSize - 1};
    return **reinterpret_cast<Thread* const*>(base + kStackOwnerOffset);
}

// A kernel thread that runs entry(argument) (interrupts enabled). Returning
// from `entry` exits the thread with status 0. kInvalidArgument for a bad
// priority or an empty affinity; kOutOfMemory.
os::ErrorOr<Thread*> create_kernel_thread(hal::context::ThreadEntry entry, void* argument,
                                          const ThreadOptions& options);
// A thread that enters user mode at `entry` in options.address_space
// (required: kInvalidArgument without).
os::ErrorOr<Thread*> create_user_thread(const hal::context::UserEntry& entry,
                                        const ThreadOptions& options);
void start(Thread& thread);  // makes a kNew thread ready (on a CPU its affinity allows)
void retain(Thread& thread);
void release(Thread& thread);

ThreadId id_of(const Thread& thread);
void* owner_of(const Thread& thread);
uint64_t owner_id_of(const Thread& thread);
void statistics_of(const Thread& thread, ThreadStatistics* statistics);
SyscallAccount& syscall_account_of(Thread& thread);

// Looks a live (not dead) thread up by id and retains it (release() when
// done); kNotFound otherwise.
os::ErrorOr<Thread*> find_thread(ThreadId id);
// Threads that exist (not yet freed), dead ones awaiting release included.
size_t thread_count();
// The live (not dead) threads with ids above `after`: the `capacity` lowest
// ids of them, in id order, each retained (release() every one). Returns
// how many were stored. Takes the registry lock, so the caller must hold no
// scheduler lock; `capacity` bounds the work done under it to one pass
// over the registry with an insertion into `threads` per thread.
size_t retain_threads_after(ThreadId after, Thread** threads, size_t capacity);
// Calls `visit` for every existing thread, under the registry lock (visit
// must not create, release or block).
void for_each_thread(void (*visit)(const ThreadStatistics& statistics, void* context),
                     void* context);

}  // namespace kernel::sched
