// thread_create, thread_exit, thread_yield, thread_sleep,
// thread_set_priority, thread_set_affinity, thread_info, thread_join,
// thread_set_pointer, thread_list, and through thread capabilities
// thread_control and thread_capability_info.
#include "cairn/syscalls.h"
#include "hal/mm.h"
#include "hal/thread_context.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/process/objects.h"
#include "kernel/process/process.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/syscall.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

// thread_list's most entries per call (the ABI's bound): the work under
// the registry lock and the kernel buffer stay small.
constexpr size_t kMaxThreadList = 256;

// User threads may use the real-time and normal classes, never idle.
constexpr uint64_t kLowestUserPriority = sched::kLowestNormalPriority;

// Thread `id` (0: the caller) of the caller's process, retained.
os::ErrorOr<sched::Thread*> thread_of_caller(uint64_t id) {
    sched::Thread& self = sched::current();
    if (id == 0 || id == sched::id_of(self)) {
        sched::retain(self);
        return &self;
    }
    process::Process* process = process::current();
    if (process == nullptr) return os::Error::kNotFound;
    return process->find_thread(id);
}

// A status as thread_exit/process_exit report it: never negative (that
// would read as an error from thread_join/process_wait), so the sign bit
// is dropped.
int64_t exit_status_of(uint64_t value) {
    return static_cast<int64_t>(value & ~(uint64_t{1} << 63));
}

// ThreadInfo.state. A thread on its way out (exit begun or a kill pending,
// which ends it at its next return towards user mode) reads as exiting
// whatever it does meanwhile.
uint64_t state_of(const sched::ThreadStatistics& statistics) {
    if (statistics.exiting || statistics.state == sched::ThreadState::kDead) {
        return cairn::kThreadExiting;
    }
    if (statistics.state == sched::ThreadState::kBlocked) return cairn::kThreadBlocked;
    return cairn::kThreadRunnable;
}

// thread_info's (and thread_list's) answer for `target`.
cairn::ThreadInfo thread_info_of(sched::Thread& target) {
    sched::ThreadStatistics statistics;
    sched::statistics_of(target, &statistics);
    const sched::SyscallAccount& account = sched::syscall_account_of(target);
    cairn::ThreadInfo info{};
    info.thread_id = statistics.id;
    // Not through the Process: thread_list's threads are retained, their
    // processes are not (one may have ended and gone since).
    info.process_id = sched::owner_id_of(target);
    info.priority = statistics.priority;
    info.cpu_mask = statistics.affinity;
    info.last_cpu = statistics.last_cpu;
    info.cpu_time_ns = statistics.cpu_time_ns;
    info.context_switches = statistics.context_switches;
    // The fast path counts its calls only as parked (one increment less on it).
    info.syscalls = __atomic_load_n(&account.calls, __ATOMIC_RELAXED) +
                    __atomic_load_n(&account.parked, __ATOMIC_RELAXED);
    info.syscalls_throttled = __atomic_load_n(&account.throttled, __ATOMIC_RELAXED);
    info.ipc_parked = __atomic_load_n(&account.parked, __ATOMIC_RELAXED);
    static_assert(sizeof(info.name) == sizeof(statistics.name));
    for (size_t i = 0; i < sizeof(info.name); ++i)
        info.name[i] = statistics.name[i];
    info.state = state_of(statistics);
    return info;
}

// thread_info's answer for `target`, written to user `destination`.
int64_t write_thread_info(sched::Thread& target, uint64_t destination) {
    return result_of(write_user(destination, thread_info_of(target)));
}

bool valid_info_pointer(uint64_t destination) {
    return destination % alignof(cairn::ThreadInfo) == 0 &&
           is_user_range(destination, sizeof(cairn::ThreadInfo));
}

// thread_control's operation on a live thread.
os::ErrorOr<void> control(sched::Thread& thread, uint64_t operation, uint64_t argument) {
    switch (operation) {
        case cairn::kThreadOpSetPriority:
            if (argument > kLowestUserPriority) return os::Error::kInvalidArgument;
            return sched::set_priority(thread, static_cast<sched::Priority>(argument));
        case cairn::kThreadOpSetAffinity:
            if ((argument & sched::online_cpus()) == 0) return os::Error::kInvalidArgument;
            return sched::set_affinity(thread, argument);
        case cairn::kThreadOpKill:
            // Exits on its way back to user mode (woken first if blocked), as
            // a fault would end it.
            sched::kill(thread, cairn::kThreadKilledStatus);
            return {};
        default:
            return os::Error::kInvalidArgument;
    }
}

}  // namespace

// (const ThreadCreateArguments*) -> thread id.
int64_t thread_create(const Arguments& arguments) {
    cairn::ThreadCreateArguments create;
    if (auto read = read_user(arguments.values[0], &create); read.is_error()) {
        return error_result(read.error());
    }
    uint64_t end = hal::mm::user_space_end();
    // The first instruction, the stack and the thread pointer must be user
    // addresses (a kernel or non-canonical one would fault in the kernel's
    // return path, not in the thread).
    if (create.entry == 0 || create.entry >= end) return error_result(os::Error::kBadAddress);
    if (create.stack_top == 0 || create.stack_top > end) {
        return error_result(os::Error::kBadAddress);
    }
    if (create.stack_top % 16 != 0) return error_result(os::Error::kInvalidArgument);
    if (create.thread_pointer >= end) return error_result(os::Error::kBadAddress);
    sched::Thread& self = sched::current();
    process::ThreadRequest request;
    request.handle = create.address_space;
    if (create.priority == cairn::kInheritPriority) {
        sched::ThreadStatistics statistics;
        sched::statistics_of(self, &statistics);
        request.priority = statistics.priority;
        if (request.priority > kLowestUserPriority)
            request.priority = sched::kDefaultNormalPriority;
    } else if (create.priority > kLowestUserPriority) {
        return error_result(os::Error::kInvalidArgument);
    } else {
        request.priority = static_cast<sched::Priority>(create.priority);
    }
    request.affinity = create.cpu_mask == 0 ? sched::kAllCpus : create.cpu_mask;
    if ((request.affinity & sched::online_cpus()) == 0) {
        return error_result(os::Error::kInvalidArgument);
    }
    request.entry.pc = create.entry;
    request.entry.stack_pointer = create.stack_top;
    request.entry.argument0 = create.argument;
    request.entry.thread_pointer = create.thread_pointer;
    process::Process* process = process::current();
    if (process == nullptr) return error_result(os::Error::kNotFound);
    auto id = process->create_thread(request);
    if (id.is_error()) return error_result(id.error());
    return static_cast<int64_t>(id.value());
}

// (int64_t status) -> never returns.
int64_t thread_exit(const Arguments& arguments) {
    sched::exit_current(exit_status_of(arguments.values[0]));
}

// () -> 0.
int64_t thread_yield(const Arguments&) {
    sched::yield();
    return 0;
}

// (uint64_t nanoseconds) -> 0.
int64_t thread_sleep(const Arguments& arguments) {
    sched::sleep_ns(arguments.values[0]);
    return 0;
}

// (thread id (0: self), priority 0..139) -> 0.
int64_t thread_set_priority(const Arguments& arguments) {
    uint64_t priority = arguments.values[1];
    if (priority > kLowestUserPriority) return error_result(os::Error::kInvalidArgument);
    auto thread = thread_of_caller(arguments.values[0]);
    if (thread.is_error()) return error_result(thread.error());
    auto result = sched::set_priority(*thread.value(), static_cast<sched::Priority>(priority));
    sched::release(*thread.value());
    return result_of(result);
}

// (thread id (0: self), cpu mask) -> 0.
int64_t thread_set_affinity(const Arguments& arguments) {
    uint64_t mask = arguments.values[1];
    if ((mask & sched::online_cpus()) == 0) return error_result(os::Error::kInvalidArgument);
    auto thread = thread_of_caller(arguments.values[0]);
    if (thread.is_error()) return error_result(thread.error());
    auto result = sched::set_affinity(*thread.value(), mask);
    sched::release(*thread.value());
    return result_of(result);
}

// (thread id (0: self), ThreadInfo*) -> 0.
int64_t thread_info(const Arguments& arguments) {
    uint64_t destination = arguments.values[1];
    if (!valid_info_pointer(destination)) return error_result(os::Error::kBadAddress);
    auto thread = thread_of_caller(arguments.values[0]);
    if (thread.is_error()) return error_result(thread.error());
    int64_t result = write_thread_info(*thread.value(), destination);
    sched::release(*thread.value());
    return result;
}

// (thread id, timeout ns) -> exit status.
int64_t thread_join(const Arguments& arguments) {
    process::Process* process = process::current();
    if (process == nullptr) return error_result(os::Error::kNotFound);
    if (arguments.values[0] == 0) return error_result(os::Error::kInvalidArgument);
    auto status = process->join(arguments.values[0], deadline_after(arguments.values[1]));
    if (status.is_error()) return error_result(status.error());
    return status.value();
}

// (uintptr_t pointer) -> 0.
int64_t thread_set_pointer(const Arguments& arguments) {
    uint64_t pointer = arguments.values[0];
    // Any user address (or 0); a kernel or non-canonical one is refused so
    // that loading it (FS base, ...) cannot fault.
    if (pointer >= hal::mm::user_space_end()) return error_result(os::Error::kBadAddress);
    hal::context::set_thread_pointer(pointer);
    return 0;
}

// (thread capability (WRITE), operation, argument) -> 0.
int64_t thread_control(const Arguments& arguments) {
    auto capability = look_up(arguments.values[0], cairn::ObjectType::kThread, cairn::kRightWrite);
    if (capability.is_error()) return error_result(capability.error());
    uint64_t operation = arguments.values[1];
    if (operation < cairn::kThreadOpSetPriority || operation > cairn::kThreadOpKill) {
        return error_result(os::Error::kInvalidArgument);
    }
    auto thread = capability.value().as<process::ThreadObject>().find();
    if (thread.is_error()) return error_result(thread.error());
    auto result = control(*thread.value(), operation, arguments.values[2]);
    sched::release(*thread.value());
    return result_of(result);
}

// (thread capability (READ), ThreadInfo*) -> 0.
int64_t thread_capability_info(const Arguments& arguments) {
    auto capability = look_up(arguments.values[0], cairn::ObjectType::kThread, cairn::kRightRead);
    if (capability.is_error()) return error_result(capability.error());
    uint64_t destination = arguments.values[1];
    if (!valid_info_pointer(destination)) return error_result(os::Error::kBadAddress);
    auto thread = capability.value().as<process::ThreadObject>().find();
    if (thread.is_error()) return error_result(thread.error());
    int64_t result = write_thread_info(*thread.value(), destination);
    sched::release(*thread.value());
    return result;
}

// (ThreadInfo* buffer, capacity, after_thread_id) -> count stored.
// The threads are retained under the registry lock (sched), filled in and
// copied out one by one with no lock held, then released.
int64_t thread_list(const Arguments& arguments) {
    uint64_t destination = arguments.values[0];
    size_t capacity = arguments.values[1] < kMaxThreadList ? arguments.values[1] : kMaxThreadList;
    if (capacity == 0) return 0;
    if (destination % alignof(cairn::ThreadInfo) != 0 ||
        !is_user_range(destination, capacity * sizeof(cairn::ThreadInfo))) {
        return error_result(os::Error::kBadAddress);
    }
    auto** threads = static_cast<sched::Thread**>(kmalloc(capacity * sizeof(sched::Thread*)));
    if (threads == nullptr) return error_result(os::Error::kOutOfMemory);
    size_t count = sched::retain_threads_after(arguments.values[2], threads, capacity);
    os::ErrorOr<void> copied;
    for (size_t i = 0; i < count; ++i) {
        if (!copied.is_error()) {
            copied = write_user(destination + i * sizeof(cairn::ThreadInfo),
                                thread_info_of(*threads[i]));
        }
        sched::release(*threads[i]);
    }
    kfree(threads);
    if (copied.is_error()) return error_result(copied.error());
    return static_cast<int64_t>(count);
}

}  // namespace kernel::syscall
