// Capability spaces: each process's table of capabilities, and the
// derivation tree that links every capability to the one it was made from
// (across all processes).
//
// Invariants (kept by capability_space.cc; host-tested against a model in
// tests/):
//  - a slot is empty or holds {object, rights, badge}; a full slot holds
//    one capability_added() on its object and one reference;
//  - a capability's rights are a subset of its parent's; a badge, once set,
//    never changes down the tree;
//  - revoke(slot) leaves no descendant of slot in any space; delete(slot)
//    re-parents slot's children to slot's parent (or makes them roots);
//  - destroying a space deletes every capability it holds.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"
#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"

namespace kernel::cap {

using Slot = cairn::CapSlot;
using object::KernelObject;
using object::ObjectType;
using object::Rights;

// What a lookup hands the system call: the object with a reference held
// (released with the Capability), the capability's rights and badge.
struct Capability {
    object::ObjectRef<KernelObject> object;
    Rights rights = 0;
    uint64_t badge = 0;

    // The object as its concrete type (the lookup checked the type).
    template <typename T>
    T& as() const {
        return *static_cast<T*>(object.get());
    }
};

class CapabilitySpace {
public:
    // A space of `capacity` slots (1..capacity usable). kOutOfMemory.
    static os::ErrorOr<CapabilitySpace*> create(size_t capacity);
    // Deletes every capability in it, then frees it.
    void destroy();

    size_t capacity() const;
    size_t used_slots() const;

    // Looks `slot` up for use. Fails in this order: kNoCapability (0, out of
    // range, empty), kWrongType (type != kNone and the object's differs),
    // kMissingRights (some of `required` missing).
    os::ErrorOr<Capability> lookup(Slot slot, ObjectType type, Rights required) const;

    // Places a new root capability for `object` (a fresh object: the space
    // takes one new reference). kNoSpace when full.
    os::ErrorOr<Slot> insert_root(KernelObject& object, Rights rights, uint64_t badge = 0);

    // A child of `slot` in `target` (this space or another) with rights
    // (rights & mask) and the same badge, or `badge` if set_badge (then the
    // source must have no badge: kInvalidArgument). `required`: rights the
    // source must have (GRANT for grants and messages).
    os::ErrorOr<Slot> derive(Slot slot, Rights mask, CapabilitySpace& target,
                             Rights required = 0, bool set_badge = false, uint64_t badge = 0);
    // Moves the capability in `slot` to `target` (same position in the
    // tree, same rights and badge); `slot` becomes empty. Needs `required`.
    os::ErrorOr<Slot> move(Slot slot, CapabilitySpace& target, Rights required = 0);

    // Deletes every descendant of `slot` (needs REVOKE); returns how many.
    os::ErrorOr<size_t> revoke(Slot slot);
    // Deletes `slot` (needs DELETE unless `force`), re-parenting its children.
    os::ErrorOr<void> remove(Slot slot, bool force = false);

    os::ErrorOr<cairn::CapInfo> info(Slot slot) const;

private:
    CapabilitySpace() = default;
    ~CapabilitySpace() = default;
};

}  // namespace kernel::cap
