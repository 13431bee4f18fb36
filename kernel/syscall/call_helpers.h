// Helpers several system call families share (calls_*.cc).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"
#include "kernel/cap/capability_space.h"
#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"
#include "kernel/process/process.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {

// Copies a user string of `length` bytes (no NUL needed) into `buffer`.
// An embedded NUL would make the kernel see a shorter name than the caller
// passed: refused (kInvalidArgument), as is a string that does not fit.
inline os::ErrorOr<void> copy_string(uint64_t text, uint64_t length, char* buffer,
                                     size_t capacity) {
    if (length >= capacity) return os::Error::kInvalidArgument;
    TRY(copy_in(buffer, text, length));
    buffer[length] = '\0';
    for (size_t i = 0; i < length; ++i) {
        if (buffer[i] == '\0') return os::Error::kInvalidArgument;
    }
    return {};
}

// Runs `operation(space)` on the caller's address space `handle` (0: its
// own) while the handle is held, so the space cannot be destroyed under it.
template <typename Operation>
int64_t with_space(uint64_t handle, Operation operation) {
    process::Process* process = process::current();
    if (process == nullptr) return error_result(os::Error::kNotFound);
    auto space = process->acquire_handle(handle);
    if (space.is_error()) return error_result(space.error());
    int64_t result = operation(*space.value());
    process->release_handle(handle);
    return result;
}

// Looks `slot` up in the caller's capability space (kNoCapability,
// kWrongType, kMissingRights, in that order; see capability_space.h).
inline os::ErrorOr<cap::Capability> look_up(cap::Slot slot, cairn::ObjectType type,
                                            cairn::Rights rights) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return os::Error::kNoCapability;
    return space->lookup(slot, type, rights);
}

// A slot as the call's result, or its error.
inline int64_t slot_result(const os::ErrorOr<cap::Slot>& slot) {
    if (slot.is_error()) return error_result(slot.error());
    return static_cast<int64_t>(slot.value());
}

// Puts a fresh object (whose creator reference the caller passes in) into
// the caller's space with `rights`; the creator reference is dropped either
// way, so on failure the object goes.
inline int64_t insert_new(object::KernelObject* object, cairn::Rights rights) {
    auto adopted = object::ObjectRef<object::KernelObject>::adopt(object);
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNoCapability);
    return slot_result(space->insert_root(*object, rights));
}

}  // namespace kernel::syscall
