// Processes: an address space, the user threads that run in it, a table of
// extra address spaces (as_create handles), an exit status and the parent
// that may wait for it.
//
// Life cycle:
//   spawn() -> kRunning (main thread started)
//   last thread exits (thread_exit, a fault, or process_exit killing the
//   others) -> kExiting: the reaper (reaper.cc) releases each thread once
//   its CPU has left it, then destroys every address space of the process
//   -> kExited: the exit status is final and process_wait returns it
//   (once the reaper has dropped its reference too: wait_child).
//   The parent's wait (or the parent being gone) removes the process from
//   the table; the last reference frees it.
//
// Threads: each thread has a ThreadRecord that holds the Thread's creation
// reference from create until the reaper sees the scheduler has let go of
// the thread (then its kernel stack is freed), and the exit status until a
// join collects it (a join waits for both: the thread's end and the reaper's
// release). So thousands of threads created and exited hold no
// kernel stacks beyond the ones still running.
//
// Memory quota (abi/cairn/capability.h's accounting rule): each process
// holds a reference on the quota its spawner named, and what the kernel
// allocates for it is charged there and refunded where it is freed:
//   kProcessCost (this struct, the capability space's header): release()
//   kAddressSpaceCost (its own space):                   reap()
//   kAddressSpaceCost per as_create handle:     destroy_address_space(), reap()
//   the page tables and anonymous pages of all its spaces, including the
//     program's pages the loader fills (the spaces carry the quota as their
//     mm::MemoryAccount): as each is freed, at the latest when its space is
//     destroyed (kernel/mm/vm/memory_account.h)
//   kThreadCost per thread: kThreadCost - kObjectCost when reap() lets go of
//     the thread (its kernel stack is freed), kObjectCost when its record is
//     freed (joined, or the process ended)
//   kCapabilityChunkCost per chunk of slots: the capability space (kernel/cap)
// So the quota outlives everything charged to it (the last refund comes
// from release(), which then drops the reference).
//
// Locking: Process::lock_ guards the records, handles and state; the table
// lock (process.cc) guards the table and is taken before any Process lock.
// Neither is held across a copy to or from user memory.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/thread_context.h"
#include "kernel/io_ports/io_ports.h"
#include "kernel/lib/error.h"
#include "kernel/lib/span.h"
#include "kernel/process/handle_table.h"
#include "kernel/sched/list.h"
#include "kernel/sched/thread.h"
#include "kernel/sched/wait_queue.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {
class AddressSpace;
}

namespace kernel::cap {
class CapabilitySpace;
}

namespace kernel::object {
class KernelObject;
class Quota;
}  // namespace kernel::object

namespace cairn {
struct ProcessInfo;
}

namespace kernel::process {

using ProcessId = uint64_t;

inline constexpr size_t kMaxAddressSpaceHandles = 16;
inline constexpr size_t kNameCapacity = 32;

enum class ProcessState : uint8_t { kRunning, kExiting, kExited };

struct ThreadRecord {
    sched::ListNode link;
    sched::Thread* thread = nullptr;  // the creation reference; nullptr once released
    sched::ThreadId id = 0;
    mm::AddressSpace* space = nullptr;  // the space it runs in
    bool exited = false;
    bool joined = false;     // a join claimed it (one joiner per thread)
    bool collected = false;  // the joiner has read the status
    int64_t status = 0;
    void* object = nullptr;  // its capability object (Process::share_object), weak
};

struct ThreadRequest {
    uint64_t handle = 0;  // address space handle; 0: the process's own
    hal::context::UserEntry entry;
    sched::Priority priority = sched::kDefaultNormalPriority;
    sched::CpuMask affinity = sched::kAllCpus;
    // The user address of a cairn::StartInfo whose thread_id to fill in
    // before the thread runs (the main thread's), or 0.
    uint64_t start_info = 0;
    // The caller charged kThreadCost to the process's quota already (spawn,
    // for the main thread); create_thread owns that charge from the call on.
    bool charged = false;
};

enum class ReapResult : uint8_t {
    kIdle,   // nothing left to do now
    kRetry,  // an exited thread's CPU has not left it yet: try again soon
};

class Process;

// A list link that finds its Process (Process is not standard-layout, so
// offsetof cannot be used on it). `node` comes first.
struct ProcessLink {
    sched::ListNode node;
    Process* process = nullptr;
    bool linked() const { return node.linked(); }
    void unlink() { node.unlink(); }
    static Process* of(sched::ListNode* node) {
        return reinterpret_cast<ProcessLink*>(node)->process;
    }
};

class Process final : public sched::ThreadObserver {
public:
    ProcessId id() const { return id_; }
    ProcessId parent() const { return parent_; }
    const char* name() const { return name_; }
    mm::AddressSpace& address_space() const { return *space_; }
    // The process's capability slots (kernel/cap). Valid for the Process's
    // whole lifetime; closed (every capability deleted, none accepted) once
    // the process has ended, freed with the Process.
    cap::CapabilitySpace& capabilities() const { return *capabilities_; }
    ProcessState state() const;
    // The I/O port ranges its threads may use (kernel/io_ports; x86_64).
    io_ports::ProcessPorts& port_access() { return ports_; }

    // ---- Threads -----------------------------------------------------------

    // Creates and starts a user thread, charged kThreadCost to the memory
    // quota (kQuotaExceeded: nothing made). kNoSpace once the process exits.
    os::ErrorOr<sched::ThreadId> create_thread(const ThreadRequest& request);
    // The thread `id` of this process, retained (sched::release() it), if
    // it has not exited; kNotFound otherwise.
    os::ErrorOr<sched::Thread*> find_thread(sched::ThreadId id);
    // Waits for thread `id` to exit and returns its status, once per thread.
    // kNotFound (not ours, joined already), kInvalidArgument (the caller
    // itself), kTimedOut.
    os::ErrorOr<int64_t> join(sched::ThreadId id, uint64_t deadline_ns);
    // Kills every other thread and exits the caller: the process's status
    // becomes `status` (the first process_exit wins).
    [[noreturn]] void exit(int64_t status);
    size_t live_threads() const;

    // ---- Address space handles (1..kMaxAddressSpaceHandles) -----------------

    // as_create: a new address space under a new handle, charged
    // kAddressSpaceCost (kQuotaExceeded). kNoSpace when the table is full or
    // the process is ending; kOutOfMemory. Nothing is left made or charged
    // on error.
    os::ErrorOr<uint64_t> create_address_space();
    // A handle in use: the space cannot be destroyed until release_handle().
    os::ErrorOr<mm::AddressSpace*> acquire_handle(uint64_t handle);
    void release_handle(uint64_t handle);
    // kInvalidArgument for 0, kNotFound, kPermissionDenied while a thread
    // runs (or ran and was not reaped yet) in it or a call uses it.
    os::ErrorOr<void> destroy_address_space(uint64_t handle);

    // ---- Exit ----------------------------------------------------------------

    // Waits until the process has exited (kExited) and returns its status.
    os::ErrorOr<int64_t> wait_for_exit(uint64_t deadline_ns);

    // ---- Through capabilities (objects.h; callers in any process) -------------

    // Ends every thread with `status` as process_exit would (the status
    // is final). kNotFound once it has ended or is ending.
    os::ErrorOr<void> kill(int64_t status);
    // process_info's answer (also after the process has ended).
    void describe(cairn::ProcessInfo& info) const;
    // The serial of address space `handle` (0: its own, serial 0): the
    // handle plus its serial name one space for good, even after the
    // handle is destroyed and reused. kNotFound for an unused handle.
    os::ErrorOr<uint64_t> handle_serial(uint64_t handle) const;
    // acquire_handle() for another process: kNotFound unless the process
    // runs and `handle` still names the space of that serial. While held,
    // the reaper does not destroy the process's spaces (reap() retries).
    os::ErrorOr<mm::AddressSpace*> acquire_by_serial(uint64_t handle, uint64_t serial);
    void release_by_serial(uint64_t handle);

    // One capability object per thing (objects.h), so that every capability
    // to it shares one cap_info object id. The process keeps weak pointers:
    // share_object returns the live object for (kind, key, serial) retained,
    // or stores `fresh` and returns it (the caller then releases `fresh` if
    // it got another); the object's destroy() calls forget_object.
    enum class ObjectKind : uint8_t { kProcess, kCapabilitySpace, kThread, kAddressSpace };
    object::KernelObject* share_object(ObjectKind kind, uint64_t key, uint64_t serial,
                                       object::KernelObject* fresh);
    void forget_object(ObjectKind kind, uint64_t key, uint64_t serial,
                       const object::KernelObject* object);

    // The quota everything above is charged to (nullptr: an uncharged
    // process, for kernel tests only).
    object::Quota* memory_quota() const { return quota_; }

    void retain();
    void release();

    // sched::ThreadObserver
    void thread_exited(sched::Thread& thread, int64_t status) override;

    // ---- For process.cc / reaper.cc -------------------------------------------
    // `path`: the program's ("bin/<name>"); its base name names the threads.
    // Takes over `quota`'s charge of kProcessCost and `space_charge` (its
    // own space's kAddressSpaceCost; spawn took them) and retains it.
    Process(ProcessId id, ProcessId parent, const char* path, mm::AddressSpace* space,
            cap::CapabilitySpace* capabilities, object::Quota* quota, uint64_t space_charge);
    // Undoes a spawn whose main thread never started (spawn.cc): closes the
    // capabilities, destroys the space and drops the caller's reference.
    void abandon();
    // Releases the exited threads whose CPUs have left them; once the last
    // one is released, destroys the address spaces and makes it kExited.
    // Called by the reaper only.
    ReapResult reap();
    ProcessLink table_link;
    ProcessLink reap_link;  // guarded by the reaper's lock

private:
    ~Process() = default;
    ThreadRecord* record_of(sched::ThreadId id);
    void** weak_slot_locked(ObjectKind kind, uint64_t key, uint64_t serial);
    bool space_in_use(const mm::AddressSpace* space) const;
    void free_record(ThreadRecord* record);
    void destroy_own_space();
    void refund(uint64_t bytes);

    const ProcessId id_;
    const ProcessId parent_;
    char name_[kNameCapacity] = {};     // "init": the program's base name
    char program_[kNameCapacity] = {};  // "bin/init" (truncated): process_info
    mm::AddressSpace* space_;
    cap::CapabilitySpace* const capabilities_;  // owned
    object::Quota* const quota_;                // retained until release() frees us
    const uint64_t space_charge_;               // refunded with space_
    io_ports::ProcessPorts ports_;              // every thread attaches to it (create_thread)

    mutable SpinLock lock_;
    sched::List threads_;  // ThreadRecords in creation order
    size_t live_threads_ = 0;
    bool started_ = false;  // a thread was created: live_threads_ == 0 means exit
    ProcessState state_ = ProcessState::kRunning;
    bool status_fixed_ = false;  // process_exit chose the status
    int64_t exit_status_ = 0;
    HandleTable<mm::AddressSpace, kMaxAddressSpaceHandles> handles_;
    // share_object's weak pointers (threads': ThreadRecord::object; address
    // spaces': in handles_).
    void* process_object_ = nullptr;
    void* capability_space_object_ = nullptr;
    void* own_space_object_ = nullptr;
    sched::WaitQueue thread_exits_;  // join
    sched::WaitQueue process_exit_;  // wait_for_exit
    uint32_t references_ = 1;
};

// The process of the running thread (nullptr for kernel threads).
Process* current();

// Loads `path` ("bin/<name>") from the boot archive into a new process whose
// main thread gets `argument` in its StartInfo. `quota` becomes its memory
// quota and pays for it: kProcessCost + kAddressSpaceCost + kThreadCost
// first, then the pages and tables the loader fills (its space charges them
// as they are made; abi/cairn/capability.h). kQuotaExceeded before anything
// visible is made (no process, no id used up, nothing left charged). Errors: kNotFound (no such file or no boot
// archive), the ELF's (kMalformed, kUnsupported, kPermissionDenied; the
// reason is printed), kOutOfMemory. On error nothing stays charged.
//
// `prepare`, if given, runs once the child exists but before its main thread
// starts (nothing of the child has run and no other process can find it
// yet): it fills the child's capability space (process_spawn_with_caps,
// init's initial capabilities). Its error undoes the spawn.
struct SpawnPreparation {
    os::ErrorOr<void> (*prepare)(Process& child, void* context) = nullptr;
    void* context = nullptr;
};
os::ErrorOr<ProcessId> spawn(const char* path, const char* argument, ProcessId parent,
                             object::Quota* quota, const SpawnPreparation* preparation = nullptr);

// The contents of regular file `path` of the boot archive (read-only for
// the kernel's lifetime: callers copy from it with no lock held).
// kNotFound if there is no such file or no boot archive.
os::ErrorOr<os::Bytes> boot_file(const char* path);

// Waits for child `id` of `parent` and returns its exit status; the child
// is gone afterwards. kNotFound if it is no child of `parent` (any more).
os::ErrorOr<int64_t> wait_child(ProcessId parent, ProcessId id, uint64_t deadline_ns);

// Child `id` of `parent`, retained (release() it), while it is in the table
// (until its exit status is collected); kNotFound otherwise.
os::ErrorOr<Process*> find_child(ProcessId parent, ProcessId id);

size_t process_count();

}  // namespace kernel::process
