// The inside of capability_space.cc: the slot Node, the tree lock, and the
// node operations every public call is built from (for capability_space.cc
// only; split out to keep each file readable in one sitting).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/cap/capability_space.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/object/quota.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::cap {

// Held by every operation that links, unlinks or empties a full slot
// (capability_space.cc explains the two lock levels).
inline SpinLock tree_lock;

inline bool badgeable(ObjectType type) {
    return type == ObjectType::kEndpoint || type == ObjectType::kNotification;
}

// Objects whose slot was emptied, waiting for their capability count and
// reference to drop once no lock is held.
class ReleaseBatch {
public:
    static constexpr size_t kCapacity = 32;

    bool full() const { return count_ == kCapacity; }
    void add(KernelObject* object) { objects_[count_++] = object; }
    // No cap lock held.
    void release_all() {
        for (size_t i = 0; i < count_; ++i) {
            objects_[i]->capability_removed();
            objects_[i]->release();
        }
        count_ = 0;
    }

private:
    KernelObject* objects_[kCapacity];
    size_t count_ = 0;
};

// The operations on nodes shared by the public calls; all run with
// tree_lock held unless said otherwise.
class TreeOperations {
public:
    using Node = CapabilitySpace::Node;

    // What a slot holds, read under its space's lock.
    struct Contents {
        KernelObject* object;
        Rights rights;
        uint64_t badge;
    };

    // Checks in the documented order: kNoCapability, kWrongType,
    // kMissingRights. Any lock or none (takes the space's).
    static os::ErrorOr<Contents> read(const CapabilitySpace& space, Slot slot, ObjectType type,
                                      Rights required) {
        Node* node = space.node_at(slot);
        if (node == nullptr) return os::Error::kNoCapability;
        SpinLockGuard guard(space.lock_);
        if (node->object == nullptr) return os::Error::kNoCapability;
        if (type != ObjectType::kNone && node->object->type() != type) {
            return os::Error::kWrongType;
        }
        if ((node->rights & required) != required) return os::Error::kMissingRights;
        return Contents{node->object, node->rights, node->badge};
    }

    // Fills the lowest empty slot of `space`. `add_capability`: the slot is a
    // new capability (one more reference and capability count); otherwise
    // it takes over those of a slot being moved. A missing chunk is
    // charged to the space's quota (kQuotaExceeded) and allocated with no
    // space lock held (kmalloc may take a while), then installed unless
    // another fill was faster (then it is freed and refunded).
    static os::ErrorOr<Node*> fill(CapabilitySpace& space, const Contents& contents,
                                   bool add_capability) {
        Node* spare = nullptr;
        for (;;) {
            bool need_chunk = false;
            auto filled = fill_once(space, contents, add_capability, spare, need_chunk);
            if (!need_chunk) {
                if (spare != nullptr) free_spare(space, spare);
                return filled;
            }
            if (space.quota_ != nullptr) TRY(space.quota_->charge(cairn::kCapabilityChunkCost));
            spare = static_cast<Node*>(kmalloc(CapabilitySpace::kChunkSlots * sizeof(Node)));
            if (spare == nullptr) {
                if (space.quota_ != nullptr) space.quota_->refund(cairn::kCapabilityChunkCost);
                return os::Error::kOutOfMemory;
            }
        }
    }

    // A chunk made for a fill that did not need it after all.
    static void free_spare(CapabilitySpace& space, Node* spare) {
        kfree(spare);
        if (space.quota_ != nullptr) space.quota_->refund(cairn::kCapabilityChunkCost);
    }

    static os::ErrorOr<Node*> fill_once(CapabilitySpace& space, const Contents& contents,
                                        bool add_capability, Node*& spare, bool& need_chunk) {
        SpinLockGuard guard(space.lock_);
        if (space.closed_) return os::Error::kPeerGone;
        size_t index = space.find_free_locked();
        if (index == space.capacity_) return os::Error::kNoSpace;
        Node*& chunk = space.chunks_[index / CapabilitySpace::kChunkSlots];
        if (chunk == nullptr) {
            if (spare == nullptr) {
                need_chunk = true;
                return os::Error::kOutOfMemory;  // not returned: fill() allocates
            }
            size_t first = index - index % CapabilitySpace::kChunkSlots;
            for (size_t i = 0; i < CapabilitySpace::kChunkSlots; ++i) {
                new (&spare[i]) Node();
                spare[i].space = &space;
                spare[i].index = static_cast<uint16_t>(first + i);
            }
            // Lock-free readers (node_at) see a fully made chunk.
            __atomic_store_n(&chunk, spare, __ATOMIC_RELEASE);
            spare = nullptr;
        }
        Node* node = &chunk[index % CapabilitySpace::kChunkSlots];
        if (add_capability) {
            contents.object->retain();
            contents.object->capability_added();
        }
        node->object = contents.object;
        node->rights = static_cast<uint16_t>(contents.rights & cairn::kAllRights);
        node->badge = contents.badge;
        ++space.used_;
        space.free_hint_ = index + 1;
        return node;
    }

    // Empties an unlinked node; its reference and capability go to `batch`
    // (nullptr: they were moved to another slot).
    static void clear(Node& node, ReleaseBatch* batch) {
        CapabilitySpace& space = *node.space;
        SpinLockGuard guard(space.lock_);
        if (batch != nullptr) batch->add(node.object);
        node.object = nullptr;
        node.rights = 0;
        node.badge = 0;
        // Atomic: find_cached_masked() reads it without the lock.
        __atomic_store_n(&node.generation, node.generation + 1, __ATOMIC_RELAXED);
        --space.used_;
        if (node.index < space.free_hint_) space.free_hint_ = node.index;
    }

    static void link_child(Node& parent, Node& child) {
        child.parent = &parent;
        child.previous_sibling = nullptr;
        child.next_sibling = parent.first_child;
        if (parent.first_child != nullptr) parent.first_child->previous_sibling = &child;
        parent.first_child = &child;
    }

    static void unlink(Node& node) {
        if (node.previous_sibling != nullptr) {
            node.previous_sibling->next_sibling = node.next_sibling;
        } else if (node.parent != nullptr) {
            node.parent->first_child = node.next_sibling;
        }
        if (node.next_sibling != nullptr)
            node.next_sibling->previous_sibling = node.previous_sibling;
        node.parent = nullptr;
        node.next_sibling = nullptr;
        node.previous_sibling = nullptr;
    }

    // `node`'s children become children of its parent (or roots).
    static void reparent_children(Node& node) {
        Node* parent = node.parent;
        Node* child = node.first_child;
        node.first_child = nullptr;
        while (child != nullptr) {
            Node* next = child->next_sibling;
            if (parent != nullptr) {
                link_child(*parent, *child);
            } else {
                child->parent = nullptr;
                child->next_sibling = nullptr;
                child->previous_sibling = nullptr;
            }
            child = next;
        }
    }

    // `to` takes `from`'s place in the tree (from is left unlinked).
    static void replace(Node& from, Node& to) {
        to.parent = from.parent;
        to.previous_sibling = from.previous_sibling;
        to.next_sibling = from.next_sibling;
        to.first_child = from.first_child;
        if (to.previous_sibling != nullptr) {
            to.previous_sibling->next_sibling = &to;
        } else if (to.parent != nullptr) {
            to.parent->first_child = &to;
        }
        if (to.next_sibling != nullptr) to.next_sibling->previous_sibling = &to;
        for (Node* child = to.first_child; child != nullptr; child = child->next_sibling)
            child->parent = &to;
        from.parent = nullptr;
        from.previous_sibling = nullptr;
        from.next_sibling = nullptr;
        from.first_child = nullptr;
    }

    // Deletes one full node: children move up, the object goes to `batch`.
    static void remove(Node& node, ReleaseBatch& batch) {
        reparent_children(node);
        unlink(node);
        clear(node, &batch);
    }
};

}  // namespace kernel::cap
