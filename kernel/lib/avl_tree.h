// An intrusive AVL tree keyed by an address (any uint64_t key).
//
// Intrusive: an object joins a tree through an AvlNode it inherits, so
// inserting and removing never allocate, which is what kernel code that runs
// with spin locks held (region lookups in the page-fault path) needs. The
// tree never owns its elements; whoever removes one decides its fate.
//
// Invariants, kept by every operation and checked by check_invariants():
//  - in-order traversal visits strictly increasing keys (no duplicates);
//  - every node's `height` is 1 + the larger height of its children;
//  - the heights of a node's two children differ by at most one, so a tree
//    of n nodes is at most ~1.44 log2(n) deep;
//  - child->parent points back at the parent; only the root has none.
//
// Usage:
//     struct Region : os::AvlNode { uint64_t start, end; ... };
//     struct RegionKey {
//         static uint64_t key(const Region& r) { return r.start; }
//         static uint64_t end(const Region& r) { return r.end; }  // for find_containing
//     };
//     os::AvlTree<Region, RegionKey> regions;
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace os {

// The links of one tree element. Copying an element never copies its place
// in a tree: a copy starts unlinked.
struct AvlNode {
    AvlNode() = default;
    AvlNode(const AvlNode&) {}
    AvlNode& operator=(const AvlNode&) { return *this; }

    // True while the node is in a tree.
    bool is_linked() const { return height != 0; }

    AvlNode* parent = nullptr;
    AvlNode* left = nullptr;
    AvlNode* right = nullptr;
    int32_t height = 0;  // of the subtree rooted here; 0 = not in a tree
};

// The key-independent half: linking, unlinking, rotations and walking. Kept
// out of the template so every element type shares one copy.
class AvlTreeBase {
public:
    AvlTreeBase() = default;
    AvlTreeBase(const AvlTreeBase&) = delete;
    AvlTreeBase& operator=(const AvlTreeBase&) = delete;

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

protected:
    static int32_t height_of(const AvlNode* node) { return node != nullptr ? node->height : 0; }

    static AvlNode* leftmost(AvlNode* node) {
        while (node != nullptr && node->left != nullptr)
            node = node->left;
        return node;
    }

    static AvlNode* rightmost(AvlNode* node) {
        while (node != nullptr && node->right != nullptr)
            node = node->right;
        return node;
    }

    // The in-order successor / predecessor, or nullptr at the end.
    static AvlNode* next_node(AvlNode* node) {
        if (node->right != nullptr) return leftmost(node->right);
        while (node->parent != nullptr && node->parent->right == node)
            node = node->parent;
        return node->parent;
    }

    static AvlNode* previous_node(AvlNode* node) {
        if (node->left != nullptr) return rightmost(node->left);
        while (node->parent != nullptr && node->parent->left == node)
            node = node->parent;
        return node->parent;
    }

    // Attaches `node` as a new leaf below `parent` (nullptr: as the root of
    // an empty tree), on the side the caller's key comparison chose.
    void link(AvlNode* node, AvlNode* parent, bool as_left_child) {
        node->parent = parent;
        node->left = nullptr;
        node->right = nullptr;
        node->height = 1;
        if (parent == nullptr) {
            root_ = node;
        } else if (as_left_child) {
            parent->left = node;
        } else {
            parent->right = node;
        }
        ++size_;
        rebalance_upwards(parent);
    }

    void unlink(AvlNode* node) {
        AvlNode* rebalance_from;
        if (node->left == nullptr || node->right == nullptr) {
            // At most one child: it takes the node's place.
            AvlNode* child = node->left != nullptr ? node->left : node->right;
            if (child != nullptr) child->parent = node->parent;
            replace_child(node->parent, node, child);
            rebalance_from = node->parent;
        } else {
            // Two children: the in-order successor (which has no left child)
            // moves into the node's place.
            AvlNode* successor = leftmost(node->right);
            if (successor->parent != node) {
                rebalance_from = successor->parent;
                successor->parent->left = successor->right;
                if (successor->right != nullptr) successor->right->parent = successor->parent;
                successor->right = node->right;
                node->right->parent = successor;
            } else {
                rebalance_from = successor;
            }
            successor->left = node->left;
            node->left->parent = successor;
            successor->parent = node->parent;
            successor->height = node->height;
            replace_child(node->parent, node, successor);
        }
        node->parent = node->left = node->right = nullptr;
        node->height = 0;
        --size_;
        rebalance_upwards(rebalance_from);
    }

    // Checks the structural invariants (links, heights, balance, count);
    // the template adds the key order.
    bool check_structure() const {
        if (root_ != nullptr && root_->parent != nullptr) return false;
        size_t count = 0;
        return check_subtree(root_, &count) >= 0 && count == size_;
    }

    AvlNode* root_ = nullptr;
    size_t size_ = 0;

private:
    static void update_height(AvlNode* node) {
        int32_t left = height_of(node->left);
        int32_t right = height_of(node->right);
        node->height = 1 + (left > right ? left : right);
    }

    static int32_t balance_of(const AvlNode* node) {
        return height_of(node->left) - height_of(node->right);
    }

    void replace_child(AvlNode* parent, AvlNode* old_child, AvlNode* new_child) {
        if (parent == nullptr) {
            root_ = new_child;
        } else if (parent->left == old_child) {
            parent->left = new_child;
        } else {
            parent->right = new_child;
        }
    }

    // Returns the subtree's new root (the old right child).
    AvlNode* rotate_left(AvlNode* node) {
        AvlNode* pivot = node->right;
        node->right = pivot->left;
        if (pivot->left != nullptr) pivot->left->parent = node;
        pivot->parent = node->parent;
        replace_child(node->parent, node, pivot);
        pivot->left = node;
        node->parent = pivot;
        update_height(node);
        update_height(pivot);
        return pivot;
    }

    AvlNode* rotate_right(AvlNode* node) {
        AvlNode* pivot = node->left;
        node->left = pivot->right;
        if (pivot->right != nullptr) pivot->right->parent = node;
        pivot->parent = node->parent;
        replace_child(node->parent, node, pivot);
        pivot->right = node;
        node->parent = pivot;
        update_height(node);
        update_height(pivot);
        return pivot;
    }

    // Restores heights and balance from `node` up to the root. After one
    // insertion or removal every node on that path is off by at most two.
    void rebalance_upwards(AvlNode* node) {
        while (node != nullptr) {
            update_height(node);
            int32_t balance = balance_of(node);
            if (balance > 1) {
                if (balance_of(node->left) < 0) rotate_left(node->left);
                node = rotate_right(node);
            } else if (balance < -1) {
                if (balance_of(node->right) > 0) rotate_right(node->right);
                node = rotate_left(node);
            }
            node = node->parent;
        }
    }

    // The subtree's height if it is consistent, -1 if not.
    static int32_t check_subtree(const AvlNode* node, size_t* count) {
        if (node == nullptr) return 0;
        ++*count;
        if (node->left != nullptr && node->left->parent != node) return -1;
        if (node->right != nullptr && node->right->parent != node) return -1;
        int32_t left = check_subtree(node->left, count);
        int32_t right = check_subtree(node->right, count);
        if (left < 0 || right < 0) return -1;
        if (left - right > 1 || right - left > 1) return -1;
        int32_t height = 1 + (left > right ? left : right);
        return node->height == height ? height : -1;
    }
};

// `T` derives from AvlNode; `KeyOf::key(const T&)` gives its uint64_t key,
// and `KeyOf::end(const T&)` (needed only by find_containing) the exclusive
// end of the range the element covers.
template <typename T, typename KeyOf>
class AvlTree : public AvlTreeBase {
public:
    class Iterator {
    public:
        explicit Iterator(AvlNode* node) : node_(node) {}
        T& operator*() const { return *static_cast<T*>(node_); }
        T* operator->() const { return static_cast<T*>(node_); }
        Iterator& operator++() {
            node_ = next_node(node_);
            return *this;
        }
        bool operator==(const Iterator& other) const { return node_ == other.node_; }
        bool operator!=(const Iterator& other) const { return node_ != other.node_; }

    private:
        AvlNode* node_;
    };

    Iterator begin() const { return Iterator(leftmost(root_)); }
    Iterator end() const { return Iterator(nullptr); }

    // Inserts `item` unless an element with the same key is present; returns
    // whether it did. `item` must not be in any tree.
    bool insert(T& item) {
        uint64_t key = KeyOf::key(item);
        AvlNode* parent = nullptr;
        AvlNode* cursor = root_;
        bool as_left_child = false;
        while (cursor != nullptr) {
            uint64_t here = key_of(cursor);
            if (key == here) return false;
            parent = cursor;
            as_left_child = key < here;
            cursor = as_left_child ? cursor->left : cursor->right;
        }
        link(&item, parent, as_left_child);
        return true;
    }

    // Removes `item`, which must be in this tree.
    void remove(T& item) { unlink(&item); }

    T* find(uint64_t key) const {
        AvlNode* cursor = root_;
        while (cursor != nullptr) {
            uint64_t here = key_of(cursor);
            if (key == here) return as_item(cursor);
            cursor = key < here ? cursor->left : cursor->right;
        }
        return nullptr;
    }

    // The first element with key >= `key`, or nullptr.
    T* lower_bound(uint64_t key) const {
        AvlNode* best = nullptr;
        for (AvlNode* cursor = root_; cursor != nullptr;) {
            if (key_of(cursor) >= key) {
                best = cursor;
                cursor = cursor->left;
            } else {
                cursor = cursor->right;
            }
        }
        return as_item(best);
    }

    // The first element with key > `key`, or nullptr.
    T* upper_bound(uint64_t key) const {
        AvlNode* best = nullptr;
        for (AvlNode* cursor = root_; cursor != nullptr;) {
            if (key_of(cursor) > key) {
                best = cursor;
                cursor = cursor->left;
            } else {
                cursor = cursor->right;
            }
        }
        return as_item(best);
    }

    // The last element with key <= `key`, or nullptr.
    T* floor(uint64_t key) const {
        AvlNode* best = nullptr;
        for (AvlNode* cursor = root_; cursor != nullptr;) {
            if (key_of(cursor) <= key) {
                best = cursor;
                cursor = cursor->right;
            } else {
                cursor = cursor->left;
            }
        }
        return as_item(best);
    }

    // The element whose [key, end) contains `address`, or nullptr. Relies on
    // the elements' ranges not overlapping.
    T* find_containing(uint64_t address) const {
        T* candidate = floor(address);
        if (candidate != nullptr && address < KeyOf::end(*candidate)) return candidate;
        return nullptr;
    }

    T* first() const { return as_item(leftmost(root_)); }
    T* last() const { return as_item(rightmost(root_)); }
    // The elements after / before `item`, which is in this tree.
    T* next(const T& item) const { return as_item(next_node(as_node(item))); }
    T* previous(const T& item) const { return as_item(previous_node(as_node(item))); }

    // Every invariant in the header comment; for tests and debug checks.
    bool check_invariants() const {
        if (!check_structure()) return false;
        AvlNode* previous = nullptr;
        for (AvlNode* node = leftmost(root_); node != nullptr; node = next_node(node)) {
            if (previous != nullptr && key_of(previous) >= key_of(node)) return false;
            previous = node;
        }
        return true;
    }

private:
    static T* as_item(AvlNode* node) { return static_cast<T*>(node); }
    // The tree hands out mutable elements; a const one in it is ours too.
    static AvlNode* as_node(const T& item) { return const_cast<T*>(&item); }
    static uint64_t key_of(const AvlNode* node) { return KeyOf::key(*static_cast<const T*>(node)); }
};

}  // namespace os
