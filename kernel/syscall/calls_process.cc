// process_spawn, process_wait, process_exit, process_kill, process_info,
// clock_monotonic, system_info, boot_file_read, memory_nodes.
#include "cairn/syscalls.h"
#include "hal/mm.h"
#include "kernel/lib/string.h"
#include "kernel/mm/heap/heap.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/object/quota.h"
#include "kernel/process/objects.h"
#include "kernel/process/process.h"
#include "kernel/sched/scheduler.h"
#include "kernel/smp/cpus.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/syscall.h"
#include "kernel/syscall/user_memory.h"
#include "kernel/time/clock.h"

namespace kernel::syscall {
namespace {

constexpr size_t kMaxPath = 128;      // "bin/<name>"
constexpr size_t kMaxArgument = 256;  // StartInfo.argument

int64_t exit_status_of(uint64_t value) {
    return static_cast<int64_t>(value & ~(uint64_t{1} << 63));
}

}  // namespace

// (path, path_length, argument, argument_length, quota (WRITE)) -> process
// id. The quota (checked first) pays for the child and stays its memory
// quota (kernel/process/process.h).
int64_t process_spawn(const Arguments& arguments) {
    process::Process* self = process::current();
    if (self == nullptr) return error_result(os::Error::kNotFound);
    auto quota = look_up(arguments.values[4], cairn::ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    if (arguments.values[1] == 0) return error_result(os::Error::kInvalidArgument);
    char path[kMaxPath];
    char argument[kMaxArgument];
    auto copied = copy_string(arguments.values[0], arguments.values[1], path, sizeof(path));
    if (copied.is_error()) return error_result(copied.error());
    copied = copy_string(arguments.values[2], arguments.values[3], argument, sizeof(argument));
    if (copied.is_error()) return error_result(copied.error());
    auto id = process::spawn(path, argument, self->id(), &quota.value().as<object::Quota>());
    if (id.is_error()) return error_result(id.error());
    return static_cast<int64_t>(id.value());
}

// (process id, timeout ns) -> exit status.
int64_t process_wait(const Arguments& arguments) {
    process::Process* self = process::current();
    if (self == nullptr) return error_result(os::Error::kNotFound);
    auto status =
        process::wait_child(self->id(), arguments.values[0], deadline_after(arguments.values[1]));
    if (status.is_error()) return error_result(status.error());
    return status.value();
}

// (status) -> never returns.
int64_t process_exit(const Arguments& arguments) {
    process::Process* self = process::current();
    int64_t status = exit_status_of(arguments.values[0]);
    if (self == nullptr) sched::exit_current(status);
    self->exit(status);
}

// (process capability (WRITE), status) -> 0.
int64_t process_kill(const Arguments& arguments) {
    auto capability = look_up(arguments.values[0], cairn::ObjectType::kProcess, cairn::kRightWrite);
    if (capability.is_error()) return error_result(capability.error());
    process::Process& target = capability.value().as<process::ProcessObject>().process();
    // A caller killing its own process ends with the others on its way
    // back to user mode (sched::kill), after this returns.
    return result_of(target.kill(exit_status_of(arguments.values[1])));
}

// (process capability (READ), ProcessInfo*) -> 0.
int64_t process_info(const Arguments& arguments) {
    auto capability = look_up(arguments.values[0], cairn::ObjectType::kProcess, cairn::kRightRead);
    if (capability.is_error()) return error_result(capability.error());
    cairn::ProcessInfo info{};
    capability.value().as<process::ProcessObject>().process().describe(info);
    return result_of(write_user(arguments.values[1], info));
}

// () -> ns since boot.
int64_t clock_monotonic(const Arguments&) {
    return static_cast<int64_t>(time::now_ns());
}

namespace {

// What the kernel heap holds: see cairn::SystemInfo. The heap's metadata
// caches ("heap-*": magazines, off-slab headers, cache descriptors) grow
// and shrink with caching itself, so their objects count as the heap's.
void add_heap_usage(cairn::SystemInfo& info) {
    auto visit = [](const mm::CacheStatistics& cache, void* context) {
        auto* usage = static_cast<cairn::SystemInfo*>(context);
        usage->kernel_heap_bytes += cache.pages * hal::mm::kPageSize;
        bool metadata = os::starts_with(cache.name, "heap-");
        if (!metadata) usage->kernel_objects_bytes += cache.objects_in_use * cache.stride;
    };
    mm::kernel_heap().visit_caches(visit, &info);
    mm::LargeAllocationStatistics large = mm::kernel_heap().large_statistics();
    info.kernel_heap_bytes += large.pages * hal::mm::kPageSize;
    info.kernel_objects_bytes += large.pages * hal::mm::kPageSize;
}

}  // namespace

// (SystemInfo*) -> 0.
int64_t system_info(const Arguments& arguments) {
    cairn::SystemInfo info{};
    info.cpu_count = smp::online_cpus();
    info.page_size = hal::mm::kPageSize;
    info.total_memory = mm::physical_memory().total_bytes();
    info.free_memory = mm::physical_memory().free_bytes();
    info.thread_count = sched::thread_count();
    info.process_count = process::process_count();
    info.syscall_rate_limit = rate_limit().rate;
    info.uptime_ns = time::now_ns();
    add_heap_usage(info);
    return result_of(write_user(arguments.values[0], info));
}

// (path, path_length, offset, buffer, length) -> bytes copied. The archive
// never changes after boot, so the copy goes straight from it, unlocked.
int64_t boot_file_read(const Arguments& arguments) {
    uint64_t path_length = arguments.values[1];
    if (path_length == 0) return error_result(os::Error::kInvalidArgument);
    char path[kMaxPath];
    auto copied = copy_string(arguments.values[0], path_length, path, sizeof(path));
    if (copied.is_error()) return error_result(copied.error());
    uint64_t offset = arguments.values[2];
    uint64_t destination = arguments.values[3];
    uint64_t length = arguments.values[4];
    // Checked before the file is looked at, so a bad buffer is kBadAddress
    // at every offset, not only where something would be copied.
    if (!is_user_range(destination, length)) return error_result(os::Error::kBadAddress);
    auto file = process::boot_file(path);
    if (file.is_error()) return error_result(file.error());
    os::Bytes data = file.value();
    if (offset >= data.size()) return 0;
    uint64_t count = data.size() - offset < length ? data.size() - offset : length;
    auto written = copy_out(destination, data.data() + offset, count);
    if (written.is_error()) return error_result(written.error());
    return static_cast<int64_t>(count);
}

// (MemoryNodeInfo* buffer, capacity) -> node count. Nodes without memory
// are left out; each node's numbers are read under its own lock, so the
// sum is as current as system_info's free_memory.
int64_t memory_nodes(const Arguments& arguments) {
    const mm::PhysicalMemory& memory = mm::physical_memory();
    uint64_t destination = arguments.values[0];
    uint64_t capacity = arguments.values[1];
    if (destination % alignof(cairn::MemoryNodeInfo) != 0) {
        return error_result(os::Error::kBadAddress);
    }
    uint64_t count = 0;
    for (uint32_t node = 0; node < memory.node_limit(); ++node) {
        if (!memory.node_has_memory(node)) continue;
        if (count < capacity) {
            mm::NodeStatistics statistics = memory.statistics(node);
            cairn::MemoryNodeInfo info{};
            info.node = node;
            info.total_bytes = statistics.total_bytes;
            info.free_bytes = statistics.free_bytes;
            auto written = write_user(destination + count * sizeof(info), info);
            if (written.is_error()) return error_result(written.error());
        }
        ++count;
    }
    return static_cast<int64_t>(count);
}

}  // namespace kernel::syscall
