// Thread objects: the slab cache, kernel stacks, the registry of all
// threads (find_thread, ps) and reference counting.
#include "kernel/sched/thread.h"

#include "hal/interrupts.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/sched/internal.h"
#include "kernel/sched/scheduler.h"

namespace kernel::sched {
namespace internal {
namespace {

mm::SlabCache* thread_cache = nullptr;
ThreadId next_id = 1;  // atomic

SpinLock registry_lock;
List registry;          // every thread not yet freed, guarded by registry_lock
size_t registered = 0;  // atomic: registered threads not yet freed

Thread* thread_of_registry(ListNode* node) {
    return reinterpret_cast<Thread*>(reinterpret_cast<char*>(node) -
                                     __builtin_offsetof(Thread, registry_link));
}

// Retains a thread found in the registry (registry_lock held) unless its
// last reference is already gone (destroy() waits on the lock to unlink it).
bool retain_registered(Thread& thread) {
    uint32_t references = __atomic_load_n(&thread.references, __ATOMIC_RELAXED);
    while (references != 0) {
        if (__atomic_compare_exchange_n(&thread.references, &references, references + 1, false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return true;
        }
    }
    return false;
}

void copy_name(char* destination, const char* source) {
    size_t length = 0;
    if (source != nullptr) {
        while (length < 31 && source[length] != '\0') {
            destination[length] = source[length];
            ++length;
        }
    }
    destination[length] = '\0';
}

void destroy(Thread& thread) {
    bool registered_thread;
    {
        SpinLockGuard guard(registry_lock);
        registered_thread = thread.registry_link.linked();
        if (registered_thread) thread.registry_link.unlink();
    }
    if (thread.stack_base != nullptr) kfree(thread.stack_base);
    thread.~Thread();
    thread_cache->free(&thread);
    // Counted down only now, so that thread_count() back at a baseline
    // means the memory is back too (the leak test relies on it).
    if (registered_thread) __atomic_sub_fetch(&registered, 1, __ATOMIC_RELEASE);
}

void kernel_thread_entry(void* argument) {
    start_new_thread();
    hal::irq::enable_interrupts();
    auto* thread = static_cast<Thread*>(argument);
    thread->entry(thread->argument);
    exit_current(0);
}

void user_thread_entry(void* argument) {
    start_new_thread();
    auto* thread = static_cast<Thread*>(argument);
    // Killed before it ever ran: it would exit on its first return anyway.
    if (kill_pending(*thread))
        exit_current(__atomic_load_n(&thread->exit_status, __ATOMIC_RELAXED));
    hal::context::enter_user_mode(thread->user_entry);
}

os::ErrorOr<void> check(const ThreadOptions& options) {
    if (options.priority > kIdlePriority || options.affinity == 0)
        return os::Error::kInvalidArgument;
    return {};
}

}  // namespace

void initialize_threads() {
    mm::CacheConfig config;
    config.name = "thread";
    config.size = sizeof(Thread);
    config.alignment = alignof(Thread);
    auto cache = mm::kernel_heap().create_cache(config);
    if (cache.is_error()) panic("sched: no thread cache: %s", os::to_string(cache.error()));
    thread_cache = cache.value();
}

Thread* new_thread(const char* name, const ThreadOptions& options, bool with_stack) {
    void* memory = thread_cache->allocate();
    if (memory == nullptr) return nullptr;
    Thread* thread = new (memory) Thread();
    if (with_stack) {
        // Aligned to its size for thread_of_own_stack() (thread.h).
        thread->stack_base = kmalloc_aligned(kKernelStackSize, kKernelStackSize);
        if (thread->stack_base == nullptr) {
            thread->~Thread();
            thread_cache->free(memory);
            return nullptr;
        }
        *static_cast<uint64_t*>(thread->stack_base) = stack_canary(thread->stack_base);
        *reinterpret_cast<Thread**>(static_cast<char*>(thread->stack_base) + kStackOwnerOffset) =
            thread;
    }
    thread->id = __atomic_fetch_add(&next_id, 1, __ATOMIC_RELAXED);
    copy_name(thread->name, name);
    thread->priority = options.priority;
    thread->run_entry.priority = options.priority;
    thread->run_entry.object = thread;
    thread->affinity = options.affinity;
    thread->address_space = options.address_space;
    thread->observer = options.observer;
    thread->owner = options.owner;
    thread->owner_id = options.owner_id;
    uint32_t cpu = this_cpu_index();
    thread->cpu = thread->last_cpu = cpu;
    return thread;
}

void register_thread(Thread& thread) {
    SpinLockGuard guard(registry_lock);
    registry.push_back(thread.registry_link);
    __atomic_add_fetch(&registered, 1, __ATOMIC_RELAXED);
}

}  // namespace internal

using namespace internal;

os::ErrorOr<Thread*> create_kernel_thread(hal::context::ThreadEntry entry, void* argument,
                                          const ThreadOptions& options) {
    TRY(check(options));
    if (entry == nullptr) return os::Error::kInvalidArgument;
    Thread* thread = new_thread(options.name, options, true);
    if (thread == nullptr) return os::Error::kOutOfMemory;
    thread->entry = entry;
    thread->argument = argument;
    hal::context::initialize(thread->context,
                             reinterpret_cast<uintptr_t>(thread->stack_base) + kKernelStackSize,
                             kernel_thread_entry, thread);
    register_thread(*thread);
    return thread;
}

os::ErrorOr<Thread*> create_user_thread(const hal::context::UserEntry& entry,
                                        const ThreadOptions& options) {
    TRY(check(options));
    if (options.address_space == nullptr) return os::Error::kInvalidArgument;
    Thread* thread = new_thread(options.name, options, true);
    if (thread == nullptr) return os::Error::kOutOfMemory;
    thread->user_entry = entry;
    hal::context::initialize(thread->context,
                             reinterpret_cast<uintptr_t>(thread->stack_base) + kKernelStackSize,
                             user_thread_entry, thread);
    hal::context::enable_user_state(thread->context);
    register_thread(*thread);
    return thread;
}

void start(Thread& thread) {
    if (thread.state != ThreadState::kNew) panic("sched: start() of a thread already started");
    retain(thread);  // the scheduler's, dropped after exit
    hal::InterruptState state = hal::disable_interrupts();
    thread.state = ThreadState::kReady;
    make_ready(thread);
    hal::restore_interrupts(state);
    preempt_point();
}

void retain(Thread& thread) {
    __atomic_add_fetch(&thread.references, 1, __ATOMIC_RELAXED);
}

void release(Thread& thread) {
    if (__atomic_sub_fetch(&thread.references, 1, __ATOMIC_ACQ_REL) == 0) destroy(thread);
}

ThreadId id_of(const Thread& thread) {
    return thread.id;
}

void* owner_of(const Thread& thread) {
    return thread.owner;
}

uint64_t owner_id_of(const Thread& thread) {
    return thread.owner_id;
}

SyscallAccount& syscall_account_of(Thread& thread) {
    return thread.syscall_account;
}

void statistics_of(const Thread& thread, ThreadStatistics* statistics) {
    statistics->id = thread.id;
    statistics->priority = __atomic_load_n(&thread.priority, __ATOMIC_RELAXED);
    statistics->affinity = __atomic_load_n(&thread.affinity, __ATOMIC_RELAXED);
    statistics->last_cpu = __atomic_load_n(&thread.last_cpu, __ATOMIC_RELAXED);
    statistics->state = thread.state;
    statistics->exiting = __atomic_load_n(&thread.exiting, __ATOMIC_ACQUIRE) ||
                          __atomic_load_n(&thread.kill_pending, __ATOMIC_ACQUIRE);
    statistics->cpu_time_ns = __atomic_load_n(&thread.cpu_time_ns, __ATOMIC_RELAXED);
    // Every call that parked on the IPC fast path switched off the thread
    // once: that switch counts only there (one increment less on the path).
    statistics->context_switches =
        __atomic_load_n(&thread.context_switches, __ATOMIC_RELAXED) +
        __atomic_load_n(&thread.syscall_account.parked, __ATOMIC_RELAXED);
    for (size_t i = 0; i < sizeof(statistics->name); ++i)
        statistics->name[i] = thread.name[i];
}

os::ErrorOr<Thread*> find_thread(ThreadId id) {
    SpinLockGuard guard(registry_lock);
    for (ListNode* node = registry.first(); node != nullptr; node = registry.after(node)) {
        Thread* thread = thread_of_registry(node);
        if (thread->id != id) continue;
        if (thread->state == ThreadState::kDead) break;
        if (internal::retain_registered(*thread)) return thread;
        break;
    }
    return os::Error::kNotFound;
}

size_t retain_threads_after(ThreadId after, Thread** threads, size_t capacity) {
    if (capacity == 0) return 0;
    SpinLockGuard guard(registry_lock);
    // threads[0..count) holds the lowest ids seen so far, sorted. The
    // registry is in creation order, which is nearly id order (ids are
    // taken before the thread is registered), so most threads append or
    // are skipped at once as higher than a full buffer's last.
    size_t count = 0;
    for (ListNode* node = registry.first(); node != nullptr; node = registry.after(node)) {
        Thread* thread = thread_of_registry(node);
        if (thread->id <= after || thread->state == ThreadState::kDead) continue;
        if (count == capacity && thread->id > threads[count - 1]->id) continue;
        size_t position = count < capacity ? count++ : count - 1;
        while (position > 0 && threads[position - 1]->id > thread->id) {
            threads[position] = threads[position - 1];
            --position;
        }
        threads[position] = thread;
    }
    // Registered threads are not freed while the lock is held (destroy()
    // unlinks first), so the pointers are good until here.
    size_t retained = 0;
    for (size_t i = 0; i < count; ++i) {
        if (internal::retain_registered(*threads[i])) threads[retained++] = threads[i];
    }
    return retained;
}

size_t thread_count() {
    return __atomic_load_n(&registered, __ATOMIC_ACQUIRE);
}

void for_each_thread(void (*visit)(const ThreadStatistics& statistics, void* context),
                     void* context) {
    SpinLockGuard guard(registry_lock);
    for (ListNode* node = registry.first(); node != nullptr; node = registry.after(node)) {
        ThreadStatistics statistics;
        statistics_of(*thread_of_registry(node), &statistics);
        visit(statistics, context);
    }
}

}  // namespace kernel::sched
