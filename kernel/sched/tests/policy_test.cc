// The scheduling decisions of policy.h, and a small simulation of CPUs with
// run queues that applies them the way scheduler.cc does (simulated clock,
// no HAL), for round robin, preemption and balancing.
#include "kernel/sched/policy.h"

#include <gtest/gtest.h>

#include <deque>
#include <vector>

#include "kernel/sched/run_queue.h"

namespace kernel::sched::policy {
namespace {

constexpr uint64_t kMs = 1'000'000;

TEST(Classes, BoundariesOfThePriorityScale) {
    EXPECT_EQ(class_of(0), SchedulingClass::kRealTime);
    EXPECT_EQ(class_of(99), SchedulingClass::kRealTime);
    EXPECT_EQ(class_of(100), SchedulingClass::kNormal);
    EXPECT_EQ(class_of(139), SchedulingClass::kNormal);
    EXPECT_EQ(class_of(140), SchedulingClass::kIdle);
    EXPECT_EQ(time_slice_ns(99), kRealTimeSliceNs);
    EXPECT_EQ(time_slice_ns(100), kNormalSliceNs);
}

TEST(TickPreemption, BetterPriorityPreemptsAtOnce) {
    EXPECT_TRUE(preempt_at_tick(120, 119, 0, 10 * kMs));
    EXPECT_TRUE(preempt_at_tick(100, 99, 0, 10 * kMs));  // real time beats normal
}

TEST(TickPreemption, PeerOnlyWhenTheSliceIsUsedUp) {
    EXPECT_FALSE(preempt_at_tick(120, 120, 9 * kMs, 10 * kMs));
    EXPECT_TRUE(preempt_at_tick(120, 120, 10 * kMs, 10 * kMs));
    EXPECT_TRUE(preempt_at_tick(50, 50, 10 * kMs, 10 * kMs));  // real-time round robin
}

TEST(TickPreemption, NeverForWorseOrNothing) {
    EXPECT_FALSE(preempt_at_tick(120, 121, 100 * kMs, 10 * kMs));
    EXPECT_FALSE(preempt_at_tick(99, 100, 100 * kMs, 10 * kMs));
    EXPECT_FALSE(preempt_at_tick(120, kNothingReady, 100 * kMs, 10 * kMs));
}

TEST(WakeUp, RealTimePreemptsImmediatelyNormalAtTheTick) {
    EXPECT_EQ(wake_action(10, 120, false), WakeAction::kImmediate);
    EXPECT_EQ(wake_action(10, 20, false), WakeAction::kImmediate);
    EXPECT_EQ(wake_action(110, 120, false), WakeAction::kAtTick);
    EXPECT_EQ(wake_action(120, 120, false), WakeAction::kNone);
    EXPECT_EQ(wake_action(30, 20, false), WakeAction::kNone);
    EXPECT_EQ(wake_action(139, 0, true), WakeAction::kImmediate);  // idle CPU wakes
}

std::vector<CpuLoad> machine(std::vector<uint32_t> ready, std::vector<uint32_t> nodes = {}) {
    std::vector<CpuLoad> cpus(ready.size());
    for (size_t i = 0; i < ready.size(); ++i) {
        cpus[i].online = true;
        cpus[i].ready = ready[i];
        cpus[i].busy = ready[i] != 0;
        cpus[i].node = nodes.empty() ? 0 : nodes[i];
    }
    return cpus;
}

TEST(Placement, LastCpuWhenIdleElseAnIdleOneElseLeastLoaded) {
    auto cpus = machine({0, 0, 0, 0});
    EXPECT_EQ(choose_cpu(kAllCpus, 2, cpus.data(), 4), 2u);
    cpus = machine({3, 2, 0, 1});
    cpus[2].busy = false;
    EXPECT_EQ(choose_cpu(kAllCpus, 0, cpus.data(), 4), 2u);  // idle beats warm
    cpus = machine({3, 2, 5, 1});
    EXPECT_EQ(choose_cpu(kAllCpus, 0, cpus.data(), 4), 0u);  // no idle: stay warm
    EXPECT_EQ(choose_cpu(0b0110, 0, cpus.data(), 4), 1u);    // least loaded allowed
}

TEST(Placement, AffinityAndOnlineAreHonoured) {
    auto cpus = machine({0, 0, 0, 0});
    cpus[1].online = false;
    EXPECT_EQ(choose_cpu(0b0010, 0, cpus.data(), 4), kNoCpu);
    EXPECT_EQ(choose_cpu(0b1010, 0, cpus.data(), 4), 3u);
    EXPECT_EQ(choose_cpu(0, 0, cpus.data(), 4), kNoCpu);
}

TEST(Placement, IdleCpuOfTheSameNodeFirst) {
    auto cpus = machine({2, 0, 0, 2}, {0, 1, 0, 1});
    cpus[1].busy = cpus[2].busy = false;
    EXPECT_EQ(choose_cpu(kAllCpus, 0, cpus.data(), 4), 2u);
    EXPECT_EQ(choose_cpu(kAllCpus, 3, cpus.data(), 4), 1u);
}

TEST(Balancing, PullsFromTheBusiestWhenTheGapIsTwoOrMore) {
    auto cpus = machine({1, 4, 3, 0});
    bool movable[4] = {true, true, true, true};
    EXPECT_EQ(choose_pull_source(3, cpus.data(), movable, 4), 1u);
    EXPECT_EQ(choose_pull_source(2, cpus.data(), movable, 4), kNoCpu);  // 4+1 vs 3+1: gap 1
    movable[1] = false;  // affinity: nothing there may come to CPU 3
    EXPECT_EQ(choose_pull_source(3, cpus.data(), movable, 4), 2u);
}

TEST(Balancing, SameNodeFirstOtherNodesOnlyOnAWiderGap) {
    // CPU 0 (node 0) idle; CPU 1 node 0 with load 3; CPU 2 node 1 with 6.
    auto cpus = machine({0, 2, 5, 0}, {0, 0, 1, 1});
    bool movable[4] = {true, true, true, true};
    EXPECT_EQ(choose_pull_source(0, cpus.data(), movable, 4), 1u);
    cpus = machine({0, 0, 2, 0}, {0, 0, 1, 1});  // node 1 gap 3: enough
    EXPECT_EQ(choose_pull_source(0, cpus.data(), movable, 4), 2u);
    cpus = machine({0, 0, 1, 0}, {0, 0, 1, 1});  // node 1 gap 2 < 3
    EXPECT_EQ(choose_pull_source(0, cpus.data(), movable, 4), kNoCpu);
}

TEST(Stealing, IdleCpuTakesAnyMovableWorkSameNodeFirst) {
    auto cpus = machine({0, 1, 3, 0}, {0, 1, 0, 1});
    bool movable[4] = {false, true, true, false};
    EXPECT_EQ(choose_steal_source(0, cpus.data(), movable, 4), 2u);
    EXPECT_EQ(choose_steal_source(3, cpus.data(), movable, 4), 1u);
    movable[1] = false;
    EXPECT_EQ(choose_steal_source(3, cpus.data(), movable, 4), 2u);
    movable[2] = false;
    EXPECT_EQ(choose_steal_source(3, cpus.data(), movable, 4), kNoCpu);
}

// ---- Simulation ---------------------------------------------------------

struct SimThread {
    RunQueueEntry entry;
    CpuMask affinity = kAllCpus;
    uint64_t ran_ns = 0;
    int id = 0;
};

struct SimCpu {
    RunQueue queue;
    SimThread* current = nullptr;
    uint64_t slice_end = 0;
    uint32_t node = 0;
};

// CPUs driven the way scheduler.cc drives them: a tick every 1 ms charges
// the running thread and applies preempt_at_tick; balancing every 100 ms.
class Simulation {
public:
    explicit Simulation(size_t cpu_count, std::vector<uint32_t> nodes = {}) : cpus_(cpu_count) {
        for (size_t i = 0; i < cpu_count; ++i)
            cpus_[i].node = nodes.empty() ? 0 : nodes[i];
    }

    SimThread& add(Priority priority, uint32_t cpu, CpuMask affinity = kAllCpus) {
        threads_.emplace_back();
        SimThread& thread = threads_.back();
        thread.entry.priority = priority;
        thread.entry.object = &thread;
        thread.affinity = affinity;
        thread.id = static_cast<int>(threads_.size() - 1);
        cpus_[cpu].queue.enqueue(thread.entry);
        return thread;
    }

    void switch_on(SimCpu& cpu, bool to_front) {
        if (cpu.current != nullptr) {
            if (to_front)
                cpu.queue.enqueue_front(cpu.current->entry);
            else
                cpu.queue.enqueue(cpu.current->entry);
        }
        RunQueueEntry* next = cpu.queue.pop();
        cpu.current = next ? static_cast<SimThread*>(next->object) : nullptr;
        if (cpu.current) cpu.slice_end = now_ + time_slice_ns(cpu.current->entry.priority);
    }

    void run(uint64_t duration_ns, uint64_t tick_ns = kMs) {
        for (SimCpu& cpu : cpus_) {
            if (cpu.current == nullptr) switch_on(cpu, false);
        }
        for (uint64_t end = now_ + duration_ns; now_ < end;) {
            now_ += tick_ns;
            for (SimCpu& cpu : cpus_) {
                if (cpu.current) cpu.current->ran_ns += tick_ns;
                int best = cpu.queue.highest_priority();
                if (cpu.current == nullptr) {
                    if (best != RunQueue::kEmpty) switch_on(cpu, false);
                } else if (preempt_at_tick(cpu.current->entry.priority, best, now_,
                                           cpu.slice_end)) {
                    bool keeps_turn = now_ < cpu.slice_end;
                    switch_on(cpu, keeps_turn);
                }
            }
            if (now_ % kBalanceIntervalNs == 0) balance();
        }
    }

    void balance() {
        for (uint32_t self = 0; self < cpus_.size(); ++self) {
            std::vector<CpuLoad> loads(cpus_.size());
            std::vector<uint8_t> movable(cpus_.size());
            for (uint32_t c = 0; c < cpus_.size(); ++c) {
                loads[c].online = true;
                loads[c].node = cpus_[c].node;
                loads[c].ready = static_cast<uint32_t>(cpus_[c].queue.size());
                loads[c].busy = cpus_[c].current != nullptr;
                movable[c] = cpus_[c].queue.find(allowed, &self) != nullptr;
            }
            bool movable_bools[64];
            for (size_t c = 0; c < cpus_.size(); ++c)
                movable_bools[c] = movable[c];
            uint32_t source = choose_pull_source(self, loads.data(), movable_bools, cpus_.size());
            if (source == kNoCpu) continue;
            RunQueueEntry* entry = cpus_[source].queue.find(allowed, &self);
            ASSERT_NE(entry, nullptr);
            cpus_[source].queue.remove(*entry);
            cpus_[self].queue.enqueue(*entry);
            ++migrations_;
        }
    }

    static bool allowed(const RunQueueEntry& entry, void* cpu) {
        return (static_cast<SimThread*>(entry.object)->affinity &
                cpu_bit(*static_cast<uint32_t*>(cpu))) != 0;
    }

    uint32_t cpu_of(const SimThread& thread) {
        for (uint32_t c = 0; c < cpus_.size(); ++c) {
            if (cpus_[c].current == &thread) return c;
            if (cpus_[c].queue.find([](const RunQueueEntry& e, void* t) { return e.object == t; },
                                    const_cast<SimThread*>(&thread)))
                return c;
        }
        return kNoCpu;
    }

    size_t load(uint32_t cpu) {
        return cpus_[cpu].queue.size() + (cpus_[cpu].current ? 1 : 0);
    }
    int migrations() const { return migrations_; }
    std::deque<SimThread>& threads() { return threads_; }

private:
    std::vector<SimCpu> cpus_;
    std::deque<SimThread> threads_;
    uint64_t now_ = 0;
    int migrations_ = 0;
};

TEST(Simulation, RoundRobinSharesTheCpuEvenly) {
    Simulation sim(1);
    for (int i = 0; i < 3; ++i)
        sim.add(120, 0);
    sim.run(300 * kMs);
    for (auto& thread : sim.threads())
        EXPECT_EQ(thread.ran_ns, 100 * kMs) << "thread " << thread.id;
}

TEST(Simulation, RealTimeStarvesNormalAndNormalStarvesWorse) {
    Simulation sim(1);
    SimThread& rt = sim.add(10, 0);
    SimThread& normal = sim.add(120, 0);
    SimThread& low = sim.add(139, 0);
    sim.run(50 * kMs);
    EXPECT_EQ(rt.ran_ns, 50 * kMs);
    EXPECT_EQ(normal.ran_ns, 0u);
    EXPECT_EQ(low.ran_ns, 0u);
}

TEST(Simulation, RealTimePeersRoundRobinToo) {
    Simulation sim(1);
    SimThread& a = sim.add(50, 0);
    SimThread& b = sim.add(50, 0);
    sim.run(100 * kMs);
    EXPECT_EQ(a.ran_ns, 50 * kMs);
    EXPECT_EQ(b.ran_ns, 50 * kMs);
}

TEST(Simulation, BalancingSpreadsLoadAndHonoursAffinity) {
    Simulation sim(4);
    // Eight threads start on CPU 0; two of them may only run there, one
    // only on CPU 0 or 3.
    std::vector<SimThread*> pinned;
    for (int i = 0; i < 8; ++i) {
        CpuMask affinity = i < 2 ? cpu_bit(0) : i == 2 ? (cpu_bit(0) | cpu_bit(3)) : kAllCpus;
        SimThread& thread = sim.add(120, 0, affinity);
        if (i < 3) pinned.push_back(&thread);
    }
    sim.run(1000 * kMs);
    EXPECT_GT(sim.migrations(), 0);
    for (uint32_t cpu = 0; cpu < 4; ++cpu)
        EXPECT_EQ(sim.load(cpu), 2u) << "cpu " << cpu;
    EXPECT_EQ(sim.cpu_of(*pinned[0]), 0u);
    EXPECT_EQ(sim.cpu_of(*pinned[1]), 0u);
    uint32_t third = sim.cpu_of(*pinned[2]);
    EXPECT_TRUE(third == 0 || third == 3);
}

TEST(Simulation, BalancingStaysOnTheNodeWhenItCan) {
    // Nodes {0,1} and {2,3}; four threads on CPU 0: two move to CPU 1
    // first (same node), and node 1 gets work only while the gap is wide.
    Simulation sim(4, {0, 0, 1, 1});
    for (int i = 0; i < 4; ++i)
        sim.add(120, 0);
    sim.balance();  // one round: CPU 1 pulls (gap 4), CPU 2/3 pull only across a gap of 3
    EXPECT_EQ(sim.load(1), 1u);
    sim.run(1000 * kMs);
    size_t node0 = sim.load(0) + sim.load(1), node1 = sim.load(2) + sim.load(3);
    EXPECT_EQ(node0 + node1, 4u);
    for (uint32_t cpu = 0; cpu < 4; ++cpu)
        EXPECT_LE(sim.load(cpu), 2u);
}

}  // namespace
}  // namespace kernel::sched::policy
