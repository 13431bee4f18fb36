// Synchronous IPC, notifications, shared memory and user-space interrupts
// as user space sees them (numbers in syscalls.h).
//
// A message is an id, up to 64 bytes of inline data, up to 4 capabilities
// and an optional out-of-line buffer. The kernel copies the inline part and
// the buffer once, from sender to receiver; capabilities arrive in new slots
// of the receiver's capability space. Sending a capability needs GRANT on
// it; `cap_move` bit i moves capability i (the sender's slot is emptied)
// instead of copying it (a copy is a child of the sender's capability in the
// derivation tree).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"

namespace cairn {

inline constexpr size_t kMessageDataBytes = 64;
inline constexpr size_t kMessageCaps = 4;
// The largest out-of-line buffer one message carries.
inline constexpr uint64_t kMaxOutOfLineBytes = 1 << 20;

struct alignas(16) Message {
    uint64_t id;                 // chosen by the sender (the receiver's "method")
    uint64_t badge;              // receive: the badge of the capability the sender used
    uint32_t data_length;        // 0..kMessageDataBytes
    uint32_t cap_count;          // 0..kMessageCaps
    uint32_t cap_move;           // bit i: move caps[i] instead of copying it
    uint32_t flags;              // receive: kMessageFlag*
    CapSlot caps[kMessageCaps];  // send: the sender's slots; receive: new slots
    // Out-of-line buffer: on send the bytes to copy (0 length: none); on
    // receive the space for them (buffer_length is updated to what arrived).
    // A receiver without room gets kOutOfRange and the message stays with
    // the sender, who gets kOutOfRange too.
    uint64_t buffer;
    uint64_t buffer_length;
    uint8_t data[kMessageDataBytes];
};
static_assert(sizeof(Message) == 144);

// Message::flags on receive.
inline constexpr uint32_t kMessageFlagCall = 1 << 0;          // a reply is expected
inline constexpr uint32_t kMessageFlagNotification = 1 << 1;  // the bound notification fired:
                                                              // badge holds its bits
// The per-thread IPC buffer (thread_set_ipc_buffer): one page-aligned block
// of this many bytes. A Message placed at its start is reached by the kernel
// without a checked user copy, so calls using it can take the fast path.
// What the kernel promises:
//  - Registration faults the page in for writing (a page shared
//    copy-on-write gets its own copy first) and pins its frame: from then on
//    every IPC call of this thread whose Message pointer is the buffer's
//    address reads and writes that frame, and nothing else. Other pointers
//    work as always (checked copies). Only the registering thread's calls
//    use it; other threads may read and write the page like any memory.
//  - as_unmap or as_protect of the page does not end the registration: the
//    kernel keeps using the pinned frame, which after an unmap only this
//    thread's IPC calls reach; whatever the address shows later (a new
//    page, or a copy made when write access comes back after as_protect)
//    is never written by them. Register again (or 0) to move on.
//  - A page of shared memory (memory_map) may be registered: its other
//    mappers then see the messages, as they see any write to it.
//  - memory_take of the page copies it: the new memory object never gets
//    the pinned frame, so later messages never show in it.
//  - The frame is released when the thread registers another buffer (or 0)
//    or exits. There is no fork: a clone of an address space (not reachable
//    from user space) would have to copy registered pages.
// The runtime registers one per thread: cairn::ipc_buffer() (cairn/message.h).
inline constexpr size_t kIpcBufferSize = 4096;

// Timeouts (nanoseconds) of blocking calls: kForever (syscalls.h) waits for
// ever; kNoWait fails with kWouldBlock instead of waiting.
inline constexpr uint64_t kNoWait = 0;

// memory_map permissions are kMapRead/kMapWrite/kMapExecute (syscalls.h)
// and may not exceed the memory capability's rights.

}  // namespace cairn
