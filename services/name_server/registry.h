// The name server's registry: names -> endpoint capabilities, as a pure
// class (no IPC, no heap; host-tested). The server keeps the endpoint
// capabilities in its own capability space; the registry records their
// slots and says which slot the server must delete when an entry goes.
//
// Owners are the badges of the registration capabilities the name server
// hands out (one per service, by the service manager): badge 0 is an
// unbadged capability and may look up and list, never register.
//
// Rules:
// - Names: 1..kMaxNameLength characters of [a-z0-9._-], starting with a
//   letter, not ending with '.' or '-' (so "console", "fs.root", "net-0").
// - register: a new name is added. An existing one is replaced only by its
//   owner (re-registration after a restart under the same badge) or once
//   the owner was reported dead (owner_died); anyone else gets
//   kAlreadyExists. Replacing hands back the old endpoint slot.
// - owner_died keeps the owner's entries but marks them orphaned: a lookup
//   then answers kPeerGone (the service is down, probably restarting),
//   which a client tells apart from kNotFound (no such service).
// - list: in name order, a page at a time; the cursor is the last name of
//   the previous page, so registrations between pages neither repeat nor
//   skip the entries that stayed.
// - unregister: only by the owner.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/status.h"

namespace cairn::name_server {

using Slot = uint64_t;  // a capability slot in the name server's space
using Badge = uint64_t;

class Registry {
public:
    static constexpr size_t kMaxNameLength = 48;
    static constexpr size_t kCapacity = 64;

    struct Entry {
        char name[kMaxNameLength + 1];
        uint8_t name_length;
        Slot endpoint;
        Badge owner;
        bool orphaned;           // the owner died; waits for a new registration
        uint32_t registrations;  // how often the name was (re)registered
    };

    static bool valid_name(const char* name, size_t length);

    // kInvalidArgument (bad name or endpoint 0), kPermissionDenied (owner
    // 0), kAlreadyExists (another live owner's), kNoSpace (full). On
    // success *replaced is the endpoint slot to delete, or 0.
    Status register_name(const char* name, size_t length, Slot endpoint, Badge owner,
                         Slot* replaced);
    // kInvalidArgument, kNotFound, kPeerGone (orphaned).
    Status lookup(const char* name, size_t length, Slot* endpoint) const;
    // kInvalidArgument, kNotFound, kPermissionDenied (not the owner). On
    // success *released is the endpoint slot to delete.
    Status unregister(const char* name, size_t length, Badge owner, Slot* released);
    // Marks every entry of `owner` orphaned; returns how many.
    size_t owner_died(Badge owner);

    // Copies up to `capacity` entries whose names sort after `after`
    // (length 0: from the start) into `entries`; returns how many.
    size_t list(const char* after, size_t after_length, Entry* entries, size_t capacity) const;

    size_t size() const { return count_; }

private:
    // The index of `name`, or where it would go (entries_ stays sorted by name).
    size_t position(const char* name, size_t length, bool* found) const;

    Entry entries_[kCapacity] = {};
    size_t count_ = 0;  // invariant: entries_[0..count_) sorted by name, names distinct
};

}  // namespace cairn::name_server
