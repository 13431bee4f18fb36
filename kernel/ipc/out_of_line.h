// The out-of-line bytes of a message in flight, copied once: the sending
// thread (the lender) pins the pages of its own buffer before any lock
// (a checked read faults each page in first, so a bad or unmapped page is
// the lender's kBadAddress and nothing has been sent); the message carries
// the pinned range; the receiving thread (the holder) copies straight from
// those frames, through the direct map, into its own buffer with a checked
// user copy, with no lock held; then it gives the range back.
//
// Invariants:
//  - Every pinned frame holds one reference of the range's, so an unmap or
//    memory_take of the lender's pages while the message is in flight
//    cannot make a frame somebody else's while the holder reads it: the
//    holder reads the bytes as they were mapped when the send began.
//  - The lender does not return to user space before its range is given
//    back (wait_given_back), so the bytes a receiver sees are those of
//    the send call, never a later rewrite by the lender's own thread.
//    Another thread of the lender rewriting the buffer meanwhile is a race
//    of its own, as it is with any copy.
//  - Exactly one party holds the range: the KernelMessage that names it
//    (moved, never copied, with the message, like a capability), or the
//    code that took it out of the message. Whoever holds it gives it back
//    once: after the copy (delivery), or without one (a failed send,
//    withdrawal on timeout or kill, an unanswerable reply). A range lent
//    by a thread that is killed is given back by that thread's own system
//    call on its way out, so no pin outlives the call that made it.
//  - `returned` and `waiter` are guarded by ipc_lock(); the pages by the
//    holder alone.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::ipc {

struct OutOfLine;

// Pins [address, address + length) of the running thread's address space
// for reading (length 1 .. kMaxOutOfLineBytes). kBadAddress if any byte is
// not readable user memory backed by RAM (nothing stays pinned then),
// kOutOfMemory. The new range has two references: the lender's and the
// message's.
os::ErrorOr<OutOfLine*> lend(uint64_t address, uint64_t length);

// The holder: copies the whole range into the running thread's memory at
// `destination` (checked; may fault: kBadAddress, and then a prefix may
// have been written).
os::ErrorOr<void> copy_to_user(const OutOfLine& range, uint64_t destination);

// The holder is done: unpins the frames, tells the lender, drops the
// holder's reference. give_back() without ipc_lock() held,
// give_back_locked() with it.
void give_back(OutOfLine* range);
void give_back_locked(OutOfLine* range);

// The lender, before it returns to user space: waits until the holder gave
// the range back (a copy of at most 1 MiB) or the lender is killed (it then
// never returns to user space; the holder's reference keeps the pins), then
// drops the lender's reference. Without ipc_lock() held.
void wait_given_back(OutOfLine* range);

}  // namespace kernel::ipc
