#include "kernel/sched/run_queue.h"

#include <gtest/gtest.h>

#include <vector>

namespace kernel::sched {
namespace {

struct Entries {
    explicit Entries(std::vector<Priority> priorities) : entries(priorities.size()) {
        for (size_t i = 0; i < priorities.size(); ++i) {
            entries[i].priority = priorities[i];
            entries[i].object = reinterpret_cast<void*>(i);
        }
    }
    std::vector<RunQueueEntry> entries;
};

size_t index_of(RunQueueEntry* entry) {
    return reinterpret_cast<size_t>(entry->object);
}

TEST(RunQueue, EmptyQueueHasNothing) {
    RunQueue queue;
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.highest_priority(), RunQueue::kEmpty);
    EXPECT_EQ(queue.peek(), nullptr);
    EXPECT_EQ(queue.pop(), nullptr);
}

TEST(RunQueue, PicksTheHighestPriorityAcrossBitmapWords) {
    // 140 (idle, third word), 64 (second word), 120, 0 (first word).
    Entries set({140, 64, 120, 0, 63, 139});
    RunQueue queue;
    for (auto& entry : set.entries)
        queue.enqueue(entry);
    EXPECT_EQ(queue.size(), 6u);
    std::vector<int> order;
    while (RunQueueEntry* entry = queue.pop())
        order.push_back(entry->priority);
    EXPECT_EQ(order, (std::vector<int>{0, 63, 64, 120, 139, 140}));
    EXPECT_TRUE(queue.empty());
}

TEST(RunQueue, RoundRobinWithinAPriority) {
    Entries set({120, 120, 120});
    RunQueue queue;
    for (auto& entry : set.entries)
        queue.enqueue(entry);
    // Pop, run, put back at the tail: 0 1 2 0 1 2.
    std::vector<size_t> order;
    for (int i = 0; i < 6; ++i) {
        RunQueueEntry* entry = queue.pop();
        order.push_back(index_of(entry));
        queue.enqueue(*entry);
    }
    EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 0, 1, 2}));
}

TEST(RunQueue, EnqueueFrontKeepsAPreemptedThreadsTurn) {
    Entries set({120, 120});
    RunQueue queue;
    queue.enqueue(set.entries[0]);
    queue.enqueue_front(set.entries[1]);
    EXPECT_EQ(index_of(queue.pop()), 1u);
    EXPECT_EQ(index_of(queue.pop()), 0u);
}

TEST(RunQueue, RemoveClearsTheBitOnlyWhenTheLevelEmpties) {
    Entries set({5, 5, 50});
    RunQueue queue;
    for (auto& entry : set.entries)
        queue.enqueue(entry);
    queue.remove(set.entries[0]);
    EXPECT_EQ(queue.highest_priority(), 5);
    queue.remove(set.entries[1]);
    EXPECT_EQ(queue.highest_priority(), 50);
    EXPECT_EQ(queue.size(), 1u);
    EXPECT_FALSE(set.entries[0].link.linked());
}

TEST(RunQueue, FindReturnsTheBestAcceptedEntry) {
    Entries set({10, 20, 30});
    RunQueue queue;
    for (auto& entry : set.entries)
        queue.enqueue(entry);
    auto reject_ten = [](const RunQueueEntry& entry, void*) { return entry.priority != 10; };
    EXPECT_EQ(queue.find(reject_ten, nullptr)->priority, 20);
    auto none = [](const RunQueueEntry&, void*) { return false; };
    EXPECT_EQ(queue.find(none, nullptr), nullptr);
    EXPECT_EQ(queue.size(), 3u);  // find does not dequeue
}

TEST(RunQueue, EveryPriorityRoundTrips) {
    std::vector<Priority> all;
    for (int p = kPriorityCount - 1; p >= 0; --p)
        all.push_back(static_cast<Priority>(p));
    Entries set(all);
    RunQueue queue;
    for (auto& entry : set.entries)
        queue.enqueue(entry);
    for (int p = 0; p < static_cast<int>(kPriorityCount); ++p) {
        ASSERT_EQ(queue.highest_priority(), p);
        EXPECT_EQ(queue.pop()->priority, p);
    }
}

}  // namespace
}  // namespace kernel::sched
