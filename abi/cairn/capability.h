// Capabilities as user space sees them: object types, rights, and the
// structures of the capability system calls (numbers in syscalls.h).
//
// A process names kernel objects only through slots of its capability space
// (CSpace): small integers 1..capacity (0 is never a capability). A slot
// holds {object, type, rights, badge}. Rights only ever shrink when a
// capability is copied, derived or granted; every capability made from
// another is its child in the derivation tree, and revoking a capability
// deletes all of its descendants in every process. An object is destroyed
// when its last capability (and its last in-kernel use) is gone.
//
// Every call that takes a slot checks it in this order and fails with the
// first problem: kNoCapability (empty / out of range), kWrongType,
// kMissingRights.
#pragma once

#include <stdint.h>

namespace cairn {

using CapSlot = uint64_t;
inline constexpr CapSlot kNullSlot = 0;

enum class ObjectType : uint64_t {
    kNone = 0,
    kThread = 1,
    kAddressSpace = 2,
    kMemory = 3,        // physical frames (anonymous, or device registers)
    kEndpoint = 4,      // synchronous IPC port
    kNotification = 5,  // a word of signal bits
    kIrqHandler = 6,    // one interrupt line bound to a notification
    kCapabilitySpace = 7,
    kQuota = 8,      // bytes of kernel memory objects may be created from
    kReply = 9,      // one-shot right to answer an ipc_call
    kPlatform = 10,  // authority over interrupt lines and device memory (init only)
    kProcess = 11,
    kIoPorts = 12,  // a range of x86 I/O ports (x86_64 only)
};

// Rights (a bit set). What each means per type:
//   endpoint:     READ receive, WRITE send/call
//   notification: READ wait, WRITE notify
//   memory:       READ/WRITE/EXECUTE the most a mapping may allow
//   quota:        WRITE create objects from it / split it
//   irq handler:  WRITE acknowledge
//   platform:     WRITE register interrupts, create device memory and
//                 I/O port ranges
//   I/O ports:    WRITE enable them for the calling process
//   any:          GRANT may be sent in a message or granted to another
//                 process; REVOKE may revoke its descendants; DELETE may be
//                 deleted by cap_delete (without it only revocation of an
//                 ancestor removes it)
using Rights = uint64_t;
inline constexpr Rights kRightRead = 1 << 0;
inline constexpr Rights kRightWrite = 1 << 1;
inline constexpr Rights kRightExecute = 1 << 2;
inline constexpr Rights kRightGrant = 1 << 3;
inline constexpr Rights kRightRevoke = 1 << 4;
inline constexpr Rights kRightDelete = 1 << 5;
inline constexpr Rights kAllRights = (1 << 6) - 1;

// cap_info's answer.
struct CapInfo {
    ObjectType type;
    Rights rights;
    uint64_t badge;
    uint64_t object_id;  // the same for every capability to one object
    uint64_t size;       // memory: bytes; quota: bytes left; else 0
};

// cap_create's arguments: an object made from a quota capability (WRITE).
struct CapCreateArguments {
    CapSlot quota;
    ObjectType type;  // kEndpoint, kNotification, kMemory, kQuota
    uint64_t size;    // kMemory: bytes (page multiple); kQuota: bytes moved to the new quota
    Rights rights;    // of the new capability (kAllRights: all)
};

// The capabilities process 1 (init) starts with (all rights). Other
// processes start with an empty space except for what their parent hands
// them at spawn (process_spawn_with_caps: slots 1..n) or grants later.
inline constexpr CapSlot kInitQuotaSlot = 1;     // half of the memory free at boot
inline constexpr CapSlot kInitPlatformSlot = 2;  // interrupt lines and device memory
// Slots in a capability space (1..kCapabilitySlots).
inline constexpr uint64_t kCapabilitySlots = 1024;

// Bytes of quota each object costs (kMemory: this plus its size).
//
// Accounting rule: every kernel object a system call makes on a process's
// behalf is charged to a quota capability (WRITE) the caller names, and
// holds a reference on that quota until the object is destroyed (its last
// capability and in-kernel use gone); then the charge returns to the quota.
//   cap_create          kObjectCost (+ size for kMemory and kQuota)
//   memory_take         kObjectCost + length
//   memory_create_device, irq_register, io_port_create,
//   cap_obtain, ipc_save_reply                          kObjectCost
// A quota made from another (cap_create kQuota) gives its bytes back to
// its parent when it is destroyed. A call that fails with kQuotaExceeded
// leaves nothing made and nothing charged. ipc_call / ipc_send / ipc_reply
// / notifications allocate nothing that outlives the call (a call's
// one-shot reply lives in the two threads' kernel state).
//
// Processes: every process has a memory quota, the quota its spawner named
// (process_spawn, process_spawn_with_caps; init's is its kInitQuotaSlot
// quota), which the process holds a reference on until it is freed. The
// process itself and what the kernel makes for it without a quota argument
// are charged there:
//   process_spawn(_with_caps)  kProcessCost + kAddressSpaceCost +
//       kThreadCost for the main thread, and, as the program is loaded,
//       the pages and page tables it fills (below): the program's data,
//       the stack page of its StartInfo. A spawn whose quota cannot pay
//       for all of it fails with kQuotaExceeded and nothing left charged
//   thread_create              kThreadCost
//   as_create                  kAddressSpaceCost
//   capability-space chunk     kCapabilityChunkCost, when a slot in a new
//       run of kCapabilityChunkSlots is first filled (by anyone: a grant or
//       a message into the space fills it too)
// Refunds: a thread's kThreadCost - kObjectCost when it has ended and its
// kernel stack is freed, the rest when it has been joined (or its process
// has ended); an address space's when it is destroyed (as_destroy, or the
// process's end, which also refunds its own space), with every page and
// table still in it; the process and its chunks when it is freed: by the
// time process_wait returns
// unless a process capability still names it (then when that goes), or
// when it has ended and its parent is gone. thread_join returns once the
// thread's charge is back, process_wait once the child's is (unless held).
//
// Memory of a process's address spaces (its own and as_create's), charged
// to the same memory quota (kernel/object/README.md):
//   a page table below the root   kPageTableCost, when the kernel makes it
//       (a fault, a device mapping, the loader); refunded when it is freed
//       (unmap empties it, or the space is destroyed)
//   an anonymous page             kPageCost, when it enters the space's own
//       memory (first touch of the stack, the heap, an as_map region, the
//       program's pages while spawn loads them); refunded when it
//       leaves: unmapped, the space destroyed, or
//       moved by memory_take into the new memory object, which was charged
//       its whole length up front (so the page's charge moves there)
// Pages of memory objects (cap_create kMemory, memory_take) are paid by
// the object's up-front charge and never per page. Every page and table
// is charged to exactly one quota, once, and refunded once. A mapping that
// needs a table the quota cannot pay for fails with kQuotaExceeded and
// maps nothing; a fault that cannot be paid for ends the thread like any
// unresolved fault (reported, kThreadKilledStatus).
inline constexpr uint64_t kObjectCost = 256;
// A thread: its 16 KiB kernel stack and its scheduler state (the kernel
// checks these cover what it allocates).
inline constexpr uint64_t kThreadCost = 16384 + 2048;
// An address space: its object and its root page table (one 4 KiB page).
inline constexpr uint64_t kAddressSpaceCost = kObjectCost + 4096;
// A process: its kernel state and its capability space's header.
inline constexpr uint64_t kProcessCost = 2048;
// A capability space holds its slots in chunks made when first used.
inline constexpr uint64_t kCapabilityChunkSlots = 64;
inline constexpr uint64_t kCapabilityChunkCost = 4096;
// A page table below an address space's root (4 KiB on every architecture;
// the kernel checks it covers the table page it allocates).
inline constexpr uint64_t kPageTableCost = 4096;
// An anonymous page of an address space (one 4 KiB frame).
inline constexpr uint64_t kPageCost = 4096;

}  // namespace cairn
