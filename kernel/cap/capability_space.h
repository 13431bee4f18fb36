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
#include "kernel/sync/spin_lock.h"

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
    // One slot. Its object/rights/badge change under lock_ (and, for a full
    // slot, also the tree lock); its tree links only under the tree lock.
    struct Node;

    // A space of `capacity` slots (1..capacity usable; at most 65536,
    // else kInvalidArgument). kOutOfMemory. With a `quota` (its process's
    // memory quota, retained until destroy()), every chunk of slots is
    // charged cairn::kCapabilityChunkCost when it is made (a fill that
    // needs one fails with kQuotaExceeded when the quota cannot pay) and
    // refunded by destroy().
    static os::ErrorOr<CapabilitySpace*> create(size_t capacity, object::Quota* quota = nullptr);
    // Deletes every capability in it, then frees it.
    void destroy();

    size_t capacity() const;
    size_t used_slots() const;

    // Looks `slot` up for use. Fails in this order: kNoCapability (0, out of
    // range, empty), kWrongType (type != kNone and the object's differs),
    // kMissingRights (some of `required` missing).
    os::ErrorOr<Capability> lookup(Slot slot, ObjectType type, Rights required) const;
    // What find_cached_masked() remembers of one slot: its contents as a
    // lookup for an object of type kType found them, valid while the slot's
    // node keeps the generation it had then (a node's contents change only
    // when it is emptied, which bumps its generation, and a generation never
    // comes round again: see Node). The type is part of the cache's type, so
    // a cache never answers a lookup for another. Plain data, no reference
    // held: owned by one thread.
    template <ObjectType kType>
    struct CachedLookup {
        // Nothing cached: a node whose generation matches no cache's, so
        // that the hit test needs no null test even for slot 0.
        Slot slot = cairn::kNullSlot;
        const Node* node = &kNothingCached;
        uint32_t generation = 0;
        Rights rights = 0;
        KernelObject* object = nullptr;
        uint64_t badge = 0;
    };
    // lookup() for the IPC fast path: without taking a reference, through a
    // cache of the last slot it found (when `slot` is the cached one and its
    // node still has the cached generation, no lock and no table walk).
    // The caller holds a lock the object's on_last_capability() takes (an
    // endpoint under ipc_lock()). That is enough to use the object until
    // the lock is dropped: a capability's reference is released only after
    // capability_removed(), so the last one waits for that lock first; and
    // it makes a cached object as safe (whoever empties the slot bumps the
    // generation before the object can lose its last capability, so either
    // the caller sees the new generation or the object outlives its hold of
    // the lock). *badge: the capability's; nullptr on any failure (the
    // caller's general path says which). Interrupts masked already (the
    // caller's contract): the space's lock is taken without saving and
    // restoring them.
    static const Node kNothingCached;
    template <ObjectType kType>
    inline KernelObject* find_cached_masked(Slot slot, Rights required, uint64_t* badge,
                                            CachedLookup<kType>& cache) const;

    // Places a new root capability for `object` (a fresh object: the space
    // takes one new reference) in the lowest empty slot. kNoSpace when full,
    // kPeerGone once closed. Slots always fill lowest first, so a fresh
    // space hands out 1, 2, 3, ... (init's and spawned children's slots).
    os::ErrorOr<Slot> insert_root(KernelObject& object, Rights rights, uint64_t badge = 0);

    // A child of `slot` in `target` (this space or another) with rights
    // (rights & mask) and the same badge, or `badge` if set_badge and badge
    // != 0 (then the source must have no badge and name an endpoint or a
    // notification, else kInvalidArgument; badge 0 is a plain copy).
    // `required`: rights the source must have (GRANT for grants and
    // messages). Target full: kNoSpace; closed: kPeerGone.
    os::ErrorOr<Slot> derive(Slot slot, Rights mask, CapabilitySpace& target, Rights required = 0,
                             bool set_badge = false, uint64_t badge = 0);
    // Moves the capability in `slot` to `target` (same position in the
    // tree, same rights and badge, children follow); `slot` becomes empty.
    // Needs `required`. Errors as derive (a full target refuses even a move
    // within the same space).
    os::ErrorOr<Slot> move(Slot slot, CapabilitySpace& target, Rights required = 0);

    // Deletes every descendant of `slot` (needs REVOKE); returns how many.
    // Works in batches (the objects are released between them with no lock
    // held); if `slot` itself is deleted or moved meanwhile, whoever did it
    // owns the rest of the subtree and revoke returns what it deleted.
    os::ErrorOr<size_t> revoke(Slot slot);
    // Deletes `slot` (needs DELETE unless `force`), re-parenting its children.
    os::ErrorOr<void> remove(Slot slot, bool force = false);

    os::ErrorOr<cairn::CapInfo> info(Slot slot) const;

    // Deletes every capability in it (children elsewhere move up to their
    // parents) and refuses new ones from then on (kPeerGone): what a process
    // does when it ends. destroy() later frees the memory. Idempotent.
    void close();
    bool closed() const;

    // Checks this space's half of the invariants above (links agree, rights
    // within the parent's, badges kept, used_slots() exact); on failure
    // stores what is wrong in *problem. For tests.
    bool verify(const char** problem = nullptr) const;

private:
    CapabilitySpace() = default;
    ~CapabilitySpace() = default;

    // Slots come in chunks of kChunkSlots nodes, made when first needed: a
    // process with a handful of capabilities holds one 4 KiB chunk, not a
    // table for all kCapabilitySlots. Chunks stay until destroy().
    static constexpr size_t kChunkSlots = 64;

    // The node of `slot`; nullptr when out of range or when its chunk does
    // not exist yet (then the slot is empty). Any lock or none.
    inline Node* node_at(Slot slot) const;
    static Slot slot_of(const Node& node);
    // lock_ held: the index of the lowest empty slot (its chunk may not
    // exist yet), or capacity_ when the space is full.
    size_t find_free_locked() const;

    mutable SpinLock lock_;
    Node** chunks_ = nullptr;  // capacity_ / kChunkSlots (rounded up) of them
    size_t capacity_ = 0;
    size_t used_ = 0;
    size_t free_hint_ = 0;  // no empty slot below this index
    bool closed_ = false;
    object::Quota* quota_ = nullptr;  // pays for the chunks (create()); fixed

    friend class TreeOperations;
};

// The capability space of the running thread's process (nullptr for kernel
// threads). Cheap: no lock, no allocation (kernel/process defines it).
CapabilitySpace* current_space();

// Inline for the IPC fast path (find_cached_masked()).
struct CapabilitySpace::Node {
    KernelObject* object = nullptr;  // nullptr: empty
    uint64_t badge = 0;
    CapabilitySpace* space = nullptr;  // the owner, fixed
    // Derivation tree (tree_lock). A root has no parent and no siblings.
    Node* parent = nullptr;
    Node* first_child = nullptr;
    Node* next_sibling = nullptr;
    Node* previous_sibling = nullptr;
    uint16_t rights = 0;
    uint16_t index = 0;  // slot - 1, fixed
    // Bumped whenever the slot empties (under lock_, read without it by
    // find_cached_masked(), hence atomically): a revocation that dropped the
    // tree lock between batches, and a CachedLookup, know the slot still
    // holds the same capability. A node whose generation reaches
    // kRetiredGeneration is never filled again (find_free_locked() skips
    // it), so no generation ever comes round again.
    uint32_t generation = 0;
};
inline constexpr uint32_t kRetiredGeneration = ~uint32_t{0};

// The lookup checks, in their order, on a slot's node (its space's lock held).
inline os::ErrorOr<KernelObject*> checked_contents(const CapabilitySpace::Node& node,
                                                   ObjectType type, Rights required) {
    KernelObject* object = node.object;
    if (object == nullptr) return os::Error::kNoCapability;
    if (type != ObjectType::kNone && object->type() != type) return os::Error::kWrongType;
    if ((node.rights & required) != required) return os::Error::kMissingRights;
    return object;
}

CapabilitySpace::Node* CapabilitySpace::node_at(Slot slot) const {
    if (slot == cairn::kNullSlot || slot > capacity_) return nullptr;
    size_t index = slot - 1;
    Node* chunk = __atomic_load_n(&chunks_[index / kChunkSlots], __ATOMIC_ACQUIRE);
    if (chunk == nullptr) return nullptr;
    return &chunk[index % kChunkSlots];
}

template <ObjectType kType>
KernelObject* CapabilitySpace::find_cached_masked(Slot slot, Rights required, uint64_t* badge,
                                                  CachedLookup<kType>& cache) const {
    if (slot == cache.slot &&
        __atomic_load_n(&cache.node->generation, __ATOMIC_RELAXED) == cache.generation) [[likely]] {
        if ((cache.rights & required) != required) return nullptr;
        *badge = cache.badge;
        return cache.object;
    }
    Node* node = node_at(slot);
    if (node == nullptr) return nullptr;
    lock_.lock_masked();
    auto object = checked_contents(*node, kType, required);
    if (!object.is_error()) {
        *badge = node->badge;
        cache = {.slot = slot,
                 .node = node,
                 .generation = node->generation,
                 .rights = node->rights,
                 .object = object.value(),
                 .badge = node->badge};
    }
    lock_.unlock_masked();
    return object.is_error() ? nullptr : object.value();
}

}  // namespace kernel::cap
