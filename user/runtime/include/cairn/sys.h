// Typed wrappers for every system call of abi/cairn/syscalls.h: one inline
// function per call, so a call compiles to the argument moves and the trap.
//
// Each returns a Result: a value >= 0 (an id, an address, a byte count) or
// a negated cairn::Status. The raw trap per architecture is
// cairn::arch::syscall6_or_nop (user/runtime/arch/<arch>/include/cairn/arch/syscall.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/arch/syscall.h"
#include "cairn/capability.h"
#include "cairn/ipc.h"
#include "cairn/status.h"
#include "cairn/syscalls.h"

namespace cairn::arch {

// The raw system call: number and six arguments, the result register back.
inline int64_t syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                        uint64_t a4, uint64_t a5) {
    return syscall6_or_nop<true>(number, a0, a1, a2, a3, a4, a5);
}

// syscall6 with the trap instruction replaced by a nop, and no system
// call: for benchmarks that report their figures net of their own
// measuring code (the same code with nops instead of system calls, as
// sel4bench does). Returns what the result register held before (the
// number on x86_64, the first argument elsewhere).
inline int64_t nop_syscall6(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                            uint64_t a4, uint64_t a5) {
    return syscall6_or_nop<false>(number, a0, a1, a2, a3, a4, a5);
}

}  // namespace cairn::arch

namespace cairn {

struct [[nodiscard]] Result {
    int64_t raw;

    constexpr bool ok() const { return raw >= 0; }
    constexpr explicit operator bool() const { return ok(); }
    constexpr Status status() const { return ok() ? Status::kOk : static_cast<Status>(raw); }
    // The value of a successful call (an id, an address, a length).
    constexpr uint64_t value() const { return static_cast<uint64_t>(raw); }
};

// "invalid argument", "bad address", "no capability", ... ("unknown
// status" for others).
const char* status_name(Status status);
// "killed" for kThreadKilledStatus (what a process ends with when its last
// thread faulted or was killed), else null: print the number.
const char* exit_status_name(int64_t exit_status);

namespace sys {

inline Result call(Syscall number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0,
                   uint64_t a3 = 0, uint64_t a4 = 0, uint64_t a5 = 0) {
    return {arch::syscall6(static_cast<uint64_t>(number), a0, a1, a2, a3, a4, a5)};
}

template <typename T>
inline uint64_t word(T* pointer) {
    return reinterpret_cast<uintptr_t>(pointer);
}

// ---- debug --------------------------------------------------------------

// Prints `length` (<= kMaxDebugPrint) bytes on the debug console.
inline Result debug_print(const char* text, size_t length) {
    return call(Syscall::kDebugPrint, word(text), length);
}
inline Result debug_break() {
    return call(Syscall::kDebugBreak);
}

// ---- threads ------------------------------------------------------------

// Low level: cairn::Thread (cairn/thread.h) sets up stack and TLS.
inline Result thread_create(const ThreadCreateArguments& arguments) {
    return call(Syscall::kThreadCreate, word(&arguments));
}
[[noreturn]] inline void thread_exit(int64_t status) {
    call(Syscall::kThreadExit, static_cast<uint64_t>(status));
    __builtin_trap();
}
inline Result thread_yield() {
    return call(Syscall::kThreadYield);
}
inline Result thread_sleep(uint64_t nanoseconds) {
    return call(Syscall::kThreadSleep, nanoseconds);
}
// thread_id 0: the caller. Priority 0..99 real time, 100..139 normal.
inline Result thread_set_priority(uint64_t thread_id, uint64_t priority) {
    return call(Syscall::kThreadSetPriority, thread_id, priority);
}
inline Result thread_set_affinity(uint64_t thread_id, uint64_t cpu_mask) {
    return call(Syscall::kThreadSetAffinity, thread_id, cpu_mask);
}
inline Result thread_info(uint64_t thread_id, ThreadInfo* info) {
    return call(Syscall::kThreadInfo, thread_id, word(info));
}
// The thread's exit status once it ended (kTimedOut first if it did not).
inline Result thread_join(uint64_t thread_id, uint64_t timeout_ns = kForever) {
    return call(Syscall::kThreadJoin, thread_id, timeout_ns);
}
inline Result thread_set_pointer(uintptr_t pointer) {
    return call(Syscall::kThreadSetPointer, pointer);
}
// The calling thread's IPC buffer (kIpcBufferSize bytes, page-aligned; 0:
// none). The runtime registers one per thread: use cairn::ipc_buffer().
inline Result thread_set_ipc_buffer(uintptr_t address) {
    return call(Syscall::kThreadSetIpcBuffer, address);
}

// Through a thread capability (cap_obtain kThread), in any process:
// priority (WRITE), affinity (WRITE), kill (WRITE), info (READ). A thread
// that has ended: kNotFound.
inline Result thread_control(CapSlot thread, uint64_t operation, uint64_t argument = 0) {
    return call(Syscall::kThreadControl, thread, operation, argument);
}
inline Result thread_cap_set_priority(CapSlot thread, uint64_t priority) {
    return thread_control(thread, kThreadOpSetPriority, priority);
}
inline Result thread_cap_set_affinity(CapSlot thread, uint64_t cpu_mask) {
    return thread_control(thread, kThreadOpSetAffinity, cpu_mask);
}
inline Result thread_kill(CapSlot thread) {
    return thread_control(thread, kThreadOpKill);
}
inline Result thread_capability_info(CapSlot thread, ThreadInfo* info) {
    return call(Syscall::kThreadCapabilityInfo, thread, word(info));
}

// ---- address spaces (handle 0: the caller's) ----------------------------

inline Result as_create() {
    return call(Syscall::kAsCreate);
}
// address 0 without kMapFixed: the kernel picks. Returns the address.
inline Result as_map(uint64_t handle, uintptr_t address, uint64_t length, uint64_t permissions,
                     uint64_t flags = 0) {
    return call(Syscall::kAsMap, handle, address, length, permissions, flags);
}
inline Result as_unmap(uint64_t handle, uintptr_t address, uint64_t length) {
    return call(Syscall::kAsUnmap, handle, address, length);
}
inline Result as_protect(uint64_t handle, uintptr_t address, uint64_t length,
                         uint64_t permissions) {
    return call(Syscall::kAsProtect, handle, address, length, permissions);
}
inline Result as_destroy(uint64_t handle) {
    return call(Syscall::kAsDestroy, handle);
}

// ---- processes ----------------------------------------------------------

// Starts "bin/<name>" of the boot archive; returns the process id. `quota`
// (WRITE) pays for the child and stays its memory quota (its threads,
// address spaces and capability slots are charged there too; see
// cairn/capability.h): e.g. the caller's own quota slot, or one made for the
// child with cap_create(kQuota).
inline Result process_spawn(const char* path, size_t path_length, const char* argument,
                            size_t argument_length, CapSlot quota) {
    return call(Syscall::kProcessSpawn, word(path), path_length, word(argument), argument_length,
                quota);
}
inline Result process_spawn(const char* path, const char* argument, CapSlot quota) {
    return process_spawn(path, __builtin_strlen(path), argument, __builtin_strlen(argument), quota);
}
inline Result process_wait(uint64_t process_id, uint64_t timeout_ns = kForever) {
    return call(Syscall::kProcessWait, process_id, timeout_ns);
}
[[noreturn]] inline void process_exit(int64_t status) {
    call(Syscall::kProcessExit, static_cast<uint64_t>(status));
    __builtin_trap();
}
// process_spawn that also hands the child up to kMaxSpawnCaps capabilities (its slots
// 1..cap_count); each needs GRANT. arguments.quota: the child's memory quota.
inline Result process_spawn_with_caps(const SpawnArguments& arguments) {
    return call(Syscall::kProcessSpawnWithCaps, word(&arguments));
}
// The same from NUL-terminated strings: bin/<program> `path` started with
// `argument` and caps[0..count) (bit i of `move_mask` moves caps[i]), paid
// for by `quota` (which may be one of the caps, moved or not).
inline Result spawn_with_caps(const char* path, const char* argument, const CapSlot* caps,
                              uint64_t count, uint64_t move_mask, CapSlot quota) {
    SpawnArguments arguments{};
    arguments.quota = quota;
    arguments.path = path;
    arguments.path_length = __builtin_strlen(path);
    arguments.argument = argument;
    arguments.argument_length = __builtin_strlen(argument);
    for (uint64_t index = 0; index < count && index < kMaxSpawnCaps; ++index)
        arguments.caps[index] = caps[index];
    arguments.cap_count = count;
    arguments.cap_move = move_mask;
    return process_spawn_with_caps(arguments);
}

// Through a process capability (cap_obtain kProcess): end it with `status`
// (WRITE; kNotFound once it ended), or read its state (READ; also after).
inline Result process_kill(CapSlot process, int64_t status) {
    return call(Syscall::kProcessKill, process, static_cast<uint64_t>(status));
}
inline Result process_info(CapSlot process, ProcessInfo* info) {
    return call(Syscall::kProcessInfo, process, word(info));
}

// ---- system -------------------------------------------------------------

// Nanoseconds since boot.
inline uint64_t clock_monotonic() {
    return call(Syscall::kClockMonotonic).value();
}
inline Result system_info(SystemInfo* info) {
    return call(Syscall::kSystemInfo, word(info));
}
// Up to `length` bytes of boot-archive file `path` from `offset`; returns
// the count (0 at the end).
inline Result boot_file_read(const char* path, uint64_t offset, void* buffer, uint64_t length) {
    return call(Syscall::kBootFileRead, word(path), __builtin_strlen(path), offset, word(buffer),
                length);
}
// The system's threads with ids above `after_thread_id`, in id order.
inline Result thread_list(ThreadInfo* buffer, uint64_t capacity, uint64_t after_thread_id = 0) {
    return call(Syscall::kThreadList, word(buffer), capacity, after_thread_id);
}
// Every NUMA node's memory; returns the node count.
inline Result memory_nodes(MemoryNodeInfo* buffer, uint64_t capacity) {
    return call(Syscall::kMemoryNodes, word(buffer), capacity);
}

// ---- capabilities (cairn/capability.h) -----------------------------------
// Slots are checked in order: kNoCapability, kWrongType, kMissingRights.

// A new object from a quota capability (WRITE); returns its slot.
inline Result cap_create(const CapCreateArguments& arguments) {
    return call(Syscall::kCapCreate, word(&arguments));
}
inline Result cap_create(CapSlot quota, ObjectType type, uint64_t size = 0,
                         Rights rights = kAllRights) {
    CapCreateArguments arguments{quota, type, size, rights};
    return cap_create(arguments);
}
// A child of `slot` with rights & mask (and its badge); returns the new slot.
inline Result cap_copy(CapSlot slot, Rights mask = kAllRights) {
    return call(Syscall::kCapCopy, slot, mask);
}
// A child of `slot` with rights & mask and `badge` (endpoints and
// notifications without a badge only).
inline Result cap_derive(CapSlot slot, Rights mask, uint64_t badge) {
    return call(Syscall::kCapDerive, slot, mask, badge);
}
// Puts a child of `slot` (GRANT) into a child process; returns its slot there.
inline Result cap_grant(CapSlot slot, uint64_t process_id, Rights mask = kAllRights) {
    return call(Syscall::kCapGrant, slot, process_id, mask);
}
// Deletes every descendant of `slot` (REVOKE); returns how many.
inline Result cap_revoke(CapSlot slot) {
    return call(Syscall::kCapRevoke, slot);
}
inline Result cap_delete(CapSlot slot) {
    return call(Syscall::kCapDelete, slot);
}
inline Result cap_info(CapSlot slot, CapInfo* info) {
    return call(Syscall::kCapInfo, slot, word(info));
}

// A capability (all rights & mask) to a thread of the caller's process (id;
// 0: itself), the caller or a child (kProcess, kCapabilitySpace: 0 or the
// child's id) or one of its address spaces (handle; 0: its own). Returns
// the slot. A new object is charged kObjectCost to `quota` (WRITE).
inline Result cap_obtain(ObjectType type, uint64_t id, Rights mask, CapSlot quota) {
    return call(Syscall::kCapObtain, static_cast<uint64_t>(type), id, mask, quota);
}
// Puts a child of `slot` (GRANT) with rights & mask into the capability
// space `space` names (WRITE); returns the slot there.
inline Result cap_insert(CapSlot space, CapSlot slot, Rights mask = kAllRights) {
    return call(Syscall::kCapInsert, space, slot, mask);
}

// ---- IPC (cairn/ipc.h) ----------------------------------------------------
// timeout_ns: kForever, kNoWait (kWouldBlock) or nanoseconds (kTimedOut).

inline Result ipc_send(CapSlot endpoint, const Message& message, uint64_t timeout_ns = kForever) {
    return call(Syscall::kIpcSend, endpoint, word(&message), timeout_ns);
}
inline Result ipc_receive(CapSlot endpoint, Message* message, uint64_t timeout_ns = kForever) {
    return call(Syscall::kIpcReceive, endpoint, word(message), timeout_ns);
}
// Request in *message, the reply out in it.
inline Result ipc_call(CapSlot endpoint, Message* message, uint64_t timeout_ns = kForever) {
    return call(Syscall::kIpcCall, endpoint, word(message), timeout_ns);
}
// reply 0: the implicit reply of the last call this thread received.
inline Result ipc_reply(CapSlot reply, const Message& message) {
    return call(Syscall::kIpcReply, reply, word(&message));
}
// Reply (if one is owed) with *message, then receive the next into it.
inline Result ipc_reply_receive(CapSlot endpoint, Message* message,
                                uint64_t timeout_ns = kForever) {
    return call(Syscall::kIpcReplyReceive, endpoint, word(message), timeout_ns);
}
inline Result ipc_notify(CapSlot notification, uint64_t bits) {
    return call(Syscall::kIpcNotify, notification, bits);
}
// Returns the bits (cleared by the call).
inline Result ipc_wait_notification(CapSlot notification, uint64_t timeout_ns = kForever) {
    return call(Syscall::kIpcWaitNotification, notification, timeout_ns);
}
// 0 unbinds.
inline Result ipc_bind_notification(CapSlot notification) {
    return call(Syscall::kIpcBindNotification, notification);
}
// The reply this thread owes, as a kReply capability charged kObjectCost
// to `quota` (WRITE); returns its slot.
inline Result ipc_save_reply(CapSlot quota) {
    return call(Syscall::kIpcSaveReply, quota);
}

// ---- memory objects and interrupts ----------------------------------------

// Returns the mapping's address.
inline Result memory_map(const MemoryMapArguments& arguments) {
    return call(Syscall::kMemoryMap, word(&arguments));
}
inline Result memory_map(CapSlot memory, uint64_t length, uint64_t permissions,
                         uint64_t offset = 0) {
    MemoryMapArguments arguments{memory, 0, 0, offset, length, permissions, 0};
    return memory_map(arguments);
}
// Maps into the address space that capability `address_space` names
// (WRITE; another process's too); returns the address there.
inline Result memory_map_into(CapSlot address_space, CapSlot memory, uint64_t length,
                              uint64_t permissions, uintptr_t address = 0, uint64_t flags = 0) {
    MemoryMapArguments arguments{
        memory, address_space, address, 0, length, permissions, flags | kMapAddressSpaceCapability};
    return memory_map(arguments);
}
// Charged kObjectCost to `quota` (WRITE), as irq_register and io_port_create.
inline Result memory_create_device(CapSlot platform, uint64_t physical_base, uint64_t size,
                                   CapSlot quota) {
    return call(Syscall::kMemoryCreateDevice, platform, physical_base, size, quota);
}
// Moves the pages of [address, address + length) into a new memory object
// (no copy; the range is unmapped); returns its slot.
inline Result memory_take(CapSlot quota, uintptr_t address, uint64_t length) {
    return call(Syscall::kMemoryTake, quota, address, length);
}
inline Result irq_register(CapSlot platform, uint64_t line, CapSlot notification, uint64_t bits,
                           CapSlot quota) {
    return call(Syscall::kIrqRegister, platform, line, notification, bits, quota);
}
inline Result irq_ack(CapSlot irq_handler) {
    return call(Syscall::kIrqAck, irq_handler);
}
inline Result platform_info(PlatformInfo* info) {
    return call(Syscall::kPlatformInfo, word(info));
}
inline Result io_port_create(CapSlot platform, uint64_t first_port, uint64_t count, CapSlot quota) {
    return call(Syscall::kIoPortCreate, platform, first_port, count, quota);
}
inline Result io_port_enable(CapSlot io_ports) {
    return call(Syscall::kIoPortEnable, io_ports);
}

}  // namespace sys
}  // namespace cairn
