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

// Uncharged (nullptr quota): see objects.h.
os::ErrorOr<ThreadObject*> ThreadObject::create(Process& process, sched::ThreadId id) {
    return object::Allocator::create<ThreadObject>(nullptr, 0, process, id);
}

void ThreadObject::destroy() {
    object::Allocator::destroy(this);
}

os::ErrorOr<ProcessObject*> ProcessObject::create(Process& process) {
    return object::Allocator::create<ProcessObject>(nullptr, 0, process);
}

void ProcessObject::destroy() {
    object::Allocator::destroy(this);
}

os::ErrorOr<AddressSpaceObject*> AddressSpaceObject::create(Process& process, uint64_t handle) {
    uint64_t serial = TRY(process.handle_serial(handle));
    return object::Allocator::create<AddressSpaceObject>(nullptr, 0, process, handle, serial);
}

void AddressSpaceObject::destroy() {
    object::Allocator::destroy(this);
}

os::ErrorOr<CapabilitySpaceObject*> CapabilitySpaceObject::create(Process& process) {
    return object::Allocator::create<CapabilitySpaceObject>(nullptr, 0, process);
}

void CapabilitySpaceObject::destroy() {
    object::Allocator::destroy(this);
}

}  // namespace kernel::process
