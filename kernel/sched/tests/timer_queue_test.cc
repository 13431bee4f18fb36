#include "kernel/sched/timer_queue.h"

#include <gtest/gtest.h>

#include <vector>

namespace kernel::sched {
namespace {

TEST(TimerQueue, EarliestFirstWhateverTheInsertionOrder) {
    TimerEntry entries[5];
    uint64_t deadlines[5] = {500, 100, 300, 200, 400};
    TimerQueue queue;
    EXPECT_EQ(queue.earliest_ns(), kNoDeadline);
    for (int i = 0; i < 5; ++i) {
        entries[i].deadline_ns = deadlines[i];
        queue.insert(entries[i]);
    }
    EXPECT_EQ(queue.earliest_ns(), 100u);
    std::vector<uint64_t> fired;
    // Simulated clock: nothing before 100, then what is due at each step.
    EXPECT_EQ(queue.pop_expired(99), nullptr);
    for (uint64_t now : {100, 250, 1000}) {
        while (TimerEntry* entry = queue.pop_expired(now))
            fired.push_back(entry->deadline_ns);
        fired.push_back(0);  // step marker
    }
    EXPECT_EQ(fired, (std::vector<uint64_t>{100, 0, 200, 0, 300, 400, 500, 0}));
    EXPECT_TRUE(queue.empty());
}

TEST(TimerQueue, EqualDeadlinesFireInInsertionOrder) {
    TimerEntry a, b, c;
    a.deadline_ns = b.deadline_ns = c.deadline_ns = 7;
    a.sequence = 1, b.sequence = 2, c.sequence = 3;
    TimerQueue queue;
    queue.insert(a);
    queue.insert(b);
    queue.insert(c);
    EXPECT_EQ(queue.pop_expired(7)->sequence, 1u);
    EXPECT_EQ(queue.pop_expired(7)->sequence, 2u);
    EXPECT_EQ(queue.pop_expired(7)->sequence, 3u);
}

TEST(TimerQueue, RemovedEntriesNeverFire) {
    TimerEntry a, b;
    a.deadline_ns = 10;
    b.deadline_ns = 20;
    TimerQueue queue;
    queue.insert(a);
    queue.insert(b);
    queue.remove(a);
    EXPECT_FALSE(a.link.linked());
    EXPECT_EQ(queue.earliest_ns(), 20u);
    EXPECT_EQ(queue.pop_expired(100), &b);
    EXPECT_EQ(queue.pop_expired(100), nullptr);
}

}  // namespace
}  // namespace kernel::sched
