// The kernel objects of objects.h: each holds one Process reference.
#include "kernel/process/objects.h"

#include "kernel/object/allocator.h"

namespace kernel::process {

ProcessBound::ProcessBound(object::ObjectType type, Process& process)
    : KernelObject(type), process_(&process) {
    process.retain();
}

// May drop the last reference to the Process and free it: destroy() runs
// with no capability or IPC lock held (KernelObject::release's callers).
ProcessBound::~ProcessBound() {
    process_->release();
}

namespace {

using Kind = Process::ObjectKind;

// The one object for (kind, key, serial): a live one the process already
// has, retained, or `fresh` (which the process then remembers).
template <typename T>
T* shared(Process& process, Kind kind, uint64_t key, uint64_t serial, T* fresh) {
    object::KernelObject* kept = process.share_object(kind, key, serial, fresh);
    // Not remembered: freed at once (its destroy() finds another object in
    // the weak slot and leaves it).
    if (kept != fresh) fresh->release();
    return static_cast<T*>(kept);
}

}  // namespace

// Each charged kObjectCost to `quota` (objects.h).
os::ErrorOr<ThreadObject*> ThreadObject::create(object::Quota& quota, Process& process,
                                                sched::ThreadId id) {
    auto* fresh = TRY(object::Allocator::create<ThreadObject>(&quota, 0, process, id));
    return shared(process, Kind::kThread, id, 0, fresh);
}

void ThreadObject::destroy() {
    process().forget_object(Kind::kThread, thread_id_, 0, this);
    object::Allocator::destroy(this);
}

os::ErrorOr<ProcessObject*> ProcessObject::create(object::Quota& quota, Process& process) {
    auto* fresh = TRY(object::Allocator::create<ProcessObject>(&quota, 0, process));
    return shared(process, Kind::kProcess, 0, 0, fresh);
}

void ProcessObject::destroy() {
    process().forget_object(Kind::kProcess, 0, 0, this);
    object::Allocator::destroy(this);
}

os::ErrorOr<AddressSpaceObject*> AddressSpaceObject::create(object::Quota& quota, Process& process,
                                                            uint64_t handle) {
    uint64_t serial = TRY(process.handle_serial(handle));
    auto* fresh =
        TRY(object::Allocator::create<AddressSpaceObject>(&quota, 0, process, handle, serial));
    return shared(process, Kind::kAddressSpace, handle, serial, fresh);
}

void AddressSpaceObject::destroy() {
    process().forget_object(Kind::kAddressSpace, handle_, serial_, this);
    object::Allocator::destroy(this);
}

os::ErrorOr<CapabilitySpaceObject*> CapabilitySpaceObject::create(object::Quota& quota,
                                                                  Process& process) {
    auto* fresh = TRY(object::Allocator::create<CapabilitySpaceObject>(&quota, 0, process));
    return shared(process, Kind::kCapabilitySpace, 0, 0, fresh);
}

void CapabilitySpaceObject::destroy() {
    process().forget_object(Kind::kCapabilitySpace, 0, 0, this);
    object::Allocator::destroy(this);
}

}  // namespace kernel::process
