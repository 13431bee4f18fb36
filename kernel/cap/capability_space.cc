// Capability spaces and the derivation tree (capability_space.h).
//
// Layout: a space is a header and chunks of kChunkSlots Nodes, one per slot,
// made when first filled (tree_operations.h). The tree links (parent, first
// child, siblings) live in the Nodes themselves, so a derivation allocates
// nothing (beyond, at most, a new chunk) and a tree spans spaces freely.
//
// Locking (two levels, always taken in this order):
//  - tree_lock, one for the kernel: held by every operation that links,
//    unlinks or empties a full slot (derive, move, revoke, remove, close).
//    So while it is held, no full slot anywhere changes under our feet.
//  - each space's lock_: guards its slots' contents (object, rights, badge)
//    and its counters. Lookups take only this one (the IPC fast path), and
//    insert_root fills an empty slot under it alone (a new root touches no
//    links). Never two space locks at once.
// Objects are released (capability_removed(), release()) only after both
// locks are dropped: on_last_capability() may wake threads and take other
// subsystems' locks. Revocation of many capabilities therefore works in
// batches, dropping the tree lock between them.
#include "kernel/cap/capability_space.h"

#include "kernel/cap/tree_operations.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/object/quota.h"

namespace kernel::cap {

using Node = CapabilitySpace::Node;

os::ErrorOr<CapabilitySpace*> CapabilitySpace::create(size_t capacity, object::Quota* quota) {
    // The ABI's price of a chunk covers what it takes.
    static_assert(kChunkSlots == cairn::kCapabilityChunkSlots);
    static_assert(kChunkSlots * sizeof(Node) <= cairn::kCapabilityChunkCost);
    // Node::index is 16 bits.
    if (capacity == 0 || capacity > 0x10000) return os::Error::kInvalidArgument;
    size_t chunk_count = (capacity + kChunkSlots - 1) / kChunkSlots;
    void* memory = kmalloc(sizeof(CapabilitySpace));
    if (memory == nullptr) return os::Error::kOutOfMemory;
    auto* chunks = static_cast<Node**>(kmalloc(chunk_count * sizeof(Node*)));
    if (chunks == nullptr) {
        kfree(memory);
        return os::Error::kOutOfMemory;
    }
    for (size_t i = 0; i < chunk_count; ++i)
        chunks[i] = nullptr;
    auto* space = new (memory) CapabilitySpace();
    space->chunks_ = chunks;
    space->capacity_ = capacity;
    space->quota_ = quota;
    if (quota != nullptr) quota->retain();
    return space;
}

void CapabilitySpace::destroy() {
    close();
    object::Quota* quota = quota_;
    size_t chunk_count = (capacity_ + kChunkSlots - 1) / kChunkSlots;
    for (size_t i = 0; i < chunk_count; ++i) {
        if (chunks_[i] != nullptr && quota != nullptr) quota->refund(cairn::kCapabilityChunkCost);
        kfree(chunks_[i]);
    }
    kfree(chunks_);
    this->~CapabilitySpace();
    kfree(this);
    if (quota != nullptr) quota->release();
}

size_t CapabilitySpace::capacity() const {
    return capacity_;
}

size_t CapabilitySpace::used_slots() const {
    SpinLockGuard guard(lock_);
    return used_;
}

bool CapabilitySpace::closed() const {
    SpinLockGuard guard(lock_);
    return closed_;
}

Slot CapabilitySpace::slot_of(const Node& node) {
    return Slot{node.index} + 1;
}

const CapabilitySpace::Node CapabilitySpace::kNothingCached{.generation = kRetiredGeneration};

size_t CapabilitySpace::find_free_locked() const {
    for (size_t i = free_hint_; i < capacity_; ++i) {
        Node* chunk = chunks_[i / kChunkSlots];
        if (chunk == nullptr) return i;
        const Node& node = chunk[i % kChunkSlots];
        if (node.object == nullptr && node.generation != kRetiredGeneration) return i;
    }
    return capacity_;
}

os::ErrorOr<Capability> CapabilitySpace::lookup(Slot slot, ObjectType type, Rights required) const {
    Node* node = node_at(slot);
    if (node == nullptr) return os::Error::kNoCapability;
    SpinLockGuard guard(lock_);
    KernelObject* object = TRY(checked_contents(*node, type, required));
    object->retain();
    Capability capability;
    capability.object = object::ObjectRef<KernelObject>::adopt(object);
    capability.rights = node->rights;
    capability.badge = node->badge;
    return capability;
}

os::ErrorOr<Slot> CapabilitySpace::insert_root(KernelObject& object, Rights rights,
                                               uint64_t badge) {
    TreeOperations::Contents contents{&object, rights, badge};
    Node* node = TRY(TreeOperations::fill(*this, contents, true));
    return slot_of(*node);
}

os::ErrorOr<Slot> CapabilitySpace::derive(Slot slot, Rights mask, CapabilitySpace& target,
                                          Rights required, bool set_badge, uint64_t badge) {
    SpinLockGuard tree(tree_lock);
    auto contents = TRY(TreeOperations::read(*this, slot, ObjectType::kNone, required));
    if (set_badge && badge != 0) {
        if (contents.badge != 0 || !badgeable(contents.object->type())) {
            return os::Error::kInvalidArgument;
        }
        contents.badge = badge;
    }
    contents.rights &= mask;
    Node* child = TRY(TreeOperations::fill(target, contents, true));
    TreeOperations::link_child(*node_at(slot), *child);
    return target.slot_of(*child);
}

os::ErrorOr<Slot> CapabilitySpace::move(Slot slot, CapabilitySpace& target, Rights required) {
    SpinLockGuard tree(tree_lock);
    auto contents = TRY(TreeOperations::read(*this, slot, ObjectType::kNone, required));
    Node* to = TRY(TreeOperations::fill(target, contents, false));
    Node* from = node_at(slot);
    TreeOperations::replace(*from, *to);
    TreeOperations::clear(*from, nullptr);
    return target.slot_of(*to);
}

os::ErrorOr<size_t> CapabilitySpace::revoke(Slot slot) {
    size_t removed = 0;
    uint32_t generation = 0;
    for (bool first = true;; first = false) {
        ReleaseBatch batch;
        bool done;
        {
            SpinLockGuard tree(tree_lock);
            Node* root = node_at(slot);
            if (first) {
                TRY(TreeOperations::read(*this, slot, ObjectType::kNone, cairn::kRightRevoke));
                generation = root->generation;
            } else if (root->object == nullptr || root->generation != generation) {
                // Deleted or moved while the lock was dropped between
                // batches: whoever did that took over its subtree.
                break;
            }
            // Deletes leaves, deepest first (post-order), so every unlink is
            // O(1); the search for the next leaf resumes at the last one's
            // parent, so a batch costs one descent plus O(1) per capability.
            // (Each batch starts again at the root: a node of another space
            // may be freed while the lock is dropped.)
            Node* resume = root;
            while (root->first_child != nullptr && !batch.full()) {
                Node* leaf = resume;
                while (leaf->first_child != nullptr)
                    leaf = leaf->first_child;
                resume = leaf->parent;
                TreeOperations::unlink(*leaf);
                TreeOperations::clear(*leaf, &batch);
                ++removed;
            }
            done = root->first_child == nullptr;
        }
        batch.release_all();
        if (done) break;
    }
    return removed;
}

os::ErrorOr<void> CapabilitySpace::remove(Slot slot, bool force) {
    ReleaseBatch batch;
    {
        SpinLockGuard tree(tree_lock);
        TRY(TreeOperations::read(*this, slot, ObjectType::kNone, force ? 0 : cairn::kRightDelete));
        TreeOperations::remove(*node_at(slot), batch);
    }
    batch.release_all();
    return {};
}

os::ErrorOr<cairn::CapInfo> CapabilitySpace::info(Slot slot) const {
    Capability capability = TRY(lookup(slot, ObjectType::kNone, 0));
    cairn::CapInfo info{};
    info.type = capability.object->type();
    info.rights = capability.rights;
    info.badge = capability.badge;
    info.object_id = capability.object->id();
    info.size = capability.object->info_size();
    return info;
}

void CapabilitySpace::close() {
    {
        SpinLockGuard tree(tree_lock);
        SpinLockGuard guard(lock_);
        bool emptied = closed_ && used_ == 0;
        closed_ = true;
        // Closed before and nothing can have arrived since: destroy() after
        // close() (a process's end, then its last reference) costs nothing.
        if (emptied) return;
    }
    // Closed: no slot fills any more, so one pass over the slots empties
    // them all (in batches; capabilities moved out concurrently are fine).
    Slot slot = 1;
    while (slot <= capacity_) {
        ReleaseBatch batch;
        {
            SpinLockGuard tree(tree_lock);
            for (; slot <= capacity_ && !batch.full(); ++slot) {
                Node* node = node_at(slot);
                if (node == nullptr) continue;
                bool full;
                {
                    SpinLockGuard guard(lock_);
                    full = node->object != nullptr;
                }
                if (full) TreeOperations::remove(*node, batch);
            }
        }
        batch.release_all();
    }
}

bool CapabilitySpace::verify(const char** problem) const {
    SpinLockGuard tree(tree_lock);
    SpinLockGuard guard(lock_);
    size_t used = 0;
    auto fail = [&](const char* why) {
        if (problem != nullptr) *problem = why;
        return false;
    };
    for (Slot slot = 1; slot <= capacity_; ++slot) {
        const Node* at = node_at(slot);
        if (at == nullptr) continue;
        const Node& node = *at;
        if (node.index != slot - 1) return fail("a node has the wrong index");
        if (node.object == nullptr) {
            if (node.parent != nullptr || node.first_child != nullptr ||
                node.next_sibling != nullptr || node.previous_sibling != nullptr) {
                return fail("an empty slot is linked into the tree");
            }
            continue;
        }
        ++used;
        if ((node.rights & ~cairn::kAllRights) != 0) return fail("unknown rights bits");
        const Node* parent = node.parent;
        if (parent == nullptr) {
            if (node.next_sibling != nullptr || node.previous_sibling != nullptr) {
                return fail("a root has siblings");
            }
        } else {
            // The parent may be in another space whose lock we do not hold:
            // its contents cannot change while we hold the tree lock.
            if (parent->object == nullptr) return fail("the parent slot is empty");
            if ((node.rights & ~parent->rights) != 0) return fail("rights grew");
            if (parent->badge != 0 && node.badge != parent->badge) return fail("badge changed");
            bool found = false;
            for (const Node* c = parent->first_child; c != nullptr; c = c->next_sibling) {
                if (c == &node) found = true;
            }
            if (!found) return fail("not in its parent's child list");
        }
        for (const Node* c = node.first_child; c != nullptr; c = c->next_sibling) {
            if (c->parent != &node) return fail("a child names another parent");
            if (c->next_sibling != nullptr && c->next_sibling->previous_sibling != c) {
                return fail("sibling links disagree");
            }
        }
    }
    if (used != used_) return fail("used_slots() is off");
    return true;
}

}  // namespace kernel::cap
