// Capabilities to threads, processes, address spaces and capability spaces
// (cap_obtain; abi/cairn/syscalls.h): small kernel objects that name
// something of one process.
//
// Lifetime invariant: each object holds a Process reference (Process::
// retain), never a sched::Thread or mm::AddressSpace pointer. A Process's
// memory lives until its last reference, so an object never dangles, and
// it keeps only the Process struct alive - not the threads (their stacks
// are freed by the reaper as usual: it waits for the scheduler's reference
// alone, which a Thread reference held here would block), not the address
// spaces (destroyed at reap) and not the capabilities (closed at reap).
// Each use looks the thing up again and answers kNotFound once it is gone:
//  - a thread by id among the process's live threads (Process::find_thread);
//  - an address space by handle and serial (Process::acquire_by_serial: a
//    destroyed handle that was reused has another serial), held against the
//    reaper only for the duration of one call;
//  - the capability space itself is valid for the Process's lifetime and
//    refuses insertions once closed.
// A process holding a capability to itself (or to its own thread, space or
// capability space) is a reference cycle that its exit breaks: reap()
// closes its capability space, which drops the capabilities and so the
// objects' references.
//
// One object per thing: the process keeps a weak pointer to each live
// object (Process::share_object), so cap_obtain for a thread, the process,
// an address space or the capability space while a capability to it exists
// hands out another root capability to the same object (one cap_info
// object id). The weak pointer is read and cleared under Process::lock_;
// destroy() clears it before the memory goes, and a reader takes a
// reference only with try_retain (never from zero).
//
// Quota: each new object is charged cairn::kObjectCost to the quota that
// cap_obtain names (refunded when the object is destroyed). A cap_obtain
// that finds the shared object alive charges a fresh one, which is freed at
// once (its charge refunded): so an exhausted quota answers kQuotaExceeded
// even then, and a second capability to a live object costs nothing.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"
#include "kernel/process/process.h"

namespace kernel::object {
class Quota;
}

namespace kernel::process {

// The part every such object shares: the Process reference.
class ProcessBound : public object::KernelObject {
public:
    Process& process() const { return *process_; }

protected:
    ProcessBound(object::ObjectType type, Process& process);
    ~ProcessBound();

private:
    Process* const process_;  // one reference, dropped by the destructor
};

// kThread: a thread of `process`, by id.
class ThreadObject final : public ProcessBound {
public:
    static os::ErrorOr<ThreadObject*> create(object::Quota& quota, Process& process,
                                             sched::ThreadId id);
    // The thread, retained (sched::release() it); kNotFound once it ended.
    os::ErrorOr<sched::Thread*> find() const { return process().find_thread(thread_id_); }

private:
    friend class object::Allocator;
    ThreadObject(Process& process, sched::ThreadId id)
        : ProcessBound(object::ObjectType::kThread, process), thread_id_(id) {}
    void destroy() override;

    const sched::ThreadId thread_id_;
};

// kProcess: the process itself.
class ProcessObject final : public ProcessBound {
public:
    static os::ErrorOr<ProcessObject*> create(object::Quota& quota, Process& process);

private:
    friend class object::Allocator;
    explicit ProcessObject(Process& process)
        : ProcessBound(object::ObjectType::kProcess, process) {}
    void destroy() override;
};

// kAddressSpace: one address space of `process` (handle 0: its own).
class AddressSpaceObject final : public ProcessBound {
public:
    // kNotFound for a handle not in use.
    static os::ErrorOr<AddressSpaceObject*> create(object::Quota& quota, Process& process,
                                                   uint64_t handle);

    // The space, held against destruction until release_space(); kNotFound once
    // the space or the process is gone.
    os::ErrorOr<mm::AddressSpace*> acquire() const {
        return process().acquire_by_serial(handle_, serial_);
    }
    void release_space() const { process().release_by_serial(handle_); }

private:
    friend class object::Allocator;
    AddressSpaceObject(Process& process, uint64_t handle, uint64_t serial)
        : ProcessBound(object::ObjectType::kAddressSpace, process),
          handle_(handle),
          serial_(serial) {}
    void destroy() override;

    const uint64_t handle_;
    const uint64_t serial_;
};

// kCapabilitySpace: the process's capability space (closed once it ended).
class CapabilitySpaceObject final : public ProcessBound {
public:
    static os::ErrorOr<CapabilitySpaceObject*> create(object::Quota& quota, Process& process);

private:
    friend class object::Allocator;
    explicit CapabilitySpaceObject(Process& process)
        : ProcessBound(object::ObjectType::kCapabilitySpace, process) {}
    void destroy() override;
};

}  // namespace kernel::process
