// Result codes of system calls as user space sees them: a call returns a
// non-negative value on success or one of these, negated (-1 .. -N). The
// numbers are the kernel's os::Error values (kernel/lib/error.h), fixed
// forever: new codes are only ever appended.
#pragma once

#include <stdint.h>

namespace cairn {

enum class Status : int64_t {
    kOk = 0,
    kInvalidArgument = -1,   // a parameter is out of its documented range
    kOutOfRange = -2,        // an offset or length points past the end
    kMalformed = -3,         // input data (an ELF image, a message) is corrupt
    kUnsupported = -4,       // an unknown system call or feature
    kNotFound = -5,          // no such thread, process, handle or file
    kNoSpace = -6,           // a fixed-size table is full
    kOutOfMemory = -7,       // the kernel has no memory for it
    kBadAddress = -8,        // a user pointer is not mapped or not allowed
    kPermissionDenied = -9,  // not allowed (W^X, another process's thread ...)
    kAlreadyExists = -10,    // the range or name is in use
    kTimedOut = -11,         // a deadline passed first
    // Capabilities (abi/cairn/capability.h): every call that names an object
    // by slot checks, in this order, and answers with the first failure:
    kNoCapability = -12,   // the slot is 0, out of range or empty (or was revoked)
    kWrongType = -13,      // the capability names another kind of object
    kMissingRights = -14,  // the capability lacks a right the call needs
    // IPC (abi/cairn/ipc.h).
    kPeerGone = -15,       // the other party died or its capability went away
    kWouldBlock = -16,     // a non-blocking call found no partner / no bits
    kQuotaExceeded = -17,  // the quota capability has too few bytes left
};

inline constexpr bool is_error(int64_t result) {
    return result < 0;
}

}  // namespace cairn
