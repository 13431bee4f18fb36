#include "kernel/io_ports/io_ports.h"

#include "kernel/interrupt/ipi.h"
#include "kernel/object/allocator.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::io_ports {
namespace {

// Guards every GrantTable, the list of tables that hold a range, and
// IoPorts::withdrawn_. Never held across refresh_all() (a remote call
// target may spin on nothing, but the caller must not hold a lock while it
// waits, ipi.h).
SpinLock lock;
ProcessPorts* enabled_tables = nullptr;
// The next even generation (hal/io_ports.h): unique across all tables.
uint64_t next_generation = 2;

uint64_t take_generation() {
    uint64_t generation = next_generation;
    next_generation += 2;
    return generation;
}

void refresh_on_cpu(void*) {
    hal::io_ports::refresh();
}

// Every CPU re-applies its running thread's ports: after it, a withdrawn
// range is closed everywhere and a new one open for every thread.
void refresh_all() {
    interrupt::call_on_cpus(~interrupt::CpuMask{0}, refresh_on_cpu, nullptr);
}

}  // namespace

IoPorts::IoPorts(Range range) : KernelObject(object::ObjectType::kIoPorts), range_(range) {}

os::ErrorOr<IoPorts*> IoPorts::create(object::Quota& quota, uint64_t first, uint64_t count) {
    if (!hal::io_ports::supported()) return os::Error::kUnsupported;
    size_t reserved_count = 0;
    const Range* reserved = hal::io_ports::kernel_ranges(&reserved_count);
    Range range = TRY(check_request(first, count, reserved, reserved_count));
    return object::Allocator::create<IoPorts>(&quota, 0, range);
}

os::ErrorOr<void> IoPorts::enable(ProcessPorts& ports) {
    {
        SpinLockGuard guard(lock);
        if (withdrawn_) return os::Error::kNoCapability;
        if (ports.table_.holds(this)) return {};
        ports.table_.begin_edit();
        os::ErrorOr<void> added = ports.table_.add(range_, this);
        ports.table_.end_edit(take_generation());
        if (added.is_error()) return added.error();
        retain();  // the table's, dropped when the range goes
        if (!ports.listed_) {
            ports.next_ = enabled_tables;
            enabled_tables = &ports;
            ports.listed_ = true;
        }
    }
    refresh_all();
    return {};
}

void IoPorts::on_last_capability() {
    uint32_t removed = 0;
    {
        SpinLockGuard guard(lock);
        withdrawn_ = true;
        for (ProcessPorts* ports = enabled_tables; ports != nullptr; ports = ports->next_) {
            if (!ports->table_.holds(this)) continue;
            ports->table_.begin_edit();
            removed += ports->table_.remove(this);
            ports->table_.end_edit(take_generation());
        }
    }
    if (removed == 0) return;
    refresh_all();
    // The tables' references; the caller of on_last_capability still holds
    // one, so the object outlives this function.
    for (uint32_t i = 0; i < removed; ++i)
        release();
}

void IoPorts::destroy() {
    object::Allocator::destroy(this);
}

void ProcessPorts::clear() {
    const void* owners[kMaxRanges] = {};
    uint32_t count = 0;
    {
        SpinLockGuard guard(lock);
        if (!listed_) return;
        count = table_.access.range_count;
        for (uint32_t i = 0; i < count; ++i)
            owners[i] = table_.owners[i];
        table_.begin_edit();
        for (uint32_t i = 0; i < count; ++i)
            table_.remove(owners[i]);
        table_.end_edit(take_generation());
        for (ProcessPorts** link = &enabled_tables; *link != nullptr; link = &(*link)->next_) {
            if (*link == this) {
                *link = next_;
                break;
            }
        }
        listed_ = false;
    }
    // No thread of the process runs; CPUs that last ran one compare the
    // (address, generation) pair at their next user switch and close the
    // ports then.
    for (uint32_t i = 0; i < count; ++i) {
        auto* object = static_cast<const IoPorts*>(owners[i]);
        const_cast<IoPorts*>(object)->release();
    }
}

}  // namespace kernel::io_ports
