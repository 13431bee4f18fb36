// Checks on user pointers and lengths before any use, and typed copies in
// and out. Every access to user memory in the system call layer goes
// through hal::mm::copy_from_user/copy_to_user (which turn a fault into
// kBadAddress); these helpers add the range, overflow and alignment rules
// in front:
//  - a non-empty range must not start at 0, must not wrap
//    (address + length overflows), and must end at or below
//    hal::mm::user_space_end();
//  - a pointer to a struct must be aligned to the struct's alignment
//    (kBadAddress otherwise): the ABI stays strict and the same on every
//    architecture.
// Permissions are the page tables': a read of unmapped memory or a write to
// a read-only page fails inside the copy.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"

namespace kernel::syscall {

inline bool is_user_range(uint64_t address, uint64_t length) {
    if (length == 0) return address <= hal::mm::user_space_end();
    if (address == 0) return false;
    uint64_t end = address + length;
    return end > address && end <= hal::mm::user_space_end();
}

inline os::ErrorOr<void> copy_in(void* destination, uint64_t source, size_t length) {
    if (!is_user_range(source, length)) return os::Error::kBadAddress;
    if (length == 0) return {};
    return hal::mm::copy_from_user(destination, source, length);
}

inline os::ErrorOr<void> copy_out(uint64_t destination, const void* source, size_t length) {
    if (!is_user_range(destination, length)) return os::Error::kBadAddress;
    if (length == 0) return {};
    return hal::mm::copy_to_user(destination, source, length);
}

template <typename T>
os::ErrorOr<void> read_user(uint64_t address, T* value) {
    if (address % alignof(T) != 0) return os::Error::kBadAddress;
    return copy_in(value, address, sizeof(T));
}

template <typename T>
os::ErrorOr<void> write_user(uint64_t address, const T& value) {
    if (address % alignof(T) != 0) return os::Error::kBadAddress;
    return copy_out(address, &value, sizeof(T));
}

// Results as user space sees them: value >= 0, or -(os::Error).
inline int64_t error_result(os::Error error) {
    return -static_cast<int64_t>(error);
}
inline int64_t result_of(const os::ErrorOr<void>& result) {
    return result.is_error() ? error_result(result.error()) : 0;
}

}  // namespace kernel::syscall
