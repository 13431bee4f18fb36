// The per-thread IPC buffer (thread_set_ipc_buffer, abi/cairn/ipc.h): one
// user page whose frame the kernel pins at registration and then reaches
// through the direct map, so an IPC call whose Message lies at the start of
// the page needs no checked user copy.
//
// Only the owning thread reads or writes its IpcBuffer and the page behind
// it (in its own system calls and its exit hook), so no lock guards them:
// like the checked copies, each thread touches only its own user memory.
//
// Invariant: while `frame` is set the kernel holds one reference on it, so
// the frame is never freed or handed to anybody else while the kernel may
// write it. Consequences (the ABI promise in ipc.h):
//  - as_unmap of the page: the frame stays the thread's, reachable by the
//    kernel alone; the fast path keeps using it until the thread registers
//    again (or 0) or exits. What the thread then sees at the address is
//    whatever is mapped there now, not its messages.
//  - memory_take of the page: the page counts as shared (two references),
//    so the new memory object gets a copy, never the pinned frame.
//  - as_clone (kernel-internal, no system call reaches it today): it would
//    share the frame copy-on-write; a fork added later must copy pinned
//    pages instead.
//  - thread exit: the exit hook drops the reference.
#pragma once

#include <stdint.h>

#include "cairn/ipc.h"
#include "kernel/lib/error.h"

namespace kernel::mm {
class PageFrame;
}

namespace kernel::ipc {

struct IpcBuffer {
    uint64_t address = 0;               // user address (0: none registered)
    cairn::Message* message = nullptr;  // the same bytes through the direct map
    mm::PageFrame* frame = nullptr;     // the reference the kernel holds

    // The kernel's view of the user Message at `user_address`, if that is
    // this buffer's start; nullptr otherwise (then use the checked copies).
    cairn::Message* at(uint64_t user_address) const {
        return user_address == address ? message : nullptr;
    }
};

struct ThreadState;

// thread_set_ipc_buffer for the running thread: registers the page at
// `address` (0: none). Errors: kInvalidArgument (not page-aligned),
// kBadAddress (not a user page mapped read-write, or not RAM), kOutOfMemory.
// A failed registration leaves no buffer registered.
os::ErrorOr<void> set_ipc_buffer(uint64_t address);
// Drops the registration (the exit hook, a new registration).
void clear_ipc_buffer(IpcBuffer& buffer);

}  // namespace kernel::ipc
