// Shared between the files of kernel/process (not for other users).
#pragma once

#include "kernel/lib/span.h"
#include "kernel/process/process.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::process::internal {

// The process table (process.cc): guarded by table_lock, which is taken
// before any Process's lock.
extern SpinLock table_lock;
extern sched::List table;
extern size_t table_count;
extern ProcessId next_id;
Process* find_locked(ProcessId id);
void remove_locked(Process* process);

// Hands `process` to the reaper thread (reaper.cc), which reaps it (see
// Process::reap) until nothing is left to do.
void queue_for_reaping(Process& process);
// Waits (until `deadline_ns` at most) until the reaper holds no reference
// on `process` (queued or being reaped); the caller holds one. So a parent
// that collected an exited child drops the last references itself.
void wait_for_reaper(Process& process, uint64_t deadline_ns);
// Starts the reaper thread; once, before the first process.
os::ErrorOr<void> start_reaper();

// Called by Process::reap once the process is kExited (process.cc).
void process_exited(Process& process);

// The boot archive programs come from (spawn.cc); empty until set.
void set_boot_archive(os::Bytes archive);

}  // namespace kernel::process::internal
