// Messages inside the kernel: what ipc_send/ipc_call copy in from user space
// (cairn::Message) checked once, and the kernel's own form of a message in
// flight. Pure: host-tested (tests/message_test.cc).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/ipc.h"
#include "kernel/lib/error.h"

namespace kernel::ipc {

struct OutOfLine;  // out_of_line.h

// A message between its copy-in and its delivery. The out-of-line bytes stay
// in the sender's pages, pinned (`out_of_line`, owned by whoever holds the
// message, see out_of_line.h): the receiver copies them once, straight into
// its own buffer, with no lock held. Only the sender's thread touches the
// sender's address space (to pin) and only the receiver's its own (to copy).
struct KernelMessage {
    uint64_t id = 0;
    uint64_t badge = 0;  // on delivery: the badge of the sender's capability
    // id .. flags in cairn::Message's order, and buffer_length directly
    // before data as there: the fast path copies both pieces out to the
    // receiver's Message as they are (fast_path.cc).
    uint32_t data_length = 0;
    uint32_t cap_count = 0;
    uint32_t cap_move = 0;
    uint32_t flags = 0;
    uint64_t caps[cairn::kMessageCaps] = {};  // sender's slots, then receiver's
    OutOfLine* out_of_line = nullptr;         // buffer_length bytes (0: none)
    uint64_t buffer_length = 0;
    uint8_t data[cairn::kMessageDataBytes];
};

// Checks what the sender controls, before anything is looked up:
// data_length <= 64, cap_count <= 4 and cap_move only naming those caps
// (kInvalidArgument); an out-of-line buffer longer than kMaxOutOfLineBytes
// (kOutOfRange); a non-empty buffer at address 0 (kBadAddress).
os::ErrorOr<void> validate_outgoing(const cairn::Message& message);

// The receive side's room: buffer_length bytes at buffer (0: none). A
// length past kMaxOutOfLineBytes is clamped (more can never arrive).
inline uint64_t receive_capacity(const cairn::Message& message) {
    uint64_t length = message.buffer_length;
    return length > cairn::kMaxOutOfLineBytes ? cairn::kMaxOutOfLineBytes : length;
}

// Fills `out` with the user-visible form of a delivered message: the
// receiver's own buffer address stays, buffer_length becomes what arrived.
void to_user(const KernelMessage& message, uint64_t user_buffer, cairn::Message* out);

// The inline part of `in` (after validate_outgoing) into `out` (no buffer).
void from_user(const cairn::Message& in, KernelMessage* out);

}  // namespace kernel::ipc
