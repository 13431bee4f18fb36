// A circular, intrusive, doubly linked list: the links live in the objects
// (threads, timer entries, waiters), so queueing never allocates and works
// with interrupts masked. An unlinked node points at itself.
#pragma once

#include <stddef.h>

namespace kernel::sched {

struct ListNode {
    ListNode() = default;
    ListNode(const ListNode&) = delete;  // neighbours point at it
    ListNode& operator=(const ListNode&) = delete;

    ListNode* next = this;
    ListNode* previous = this;

    bool linked() const { return next != this; }

    // Inserts this node before `position`.
    void insert_before(ListNode& position) {
        next = &position;
        previous = position.previous;
        position.previous->next = this;
        position.previous = this;
    }

    void unlink() {
        previous->next = next;
        next->previous = previous;
        next = previous = this;
    }
};

// A sentinel-headed list. Not copyable: nodes point at the sentinel.
class List {
public:
    List() = default;
    List(const List&) = delete;
    List& operator=(const List&) = delete;

    bool empty() const { return !head_.linked(); }
    ListNode* first() { return empty() ? nullptr : head_.next; }
    ListNode* last() { return empty() ? nullptr : head_.previous; }
    // The first node of a list that is not empty().
    ListNode& front() { return *head_.next; }
    // The node after `node`, or nullptr at the end.
    ListNode* after(ListNode* node) { return node->next == &head_ ? nullptr : node->next; }
    void push_back(ListNode& node) { node.insert_before(head_); }
    void push_front(ListNode& node) { node.insert_before(*head_.next); }
    ListNode* pop_front() {
        ListNode* node = first();
        if (node != nullptr) node->unlink();
        return node;
    }
    ListNode& end() { return head_; }

private:
    ListNode head_;
};

}  // namespace kernel::sched
