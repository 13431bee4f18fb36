// A process's address-space handles (as_create's 1..capacity; 0, the
// process's own space, is not in the table): which space each names, how
// many calls use it right now, and a serial that tells one space behind a
// handle from a later one behind the same, reused handle.
//
// Why serials: an address-space capability (objects.h) names a space by
// handle, and must not start naming another space when its own is
// destroyed and the handle reused. It keeps (handle, serial); serials are
// unique for the table's lifetime, so acquire(handle, serial) finds only
// the space it was made for (or kNotFound).
//
// Users: while a call uses a space (acquire .. release), remove() refuses
// it, and busy() tells the reaper to wait before destroying the spaces.
// Uses of the process's own space through a capability count too
// (acquire_own): the reaper destroys that space with the others.
//
// Not locked: Process::lock_ guards it. Pure (no kernel dependencies):
// host-tested in tests/handle_table_test.cc.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::process {

template <typename Space, size_t kCapacity>
class HandleTable {
public:
    // The new handle of `space`; kNoSpace when every handle is in use.
    os::ErrorOr<uint64_t> add(Space* space) {
        for (size_t i = 0; i < kCapacity; ++i) {
            if (entries_[i].space == nullptr) {
                entries_[i] = Entry{space, 0, next_serial_++, nullptr};
                return i + 1;
            }
        }
        return os::Error::kNoSpace;
    }

    // The space of `handle`, or nullptr for one not in use (or out of range).
    Space* at(uint64_t handle) const {
        const Entry* entry = entry_of(handle);
        return entry == nullptr ? nullptr : entry->space;
    }
    // Its serial (never 0); kNotFound for a handle not in use.
    os::ErrorOr<uint64_t> serial(uint64_t handle) const {
        if (at(handle) == nullptr) return os::Error::kNotFound;
        return entry_of(handle)->serial;
    }
    uint32_t users(uint64_t handle) const {
        return at(handle) == nullptr ? 0 : entry_of(handle)->users;
    }

    // The space, counted as used until release(handle); kNotFound.
    os::ErrorOr<Space*> acquire(uint64_t handle) {
        if (at(handle) == nullptr) return os::Error::kNotFound;
        ++entry_of(handle)->users;
        return entry_of(handle)->space;
    }
    // acquire() only while `handle` still names the space of `serial`.
    os::ErrorOr<Space*> acquire(uint64_t handle, uint64_t serial) {
        if (at(handle) == nullptr || entry_of(handle)->serial != serial) {
            return os::Error::kNotFound;
        }
        return acquire(handle);
    }
    void release(uint64_t handle) {
        if (at(handle) != nullptr) --entry_of(handle)->users;
    }

    // A weak pointer stored with the space of (handle, serial) - its one
    // capability object (objects.h) - or nullptr when that space is gone.
    // Emptied with the handle.
    void** object_slot(uint64_t handle, uint64_t serial) {
        if (at(handle) == nullptr || entry_of(handle)->serial != serial) return nullptr;
        return &entry_of(handle)->object;
    }

    // Uses of the process's own space (handle 0) through a capability.
    void acquire_own() { ++own_users_; }
    void release_own() { --own_users_; }

    // Empties `handle` and returns its space (the caller destroys it).
    // kNotFound; kPermissionDenied while a call uses it.
    os::ErrorOr<Space*> remove(uint64_t handle) {
        if (at(handle) == nullptr) return os::Error::kNotFound;
        Entry* entry = entry_of(handle);
        if (entry->users != 0) return os::Error::kPermissionDenied;
        Space* space = entry->space;
        *entry = Entry{};
        return space;
    }
    // Empties every handle, returning the spaces through `destroy(space)`.
    // Only when !busy().
    template <typename Destroy>
    void clear(Destroy destroy) {
        for (Entry& entry : entries_) {
            if (entry.space != nullptr) destroy(entry.space);
            entry = Entry{};
        }
    }

    // A call uses some space (the own one included).
    bool busy() const {
        if (own_users_ != 0) return true;
        for (const Entry& entry : entries_) {
            if (entry.users != 0) return true;
        }
        return false;
    }

private:
    struct Entry {
        Space* space = nullptr;
        uint32_t users = 0;
        uint64_t serial = 0;
        void* object = nullptr;
    };

    Entry* entry_of(uint64_t handle) {
        return handle == 0 || handle > kCapacity ? nullptr : &entries_[handle - 1];
    }
    const Entry* entry_of(uint64_t handle) const {
        return handle == 0 || handle > kCapacity ? nullptr : &entries_[handle - 1];
    }

    Entry entries_[kCapacity] = {};
    uint32_t own_users_ = 0;
    uint64_t next_serial_ = 1;  // 0 stands for the own space
};

}  // namespace kernel::process
