// A CPU's ready threads: one FIFO per priority and a bitmap of the non-empty
// ones, so the highest priority is found with a few count-leading-zeros
// instructions however many threads wait (O(1) pick). Pure data structure,
// no locking: the owner (the CPU's scheduler state) holds its lock.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/sched/list.h"
#include "kernel/sched/priority.h"

namespace kernel::sched {

// What a RunQueue links; embedded in every Thread. `object` leads back to
// the thread (host tests link bare entries).
struct RunQueueEntry {
    ListNode link;
    Priority priority = kDefaultNormalPriority;
    void* object = nullptr;
};

class RunQueue {
public:
    static constexpr int kEmpty = -1;

    RunQueue() = default;
    RunQueue(const RunQueue&) = delete;
    RunQueue& operator=(const RunQueue&) = delete;

    // At the back of its priority's FIFO (round robin), or at the front (a
    // preempted thread keeps its turn). Priority must be < kPriorityCount.
    void enqueue(RunQueueEntry& entry) {
        queues_[entry.priority].push_back(entry.link);
        mark(entry.priority);
    }
    void enqueue_front(RunQueueEntry& entry) {
        queues_[entry.priority].push_front(entry.link);
        mark(entry.priority);
    }

    // `entry` must be in this queue.
    void remove(RunQueueEntry& entry) {
        entry.link.unlink();
        --count_;
        if (queues_[entry.priority].empty()) clear(entry.priority);
    }

    // The best priority waiting (lowest number), or kEmpty.
    int highest_priority() const {
        for (size_t word = 0; word < kWords; ++word) {
            if (bitmap_[word] != 0) {
                return static_cast<int>(word * 64 + __builtin_ctzll(bitmap_[word]));
            }
        }
        return kEmpty;
    }

    // The first entry of the best priority, left queued; nullptr if empty.
    RunQueueEntry* peek() {
        int priority = highest_priority();
        return priority == kEmpty ? nullptr : entry_of(queues_[priority].first());
    }

    RunQueueEntry* pop() {
        RunQueueEntry* entry = peek();
        if (entry != nullptr) remove(*entry);
        return entry;
    }

    // The first entry, best priority first, that `accept(entry, context)`
    // takes (for migration: one whose affinity allows the other CPU).
    RunQueueEntry* find(bool (*accept)(const RunQueueEntry&, void*), void* context) {
        for (size_t word = 0; word < kWords; ++word) {
            uint64_t bits = bitmap_[word];
            while (bits != 0) {
                size_t priority = word * 64 + __builtin_ctzll(bits);
                bits &= bits - 1;
                List& list = queues_[priority];
                for (ListNode* node = list.first(); node != nullptr; node = list.after(node)) {
                    if (accept(*entry_of(node), context)) return entry_of(node);
                }
            }
        }
        return nullptr;
    }

    size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }

private:
    static constexpr size_t kWords = (kPriorityCount + 63) / 64;

    static RunQueueEntry* entry_of(ListNode* node) {
        // `link` is the first member, so the node's address is the entry's.
        return reinterpret_cast<RunQueueEntry*>(node);
    }
    void mark(Priority priority) {
        ++count_;
        bitmap_[priority / 64] |= uint64_t{1} << (priority % 64);
    }
    void clear(Priority priority) { bitmap_[priority / 64] &= ~(uint64_t{1} << (priority % 64)); }

    // Invariant: bit p is set exactly when queues_[p] is non-empty.
    uint64_t bitmap_[kWords] = {};
    List queues_[kPriorityCount];
    size_t count_ = 0;
};

}  // namespace kernel::sched
