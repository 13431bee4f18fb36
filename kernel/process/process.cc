// Process objects: threads, handles, exit, and the process table.
#include "kernel/process/process.h"

#include "cairn/syscalls.h"
#include "hal/io_ports.h"
#include "kernel/cap/capability_space.h"
#include "kernel/elf/loader.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/object/kernel_object.h"
#include "kernel/object/quota.h"
#include "kernel/process/internal.h"
#include "kernel/sched/scheduler.h"

namespace kernel::process {

namespace internal {

SpinLock table_lock;
sched::List table;  // every Process not yet removed, guarded by table_lock
size_t table_count = 0;
ProcessId next_id = 1;

Process* process_of_table(sched::ListNode* node) {
    return ProcessLink::of(node);
}

// Table lock held.
Process* find_locked(ProcessId id) {
    for (sched::ListNode* node = table.first(); node != nullptr; node = table.after(node)) {
        Process* process = process_of_table(node);
        if (process->id() == id) return process;
    }
    return nullptr;
}

// Table lock held: drops the table's reference.
void remove_locked(Process* process) {
    process->table_link.unlink();
    --table_count;
    process->release();
}

}  // namespace internal

using namespace internal;

namespace {

ThreadRecord* record_of_link(sched::ListNode* node) {
    return reinterpret_cast<ThreadRecord*>(reinterpret_cast<char*>(node) -
                                           __builtin_offsetof(ThreadRecord, link));
}

// True when the scheduler has let go of an exited thread: its CPU has
// switched to another thread (and address space), so only the record's
// reference is left. (The scheduler drops its reference exactly then; see
// kernel/sched/thread.h.)
bool scheduler_released(const sched::Thread& thread) {
    return __atomic_load_n(&thread.references, __ATOMIC_ACQUIRE) == 1;
}

// A thread's charge in two parts (process.h): the record's, refunded when
// the record goes, and the rest (kernel stack, scheduler state), refunded
// when the thread is released.
constexpr uint64_t kRecordCost = cairn::kObjectCost;
constexpr uint64_t kThreadStackCost = cairn::kThreadCost - kRecordCost;
static_assert(sizeof(ThreadRecord) <= kRecordCost);
static_assert(sched::kKernelStackSize + sizeof(sched::Thread) <= kThreadStackCost);

}  // namespace

namespace {

const char* base_name(const char* path) {
    const char* name = path;
    for (const char* c = path; *c != '\0'; ++c) {
        if (*c == '/') name = c + 1;
    }
    return name;
}

// Copies a NUL-terminated string, truncated to fit with its NUL.
void copy_name(char (&destination)[kNameCapacity], const char* source) {
    size_t length = 0;
    while (source[length] != '\0' && length < kNameCapacity - 1) {
        destination[length] = source[length];
        ++length;
    }
}

}  // namespace

// kProcessCost covers this struct and the capability space's header (its
// chunks are charged as they are made).
static_assert(sizeof(Process) + sizeof(cap::CapabilitySpace) +
                  (cairn::kCapabilitySlots / cairn::kCapabilityChunkSlots) * sizeof(void*) <=
              cairn::kProcessCost);

Process::Process(ProcessId id, ProcessId parent, const char* path, mm::AddressSpace* space,
                 cap::CapabilitySpace* capabilities, object::Quota* quota, uint64_t space_charge)
    : id_(id),
      parent_(parent),
      space_(space),
      capabilities_(capabilities),
      quota_(quota),
      space_charge_(space_charge) {
    if (quota_ != nullptr) quota_->retain();
    table_link.process = this;
    reap_link.process = this;
    copy_name(name_, base_name(path));
    copy_name(program_, path);
}

ProcessState Process::state() const {
    SpinLockGuard guard(lock_);
    return state_;
}

size_t Process::live_threads() const {
    SpinLockGuard guard(lock_);
    return live_threads_;
}

void Process::retain() {
    __atomic_add_fetch(&references_, 1, __ATOMIC_RELAXED);
}

void Process::release() {
    if (__atomic_sub_fetch(&references_, 1, __ATOMIC_ACQ_REL) != 0) return;
    // kExited (or never started): no threads, no address spaces, no records
    // left but the ones freed here.
    while (sched::ListNode* node = threads_.first())
        free_record(record_of_link(node));
    // Closed when it exited (or never started); others may have looked at
    // it until now, so only the last reference frees it. This may run under
    // the table lock (remove_locked): lock order table lock -> cap locks;
    // the space is empty, so no object is released from here (its chunks'
    // charge goes back to the quota, which it holds a reference on too).
    capabilities_->destroy();
    ports_.clear();  // after the capabilities: no enabled range outlives this
    object::Quota* quota = quota_;
    this->~Process();
    kfree(this);
    // Last: the quota may go with this reference (a quota that is
    // destroyed refunds its own parent; kernel/object/allocator.cc).
    if (quota != nullptr) {
        quota->refund(cairn::kProcessCost);
        quota->release();
    }
}

void Process::refund(uint64_t bytes) {
    if (quota_ != nullptr) quota_->refund(bytes);
}

void Process::destroy_own_space() {
    mm::as_destroy(space_);
    space_ = nullptr;
    refund(space_charge_);
}

void Process::abandon() {
    capabilities_->close();
    destroy_own_space();
    release();
}

ThreadRecord* Process::record_of(sched::ThreadId id) {
    for (sched::ListNode* node = threads_.first(); node != nullptr; node = threads_.after(node)) {
        ThreadRecord* record = record_of_link(node);
        if (record->id == id) return record;
    }
    return nullptr;
}

// lock_ held.
bool Process::space_in_use(const mm::AddressSpace* space) const {
    auto& threads = const_cast<sched::List&>(threads_);
    for (sched::ListNode* node = threads.first(); node != nullptr; node = threads.after(node)) {
        const ThreadRecord* record = record_of_link(node);
        if (record->space == space && record->thread != nullptr) return true;
    }
    return false;
}

// lock_ held; the record is exited, joined and released.
void Process::free_record(ThreadRecord* record) {
    record->link.unlink();
    kfree(record);
    refund(kRecordCost);
}

os::ErrorOr<sched::ThreadId> Process::create_thread(const ThreadRequest& request) {
    // Paid for first (or by the caller): a thread the quota cannot pay for
    // is never made. From here on every error gives the charge back.
    if (!request.charged && quota_ != nullptr) TRY(quota_->charge(cairn::kThreadCost));
    object::ScopedCharge charge = object::ScopedCharge::adopt(quota_, cairn::kThreadCost);
    mm::AddressSpace* space = space_;
    if (request.handle != 0) space = TRY(acquire_handle(request.handle));
    auto* record = static_cast<ThreadRecord*>(kmalloc(sizeof(ThreadRecord)));
    if (record == nullptr) {
        if (request.handle != 0) release_handle(request.handle);
        return os::Error::kOutOfMemory;
    }
    new (record) ThreadRecord();

    sched::ThreadOptions options;
    options.name = name_;
    options.priority = request.priority;
    options.affinity = request.affinity;
    options.address_space = space;
    options.observer = this;
    options.owner = this;
    options.owner_id = id_;
    auto created = sched::create_user_thread(request.entry, options);
    if (created.is_error()) {
        kfree(record);
        if (request.handle != 0) release_handle(request.handle);
        return created.error();
    }
    sched::Thread* thread = created.value();
    // Before it first runs: every switch-in applies the process's ports.
    hal::io_ports::attach(thread->context, &ports_.access());
    sched::ThreadId id = sched::id_of(*thread);
    if (request.start_info != 0) {
        // The main thread learns its id from its StartInfo; written before
        // it can run.
        auto patched = elf::write_into(
            *space, request.start_info + offsetof(cairn::StartInfo, thread_id), &id, sizeof(id));
        if (patched.is_error()) {
            sched::release(*thread);
            kfree(record);
            if (request.handle != 0) release_handle(request.handle);
            return patched.error();
        }
    }

    {
        SpinLockGuard guard(lock_);
        // A process that is exiting (process_exit ran, or its last thread
        // is gone) takes no new threads.
        if (state_ != ProcessState::kRunning || status_fixed_) {
            sched::release(*thread);
            kfree(record);
            handles_.release(request.handle);
            return os::Error::kNoSpace;
        }
        record->thread = thread;
        record->id = id;
        record->space = space;
        threads_.push_back(record->link);
        ++live_threads_;
        started_ = true;
        // The record now keeps the space from being destroyed.
        handles_.release(request.handle);
        // Started under the lock so that a concurrent exit() either sees
        // the record (and kills the thread) or runs before it exists.
        sched::start(*thread);
    }
    charge.keep();  // refunded by reap() and free_record()
    return id;
}

os::ErrorOr<sched::Thread*> Process::find_thread(sched::ThreadId id) {
    SpinLockGuard guard(lock_);
    ThreadRecord* record = record_of(id);
    if (record == nullptr || record->exited || record->thread == nullptr) {
        return os::Error::kNotFound;
    }
    sched::retain(*record->thread);
    return record->thread;
}

os::ErrorOr<int64_t> Process::join(sched::ThreadId id, uint64_t deadline_ns) {
    if (id == sched::id_of(sched::current())) return os::Error::kInvalidArgument;
    SpinLockGuard guard(lock_);
    ThreadRecord* record = record_of(id);
    if (record == nullptr || record->joined) return os::Error::kNotFound;
    // Only one joiner: a second one finds it joined.
    record->joined = true;
    // Until the reaper has let go of the thread too: then its kernel stack
    // is freed and its charge back in the quota (process.h) when join
    // returns, so a caller that joined all its threads sees its quota whole.
    while (!record->exited || record->thread != nullptr) {
        auto waited = thread_exits_.wait(lock_, deadline_ns);
        if (waited.is_error()) {
            record->joined = false;
            return waited.error();
        }
    }
    int64_t status = record->status;
    record->collected = true;
    free_record(record);  // the reaper is done with it (above)
    return status;
}

void Process::exit(int64_t status) {
    sched::Thread& self = sched::current();
    {
        SpinLockGuard guard(lock_);
        if (!status_fixed_) {
            status_fixed_ = true;
            exit_status_ = status;
        }
        status = exit_status_;
        for (sched::ListNode* node = threads_.first(); node != nullptr;
             node = threads_.after(node)) {
            ThreadRecord* record = record_of_link(node);
            if (!record->exited && record->thread != &self) sched::kill(*record->thread, status);
        }
    }
    sched::exit_current(status);
}

void Process::thread_exited(sched::Thread& thread, int64_t status) {
    {
        SpinLockGuard guard(lock_);
        ThreadRecord* record = record_of(sched::id_of(thread));
        if (record != nullptr && !record->exited) {
            record->exited = true;
            record->status = status;
            --live_threads_;
            if (live_threads_ == 0) {
                state_ = ProcessState::kExiting;
                if (!status_fixed_) exit_status_ = status;
                status_fixed_ = true;
            }
        }
    }
    thread_exits_.wake_all();
    // The reaper frees the thread once its CPU has left it, and the
    // process's memory if this was the last thread.
    queue_for_reaping(*this);
}

ReapResult Process::reap() {
    bool pending = false;
    {
        SpinLockGuard guard(lock_);
        // Joiners wait for the threads released here (join()); woken under
        // lock_, after the loop.
        bool released = false;
        sched::ListNode* node = threads_.first();
        while (node != nullptr) {
            sched::ListNode* next = threads_.after(node);
            ThreadRecord* record = record_of_link(node);
            if (record->exited && record->thread != nullptr) {
                if (scheduler_released(*record->thread)) {
                    sched::release(*record->thread);
                    record->thread = nullptr;
                    refund(kThreadStackCost);
                    released = true;
                    if (record->collected) free_record(record);
                } else {
                    pending = true;
                }
            }
            node = next;
        }
        if (released) thread_exits_.wake_all();
        if (pending) return ReapResult::kRetry;
        if (state_ != ProcessState::kExiting) return ReapResult::kIdle;
        // Another process maps into one of the spaces through a capability
        // (acquire_by_serial, which refuses new users from kExiting on):
        // the spaces go once it is done, a few microseconds from now.
        if (handles_.busy()) return ReapResult::kRetry;
    }
    // No thread of the process exists any more, none can be created
    // (kExiting), and no CPU runs in its address spaces. Its capabilities go
    // first: partners blocked on its endpoints see kPeerGone, objects only
    // it named are destroyed.
    capabilities_->close();
    // Not busy (checked above) and no new users from kExiting on.
    handles_.clear([this](mm::AddressSpace* space) {
        mm::as_destroy(space);
        refund(cairn::kAddressSpaceCost);
    });
    destroy_own_space();
    {
        SpinLockGuard guard(lock_);
        state_ = ProcessState::kExited;
        while (sched::ListNode* node = threads_.first())
            free_record(record_of_link(node));
    }
    process_exit_.wake_all();
    process_exited(*this);
    return ReapResult::kIdle;
}

os::ErrorOr<void> Process::kill(int64_t status) {
    SpinLockGuard guard(lock_);
    // Ending already (process_exit, a kill, its last thread gone): its
    // status is fixed and it answers as an ended process.
    if (state_ != ProcessState::kRunning || status_fixed_) return os::Error::kNotFound;
    status_fixed_ = true;
    exit_status_ = status;
    // As exit(): the records are stable under lock_; a caller killing its
    // own process is among them and exits on its way back to user mode.
    for (sched::ListNode* node = threads_.first(); node != nullptr; node = threads_.after(node)) {
        ThreadRecord* record = record_of_link(node);
        if (!record->exited) sched::kill(*record->thread, status);
    }
    return {};
}

void Process::describe(cairn::ProcessInfo& info) const {
    SpinLockGuard guard(lock_);
    info.process_id = id_;
    info.parent_id = parent_;
    switch (state_) {
        case ProcessState::kRunning:
            info.state = cairn::kProcessRunning;
            break;
        case ProcessState::kExiting:
            info.state = cairn::kProcessExiting;
            break;
        case ProcessState::kExited:
            info.state = cairn::kProcessExited;
            break;
    }
    info.exit_status = state_ == ProcessState::kExited ? exit_status_ : 0;
    info.thread_count = live_threads_;
    static_assert(sizeof(info.program) == kNameCapacity);
    for (size_t i = 0; i < kNameCapacity; ++i)
        info.program[i] = program_[i];
}

os::ErrorOr<int64_t> Process::wait_for_exit(uint64_t deadline_ns) {
    SpinLockGuard guard(lock_);
    while (state_ != ProcessState::kExited)
        TRY(process_exit_.wait(lock_, deadline_ns));
    return exit_status_;
}

os::ErrorOr<uint64_t> Process::create_address_space() {
    object::ScopedCharge charge = TRY(object::ScopedCharge::take(quota_, cairn::kAddressSpaceCost));
    // Its tables and pages are charged to the quota as they are made.
    mm::AddressSpace* space = TRY(mm::as_create(quota_));
    auto handle = [&]() -> os::ErrorOr<uint64_t> {
        SpinLockGuard guard(lock_);
        if (state_ != ProcessState::kRunning) return os::Error::kNoSpace;
        return handles_.add(space);
    }();
    if (handle.is_error()) {
        mm::as_destroy(space);
        return handle.error();
    }
    charge.keep();  // refunded when the space is destroyed
    return handle.value();
}

os::ErrorOr<mm::AddressSpace*> Process::acquire_handle(uint64_t handle) {
    SpinLockGuard guard(lock_);
    if (handle == 0) return space_;
    return handles_.acquire(handle);
}

void Process::release_handle(uint64_t handle) {
    if (handle == 0) return;
    SpinLockGuard guard(lock_);
    handles_.release(handle);
}

void Process::release_by_serial(uint64_t handle) {
    SpinLockGuard guard(lock_);
    if (handle == 0) {
        handles_.release_own();
    } else {
        handles_.release(handle);
    }
}

os::ErrorOr<uint64_t> Process::handle_serial(uint64_t handle) const {
    SpinLockGuard guard(lock_);
    if (handle == 0) return uint64_t{0};
    return handles_.serial(handle);
}

os::ErrorOr<mm::AddressSpace*> Process::acquire_by_serial(uint64_t handle, uint64_t serial) {
    SpinLockGuard guard(lock_);
    // Not kRunning: reap() may be destroying the spaces right now.
    if (state_ != ProcessState::kRunning) return os::Error::kNotFound;
    if (handle == 0) {
        handles_.acquire_own();
        return space_;
    }
    return handles_.acquire(handle, serial);
}

// lock_ held: where the weak pointer of (kind, key, serial) lives, or
// nullptr once that thread / space is gone.
void** Process::weak_slot_locked(ObjectKind kind, uint64_t key, uint64_t serial) {
    switch (kind) {
        case ObjectKind::kProcess:
            return &process_object_;
        case ObjectKind::kCapabilitySpace:
            return &capability_space_object_;
        case ObjectKind::kThread: {
            ThreadRecord* record = record_of(key);
            return record == nullptr ? nullptr : &record->object;
        }
        case ObjectKind::kAddressSpace:
            return key == 0 ? &own_space_object_ : handles_.object_slot(key, serial);
    }
    return nullptr;
}

object::KernelObject* Process::share_object(ObjectKind kind, uint64_t key, uint64_t serial,
                                            object::KernelObject* fresh) {
    SpinLockGuard guard(lock_);
    void** slot = weak_slot_locked(kind, key, serial);
    if (slot == nullptr) return fresh;  // gone: it will answer kNotFound anyway
    // A pointer here is valid: its destroy() clears it under lock_ first.
    auto* cached = static_cast<object::KernelObject*>(*slot);
    if (cached != nullptr && cached->try_retain()) return cached;
    *slot = fresh;
    return fresh;
}

void Process::forget_object(ObjectKind kind, uint64_t key, uint64_t serial,
                            const object::KernelObject* object) {
    SpinLockGuard guard(lock_);
    void** slot = weak_slot_locked(kind, key, serial);
    if (slot != nullptr && *slot == object) *slot = nullptr;
}

os::ErrorOr<void> Process::destroy_address_space(uint64_t handle) {
    if (handle == 0) return os::Error::kInvalidArgument;
    mm::AddressSpace* space;
    {
        SpinLockGuard guard(lock_);
        space = handles_.at(handle);
        if (space == nullptr) return os::Error::kNotFound;
        // A thread runs (or ran and was not reaped yet) in it.
        if (space_in_use(space)) return os::Error::kPermissionDenied;
        // kPermissionDenied while a call uses it.
        space = TRY(handles_.remove(handle));
    }
    mm::as_destroy(space);
    refund(cairn::kAddressSpaceCost);
    return {};
}

Process* current() {
    return static_cast<Process*>(sched::owner_of(sched::current()));
}

}  // namespace kernel::process

namespace kernel::cap {

CapabilitySpace* current_space() {
    process::Process* process = process::current();
    return process == nullptr ? nullptr : &process->capabilities();
}

}  // namespace kernel::cap

namespace kernel::process {

size_t process_count() {
    SpinLockGuard guard(table_lock);
    return table_count;
}

os::ErrorOr<Process*> find_child(ProcessId parent, ProcessId id) {
    SpinLockGuard guard(table_lock);
    Process* child = find_locked(id);
    if (child == nullptr || child->parent() != parent) return os::Error::kNotFound;
    child->retain();
    return child;
}

os::ErrorOr<int64_t> wait_child(ProcessId parent, ProcessId id, uint64_t deadline_ns) {
    Process* child;
    {
        SpinLockGuard guard(table_lock);
        child = find_locked(id);
        if (child == nullptr || child->parent() != parent) return os::Error::kNotFound;
        child->retain();
    }
    auto status = child->wait_for_exit(deadline_ns);
    if (!status.is_error()) {
        // Then ours and the table's are the last references (unless a
        // process capability holds one): the child's memory and its quota
        // charges go back before process_wait returns.
        internal::wait_for_reaper(*child, deadline_ns);
        SpinLockGuard guard(table_lock);
        // Collected: gone from the table (unless another waiter was first).
        if (child->table_link.linked()) remove_locked(child);
    }
    child->release();
    return status;
}

// A process finished exiting: it stays in the table for its parent's wait
// only while the parent lives; its own exited children lose their waiter.
void internal::process_exited(Process& process) {
    SpinLockGuard guard(table_lock);
    sched::ListNode* node = table.first();
    while (node != nullptr) {
        sched::ListNode* next = table.after(node);
        Process* other = process_of_table(node);
        if (other != &process && other->parent() == process.id() &&
            other->state() == ProcessState::kExited) {
            remove_locked(other);
        }
        node = next;
    }
    Process* parent = process.parent() != 0 ? find_locked(process.parent()) : nullptr;
    bool parent_alive = parent != nullptr && parent->state() != ProcessState::kExited;
    if (!parent_alive && process.table_link.linked()) remove_locked(&process);
}

}  // namespace kernel::process
