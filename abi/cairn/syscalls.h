// System call numbers and their arguments: the contract between the kernel
// (kernel/syscall) and the user runtime (user/runtime). Registers per
// architecture: hal/include/hal/user_mode.h (and abi/README.md).
//
// Each call returns a value >= 0 or a negated cairn::Status (status.h).
// Pointers are user addresses; the kernel validates every one (range,
// permissions, overflow) and answers kBadAddress rather than faulting.
// Numbers are stable: never reuse or renumber one.
#pragma once

#include <stdint.h>

namespace cairn {

enum class Syscall : uint64_t {
    // ---- debug ---------------------------------------------------------
    // (const char* text, size_t length) -> bytes written. Length <= 4096
    // (else kInvalidArgument). The text reaches the console verbatim and in
    // one piece (no other debug_print interleaves with it).
    kDebugPrint = 0,
    // () -> 0. Prints "debug_break: thread <tid> (<name>)" and the caller's
    // user registers, then continues.
    kDebugBreak = 1,
    // () -> 0. Does nothing: the round trip into the kernel and back, for
    // benchmarks.
    kNull = 2,

    // ---- threads -------------------------------------------------------
    // (const ThreadCreateArguments* arguments) -> thread id. Starts a
    // thread in the caller's process (or in the address space named by
    // arguments->address_space, which must belong to the caller's process).
    // entry, stack_top and thread_pointer must be user addresses
    // (kBadAddress); stack_top 16-byte aligned (kInvalidArgument). Charges
    // kThreadCost to the process's memory quota (capability.h; on
    // kQuotaExceeded no thread is made); it comes back once the thread has
    // ended and been joined (or its process is gone).
    kThreadCreate = 16,
    // (int64_t status) -> never returns. The last thread to exit ends its
    // process with this status. Statuses are never negative (they would
    // read as errors from thread_join/process_wait): the sign bit is dropped.
    kThreadExit = 17,
    // () -> 0. Gives the CPU to the next ready thread of the same or
    // higher priority.
    kThreadYield = 18,
    // (uint64_t nanoseconds) -> 0. Sleeps at least that long.
    kThreadSleep = 19,
    // (uint64_t thread_id (0: self), uint64_t priority 0..139) -> 0.
    // 0-99 real time, 100-139 normal; the idle priority 140 is the kernel's.
    kThreadSetPriority = 20,
    // (uint64_t thread_id (0: self), uint64_t cpu_mask) -> 0. Bit n: CPU n
    // may run the thread; a mask without an online CPU is kInvalidArgument.
    kThreadSetAffinity = 21,
    // (uint64_t thread_id (0: self), ThreadInfo* info) -> 0.
    kThreadInfo = 22,
    // (uint64_t thread_id, uint64_t timeout_ns (~0: forever)) -> the
    // thread's exit status (>= 0 as given to thread_exit; a thread killed by
    // a fault reports kThreadKilledStatus). Only threads of the caller's
    // process; each thread can be joined once. Returns once the thread is
    // gone: its kThreadCost is back in the memory quota.
    kThreadJoin = 23,
    // (uintptr_t pointer) -> 0. Sets the caller's thread pointer (TLS).
    // Any user address or 0; others are kBadAddress.
    kThreadSetPointer = 24,
    // (thread capability (WRITE), uint64_t operation (kThreadOp*),
    //  uint64_t argument) -> 0. Controls a thread named by a capability,
    //  in any process: kThreadOpSetPriority (argument 0..139),
    //  kThreadOpSetAffinity (argument: CPU mask, as thread_set_affinity),
    //  kThreadOpKill (ends it as a fault would: thread_join reports
    //  kThreadKilledStatus). Unknown operations kInvalidArgument; a thread
    //  that has ended kNotFound.
    kThreadControl = 25,
    // (thread capability (READ), ThreadInfo* info) -> 0; kNotFound once the
    // thread has ended.
    kThreadCapabilityInfo = 26,
    // (uintptr_t address (0: none)) -> 0. Registers the calling thread's IPC
    // buffer (ipc.h kIpcBufferSize bytes, page-aligned, mapped read-write in
    // its own address space): ipc calls whose Message lies at its start may
    // take the fast path. Not page-aligned: kInvalidArgument; not a mapped,
    // writable user page of RAM: kBadAddress. Any call first drops the
    // previous registration (also when it then fails). See ipc.h for what
    // the kernel promises about it.
    kThreadSetIpcBuffer = 27,

    // ---- address spaces (handles are per process; 0 is the caller's own)
    // () -> address space handle (> 0). Charges kAddressSpaceCost to the
    // process's memory quota (kQuotaExceeded: nothing made), refunded when
    // the space is destroyed (as_destroy, or the process ending).
    kAsCreate = 32,
    // (handle, uintptr_t address (0: kernel picks), uint64_t length,
    //  uint64_t permissions (kMap*), uint64_t flags (kMapFixed ...)) ->
    // the region's address. Anonymous zero-filled memory. The address is
    // page-aligned, the length > 0 and rounded up to whole pages; unknown
    // permission or flag bits are kInvalidArgument; W+X kPermissionDenied;
    // a taken range with kMapFixed kAlreadyExists.
    kAsMap = 33,
    // (handle, uintptr_t address, uint64_t length) -> 0. Address
    // page-aligned, length rounded up; unmapped parts are ignored.
    kAsUnmap = 34,
    // (handle, uintptr_t address, uint64_t length, uint64_t permissions) -> 0.
    kAsProtect = 35,
    // (handle) -> 0. Not allowed on 0 (kInvalidArgument) or while a thread
    // runs in it or another call uses it (kPermissionDenied).
    kAsDestroy = 36,

    // ---- processes -----------------------------------------------------
    // (const char* path, size_t path_length, const char* argument,
    //  size_t argument_length, quota (WRITE)) -> process id. Loads a program
    // of the boot archive ("bin/<name>") into a new process and starts its
    // main thread. The quota slot is checked first (kNoCapability,
    // kWrongType, kMissingRights); it becomes the child's memory quota
    // (capability.h): the child is charged to it (kQuotaExceeded: no
    // process is made) and so are the threads, address spaces and
    // capability-space chunks it makes later. path_length 1..127,
    // argument_length 0..255, no NUL inside either (kInvalidArgument); no
    // such program: kNotFound; an ELF file the kernel refuses: kMalformed
    // / kUnsupported / kPermissionDenied (W+X), with the reason on the
    // console.
    kProcessSpawn = 48,
    // (uint64_t process_id, uint64_t timeout_ns (~0: forever)) -> the
    // process's exit status. Only the spawning process may wait, and only
    // one wait collects it (later ones: kNotFound). Returns once the child
    // is gone and its charges are back in its memory quota (unless a
    // process capability still names it: then when that goes).
    kProcessWait = 49,
    // (int64_t status) -> never returns. Ends every thread of the process.
    kProcessExit = 50,
    // (const SpawnArguments* arguments) -> process id. process_spawn that
    // also hands the child up to kMaxSpawnCaps capabilities: they arrive in the child's
    // slots 1..cap_count (moved or copied per cap_move; each needs GRANT).
    // A kNullSlot entry leaves that slot of the child empty (kInvalidArgument
    // if its cap_move bit is set). arguments->quota is the child's memory
    // quota, as process_spawn's (it may be one of the caps handed over,
    // moved or not: a service is charged to the quota it is given).
    kProcessSpawnWithCaps = 51,
    // (process capability (WRITE), int64_t status) -> 0. Ends every thread
    // of that process with `status` (as its process_exit would); kNotFound
    // if it has ended already.
    kProcessKill = 52,
    // (process capability (READ), ProcessInfo* info) -> 0. Also after the
    // process has ended (state kProcessExited, its status).
    kProcessInfo = 53,

    // ---- system --------------------------------------------------------
    // () -> nanoseconds since boot (monotonic).
    kClockMonotonic = 64,
    // (SystemInfo* info) -> 0.
    kSystemInfo = 65,
    // (const char* path, size_t path_length, uint64_t offset, void* buffer,
    //  size_t length) -> bytes copied (0 at or past the end). Reads a file
    // of the boot archive (e.g. "etc/services"), which every process may
    // read as every process may spawn its programs. path_length 1..127,
    // no NUL (kInvalidArgument); no such file (or not a regular file):
    // kNotFound; a bad buffer: kBadAddress (all `length` bytes are checked,
    // also at or past the end of the file). A read across the end returns
    // the short count.
    kBootFileRead = 66,
    // (ThreadInfo* buffer, size_t capacity, uint64_t after_thread_id) ->
    // count stored. The live threads of the whole system with ids above
    // after_thread_id, in id order, up to capacity (at most 256 per call;
    // page on with the last id stored; a larger capacity stores 256).
    // Live means not yet switched away from for good: a thread on its way
    // out is listed with state kThreadExiting. Capacity 0: 0, the buffer
    // unchecked; otherwise a buffer that cannot hold min(capacity, 256)
    // entries, or is misaligned: kBadAddress. Like system_info, information
    // only: no capability is needed and none is returned.
    kThreadList = 67,
    // (MemoryNodeInfo* buffer, size_t capacity) -> node count (even when
    // capacity is smaller: only capacity entries are stored). The nodes
    // with memory, in node order; their free_bytes add up to
    // system_info's free_memory (each read a moment apart). A bad buffer
    // (for the entries stored) or a misaligned one: kBadAddress.
    kMemoryNodes = 68,

    // ---- capabilities (capability.h) ------------------------------------
    // (const CapCreateArguments* arguments) -> new slot. Charges
    // kObjectCost (+ size for memory and quotas) to the quota (WRITE);
    // kQuotaExceeded if it has too little left.
    kCapCreate = 80,
    // (slot, Rights mask) -> new slot: a child of `slot` with its rights &
    // mask and its badge.
    kCapCopy = 81,
    // (slot, Rights mask, uint64_t badge) -> new slot: a child of `slot`
    // with rights & mask and `badge`. Only endpoint and notification
    // capabilities without a badge yet may be badged (kInvalidArgument); a
    // badge of 0 means none.
    kCapDerive = 82,
    // (slot (GRANT), uint64_t process_id, Rights mask) -> the slot in the
    // target: puts a child of `slot` into a child process's space
    // (kNotFound for a process that is not the caller's child).
    kCapGrant = 83,
    // (slot (REVOKE)) -> how many capabilities were deleted: every
    // descendant of `slot`, in every process; `slot` itself stays.
    kCapRevoke = 84,
    // (slot (DELETE)) -> 0. Its children move up to its parent.
    kCapDelete = 85,
    // (slot, CapInfo* info) -> 0. Needs no right.
    kCapInfo = 86,
    // (ObjectType type, uint64_t id, Rights mask, quota (WRITE)) -> new
    // slot: a capability (all rights & mask) to an object the caller
    // already controls:
    //   kThread:          a thread of its own process (id; 0: the caller)
    //   kProcess:         itself (id 0) or a child it spawned (its id)
    //   kAddressSpace:    an address space of its process (handle; 0: its own)
    //   kCapabilitySpace: its own (id 0) or a child's (the child's id)
    // Other types kInvalidArgument; no such thread, child or handle
    // kNotFound. The new capability is the root of its own derivation tree.
    // Capabilities keep the object alive (not the thread or process running:
    // calls on an ended one answer kNotFound), travel in messages and are
    // granted, revoked and deleted like any other. The quota slot is
    // checked before the type and id; it is charged kObjectCost for the
    // object (kQuotaExceeded). When a capability to that thing exists
    // already the kernel names the same object and refunds the charge at
    // once (so the quota needs kObjectCost left even then).
    kCapObtain = 87,
    // (capability space (WRITE), slot (GRANT), Rights mask) -> the slot in
    // that space: puts a child of `slot` with rights & mask into the
    // capability space the first capability names (cap_grant for any space
    // one holds a capability to, not only a child's).
    kCapInsert = 88,

    // ---- IPC (ipc.h) -----------------------------------------------------
    // Blocking calls take a timeout in nanoseconds: kForever, or kNoWait
    // (kWouldBlock instead of waiting), or a time (kTimedOut). A partner that
    // dies mid-way makes the call fail with kPeerGone; it never hangs.
    //
    // (endpoint (WRITE), const Message* message, timeout) -> 0.
    kIpcSend = 96,
    // (endpoint (READ), Message* message, timeout) -> 0. message->badge is
    // the sender's badge; kMessageFlagCall says a reply is owed.
    kIpcReceive = 97,
    // (endpoint (WRITE), Message* message (request in, reply out), timeout)
    // -> 0. Send and wait for the reply atomically: the receiver gets a
    // one-shot reply right.
    kIpcCall = 98,
    // (reply slot (0: the one-shot reply of the last call this thread
    // received), const Message* message) -> 0. kPeerGone if the caller
    // died or gave up; kNotFound if no reply is owed.
    kIpcReply = 99,
    // (endpoint (READ), Message* message (reply in, next message out),
    // timeout) -> 0. ipc_reply (to the implicit reply, if one is owed)
    // then ipc_receive, in one call.
    kIpcReplyReceive = 100,
    // (notification (WRITE), uint64_t bits) -> 0. ORs bits (bit 63 must be
    // clear) into the word and wakes a waiter; never blocks.
    kIpcNotify = 101,
    // (notification (READ), timeout) -> the bits, which are cleared.
    kIpcWaitNotification = 102,
    // (notification slot (READ), or 0 to unbind) -> 0. Binds the
    // notification to the calling thread: while it waits in ipc_receive or
    // ipc_reply_receive, a notify ends the wait with kMessageFlagNotification
    // and the bits in message->badge.
    kIpcBindNotification = 103,
    // (quota (WRITE)) -> slot of a kReply capability for the reply this
    // thread owes (so another thread, or this one later, can answer with
    // ipc_reply). The kReply object is charged kObjectCost to the quota
    // (kQuotaExceeded: the reply stays owed, as if the call was not made).
    // ipc_call itself allocates nothing: the one-shot reply of a call lives
    // in the two threads' kernel state.
    kIpcSaveReply = 104,

    // ---- memory objects (ipc.h) --------------------------------------------
    // (const MemoryMapArguments* arguments) -> the mapping's address. Maps
    // [offset, offset + length) of a memory object; the permissions may not
    // exceed the capability's rights (kMissingRights). Several spaces may
    // map one object: they share its pages. Unmap with as_unmap.
    kMemoryMap = 112,
    // (platform (WRITE), uint64_t physical_base, uint64_t size,
    //  quota (WRITE)) -> slot of a device memory object (uncached when
    // mapped), charged kObjectCost to the quota (not its size: it owns no
    // RAM). Page-aligned; ranges holding RAM the kernel manages are
    // kPermissionDenied.
    kMemoryCreateDevice = 113,
    // (quota (WRITE), uintptr_t address, uint64_t length) -> slot of a new
    // memory object that takes over the pages of that range of the caller's
    // address space, which is unmapped: no byte is copied (zero-copy
    // transfer: send the slot with cap_move and the receiver maps it).
    kMemoryTake = 114,

    // ---- interrupts --------------------------------------------------------
    // (platform (WRITE), uint64_t line, notification (WRITE), uint64_t bits,
    //  quota (WRITE)) -> slot of an IRQ handler, charged kObjectCost to the
    // quota (kQuotaExceeded: the line stays unbound). Unmasks the line; on
    // each interrupt the kernel masks it and notifies `bits`.
    // kAlreadyExists if the line is bound; kInvalidArgument if the
    // controller has no such line.
    kIrqRegister = 128,
    // (irq handler (WRITE)) -> 0. Unmasks the line again. Deleting the last
    // capability unbinds and masks it.
    kIrqAck = 129,
    // (PlatformInfo* info) -> 0. Where the boot console's UART is.
    kPlatformInfo = 130,

    // ---- I/O ports (x86_64; kUnsupported elsewhere) -------------------------
    // (platform (WRITE), uint64_t first_port, uint64_t count, quota (WRITE))
    // -> slot of an I/O port range object (kIoPorts) for ports
    // [first, first + count), charged kObjectCost to the quota.
    // count >= 1 and the range inside 0..65535 (kInvalidArgument); ranges
    // touching ports the kernel drives itself (PIC, PIT, system control port
    // B, the POST delay port, ACPI power management) are kPermissionDenied.
    // COM1 (0x3f8-0x3ff) is allowed: the kernel console only polls it to
    // write (see hal/include/hal/platform.h), so a driver may own receiving.
    kIoPortCreate = 131,
    // (I/O ports (WRITE)) -> 0. From now on every thread of the calling
    // process (present and future) may use in/out on those ports; others
    // still raise #GP, which ends the thread as a user fault. When the
    // object's last capability goes, the ports are withdrawn from every
    // process that enabled them. A process may enable up to 8 ranges
    // (kNoSpace); enabling one twice does nothing.
    kIoPortEnable = 132,
};

// as_map / as_protect permissions (W and X together are refused: W^X).
inline constexpr uint64_t kMapRead = 1 << 0;
inline constexpr uint64_t kMapWrite = 1 << 1;
inline constexpr uint64_t kMapExecute = 1 << 2;
// as_map flags.
inline constexpr uint64_t kMapFixed = 1 << 0;      // exactly at `address`
inline constexpr uint64_t kMapHugePages = 1 << 1;  // transparent 2 MiB pages
// memory_map flag: MemoryMapArguments::address_space is the slot of an
// address-space capability (WRITE), possibly another process's, instead of
// a handle of the caller's process.
inline constexpr uint64_t kMapAddressSpaceCapability = 1 << 2;

// thread_control operations.
inline constexpr uint64_t kThreadOpSetPriority = 1;
inline constexpr uint64_t kThreadOpSetAffinity = 2;
inline constexpr uint64_t kThreadOpKill = 3;

inline constexpr int64_t kThreadKilledStatus = 0x7fff'ffff'0000'0000;
inline constexpr uint64_t kForever = ~uint64_t{0};
inline constexpr uint64_t kMaxDebugPrint = 4096;

struct ThreadCreateArguments {
    uint64_t address_space;    // handle; 0: the caller's
    uintptr_t entry;           // pc
    uintptr_t stack_top;       // 16-byte aligned
    uintptr_t argument;        // first argument register
    uintptr_t thread_pointer;  // TLS
    uint64_t priority;         // 0..139; kInheritPriority: the caller's
    uint64_t cpu_mask;         // 0: any CPU
};
inline constexpr uint64_t kInheritPriority = ~uint64_t{0};

struct ThreadInfo {
    uint64_t thread_id;
    uint64_t process_id;
    uint64_t priority;
    uint64_t cpu_mask;
    uint64_t last_cpu;            // the CPU it ran on last
    uint64_t cpu_time_ns;         // time spent running
    uint64_t context_switches;    // times it was switched in
    uint64_t syscalls;            // system calls made
    uint64_t syscalls_throttled;  // of those, delayed by the rate limit
    char name[32];
    uint64_t state;       // kThreadRunnable / kThreadBlocked / kThreadExiting
    uint64_t ipc_parked;  // of the system calls, ipc_call / ipc_reply_receive that took the
                          // IPC fast path and parked (kernel/ipc/parking.cc)
};

// What a process's main thread finds in its first argument register: a
// pointer to this block, which the kernel places at the top of the main
// thread's stack (the stack pointer starts 16-byte aligned below it). The
// runtime (user/runtime) reads it in crt0.
struct StartInfo {
    uint64_t version;  // kStartInfoVersion
    uint64_t process_id;
    uint64_t thread_id;
    const char* program;   // NUL-terminated, e.g. "bin/init"
    const char* argument;  // NUL-terminated; "" if none
    uintptr_t stack_base;  // lowest address of the main thread's stack
    uint64_t stack_size;
    uint64_t page_size;
};
inline constexpr uint64_t kStartInfoVersion = 1;

// Enough for a service's start slots (services/runtime/slots.h: quota, name
// server, platform, two per device need), all in place before the child's
// first instruction: capabilities added later could collide with the
// child's own first ones.
inline constexpr uint64_t kMaxSpawnCaps = 16;
struct SpawnArguments {
    const char* path;  // as process_spawn
    uint64_t path_length;
    const char* argument;
    uint64_t argument_length;
    uint64_t caps[kMaxSpawnCaps];  // slots of the caller (GRANT each); kNullSlot: leave empty
    uint64_t cap_count;            // 0..kMaxSpawnCaps
    uint64_t cap_move;             // bit i: move caps[i] instead of copying it
    uint64_t quota;                // slot of a quota (WRITE): the child's memory quota
};

// process_info's answer.
inline constexpr uint64_t kProcessRunning = 0;
inline constexpr uint64_t kProcessExiting = 1;
inline constexpr uint64_t kProcessExited = 2;
struct ProcessInfo {
    uint64_t process_id;
    uint64_t parent_id;     // 0 for init
    uint64_t state;         // kProcessRunning / kProcessExiting / kProcessExited
    int64_t exit_status;    // once exited
    uint64_t thread_count;  // threads alive
    char program[32];       // e.g. "bin/init", NUL-terminated (truncated)
};

struct MemoryMapArguments {
    uint64_t memory;         // slot of a memory object
    uint64_t address_space;  // handle (0: the caller's), or a slot (kMapAddressSpaceCapability)
    uintptr_t address;       // 0: the kernel picks (or exactly, with kMapFixed)
    uint64_t offset;         // page-aligned, inside the object
    uint64_t length;         // rounded up to pages; offset + length <= size
    uint64_t permissions;    // kMap*
    uint64_t flags;          // kMapFixed
};

struct PlatformInfo {
    uint64_t serial_physical_base;  // the console UART's registers (0: none / port I/O)
    uint64_t serial_irq_line;       // its receive interrupt line
    uint64_t serial_kind;           // 1: 16550 (port I/O on x86_64), 2: 16550 MMIO, 3: PL011
};

// ThreadInfo.state (thread_list, thread_info, thread_capability_info).
inline constexpr uint64_t kThreadRunnable = 0;  // running or ready to run
inline constexpr uint64_t kThreadBlocked = 1;   // waiting (IPC, sleep, join, ...)
// Ending: it has begun to exit or a kill is pending (it may still run or
// block for a moment).
inline constexpr uint64_t kThreadExiting = 2;

// One NUMA node's physical memory (kMemoryNodes).
struct MemoryNodeInfo {
    uint64_t node;
    uint64_t total_bytes;  // RAM the node's allocator manages
    uint64_t free_bytes;
};

struct SystemInfo {
    uint64_t cpu_count;  // CPUs online
    uint64_t page_size;
    uint64_t total_memory;  // bytes of RAM the kernel manages
    uint64_t free_memory;   // bytes free now (all nodes)
    uint64_t thread_count;  // threads alive
    uint64_t process_count;
    uint64_t syscall_rate_limit;  // per thread per second, 0: none
    uint64_t uptime_ns;
    // The kernel heap (slab caches and large allocations): bytes of the
    // pages it holds, and bytes of the objects callers hold in it (the
    // heap's own metadata excluded). With free_memory they tell a leak from
    // caching: after work that ends cleanly, objects in use return to where
    // they were, and so does free_memory + kernel_heap_bytes.
    uint64_t kernel_heap_bytes;
    uint64_t kernel_objects_bytes;
};

}  // namespace cairn
