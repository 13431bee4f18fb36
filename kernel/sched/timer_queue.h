// A CPU's pending deadlines (sleeping and timed-out waits), earliest first.
// Pure data structure, no locking: the owner holds the CPU's timer lock.
// Insertion walks the list (the few sleepers a CPU has); the earliest
// deadline, which the timer interrupt asks for every time, is O(1).
#pragma once

#include <stdint.h>

#include "kernel/sched/list.h"
#include "kernel/sched/priority.h"

namespace kernel::sched {

struct TimerEntry {
    ListNode link;  // first member (see entry_of)
    uint64_t deadline_ns = kNoDeadline;
    // What to wake: the thread and the block it was armed for (a stale
    // entry for an earlier block must not wake a later one).
    void* object = nullptr;
    uint64_t sequence = 0;
    uint32_t cpu = 0;  // the queue it is on (valid while linked)
};

class TimerQueue {
public:
    TimerQueue() = default;
    TimerQueue(const TimerQueue&) = delete;
    TimerQueue& operator=(const TimerQueue&) = delete;

    // Equal deadlines keep insertion order.
    void insert(TimerEntry& entry) {
        ListNode* position = list_.first();
        while (position != nullptr && entry_of(position)->deadline_ns <= entry.deadline_ns)
            position = list_.after(position);
        entry.link.insert_before(position == nullptr ? list_.end() : *position);
    }

    void remove(TimerEntry& entry) { entry.link.unlink(); }

    uint64_t earliest_ns() {
        ListNode* first = list_.first();
        return first == nullptr ? kNoDeadline : entry_of(first)->deadline_ns;
    }

    // Unlinks and returns the earliest entry if its deadline is <= now_ns.
    TimerEntry* pop_expired(uint64_t now_ns) {
        ListNode* first = list_.first();
        if (first == nullptr || entry_of(first)->deadline_ns > now_ns) return nullptr;
        first->unlink();
        return entry_of(first);
    }

    bool empty() const { return list_.empty(); }

private:
    static TimerEntry* entry_of(ListNode* node) { return reinterpret_cast<TimerEntry*>(node); }

    List list_;  // sorted by deadline_ns, ascending
};

}  // namespace kernel::sched
