// IPI multiplexing on hal/host's fake CPUs: remote calls reach exactly the
// online CPUs asked for and run there, reschedule requests reach the
// scheduler's hook only through handle_ipi(), and CPUs that call each other
// at the same time with interrupts masked both finish.
#include "kernel/interrupt/ipi.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "hal/cpu.h"
#include "hal/host/host_hal.h"
#include "hal/interrupts.h"
#include "kernel/smp/online.h"

namespace kernel::interrupt {
namespace {

// Delivers an IPI at once: the sending thread runs handle_ipi() as `cpu`.
void deliver_now(uint32_t cpu) {
    const uint32_t sender = hal::current_cpu_index();
    hal::InterruptState state = hal::disable_interrupts();
    hal::host::set_current_cpu(cpu);
    kernel::handle_ipi();
    hal::host::set_current_cpu(sender);
    hal::restore_interrupts(state);
}

class IpiTest : public ::testing::Test {
protected:
    IpiTest() {
        for (uint32_t cpu = 1; cpu < 4; ++cpu)
            smp::mark_online(cpu);
        hal::host::set_current_cpu(0);
        hal::host::set_ipi_delivery(deliver_now);
    }
    ~IpiTest() override {
        hal::host::set_ipi_delivery(nullptr);
        hal::host::set_current_cpu(0);
        set_reschedule_handler(nullptr);
    }
};

std::atomic<uint32_t> runs_on[hal::kMaxCpus];

void record_cpu(void* argument) {
    EXPECT_FALSE(hal::interrupts_enabled());
    runs_on[hal::current_cpu_index()].fetch_add(1);
    static_cast<std::atomic<int>*>(argument)->fetch_add(1);
}

TEST_F(IpiTest, RemoteCallRunsOnceOnEachOnlineTarget) {
    for (auto& runs : runs_on)
        runs = 0;
    std::atomic<int> calls{0};
    const uint64_t served_before = remote_calls_served(2);
    // CPU 9 is not online: skipped, not waited for.
    CpuMask ran = call_on_cpus(0b1101 | (CpuMask{1} << 9), record_cpu, &calls);
    EXPECT_EQ(ran, 0b1101u);
    EXPECT_EQ(calls.load(), 3);
    EXPECT_EQ(runs_on[0].load(), 1u);  // the caller runs it directly
    EXPECT_EQ(runs_on[1].load(), 0u);
    EXPECT_EQ(runs_on[2].load(), 1u);
    EXPECT_EQ(runs_on[3].load(), 1u);
    EXPECT_EQ(runs_on[9].load(), 0u);
    EXPECT_EQ(remote_calls_served(2), served_before + 1);
    EXPECT_EQ(hal::current_cpu_index(), 0u);
    EXPECT_TRUE(hal::interrupts_enabled());  // restored after the call
}

TEST_F(IpiTest, CallOnCpuRefusesOfflineCpus) {
    std::atomic<int> calls{0};
    const uint64_t sent = hal::host::ipis_sent(2);
    EXPECT_TRUE(call_on_cpu(2, record_cpu, &calls));
    EXPECT_EQ(hal::host::ipis_sent(2), sent + 1);
    EXPECT_FALSE(call_on_cpu(40, record_cpu, &calls));
    EXPECT_FALSE(call_on_cpu(hal::kMaxCpus, record_cpu, &calls));
    EXPECT_EQ(calls.load(), 1);
}

std::atomic<int> reschedules_on[hal::kMaxCpus];

void count_reschedule() {
    reschedules_on[hal::current_cpu_index()].fetch_add(1);
}

TEST_F(IpiTest, RescheduleCallsTheHandlerOnTheTarget) {
    EXPECT_FALSE(send_reschedule(1).is_error());  // no handler yet: ignored
    set_reschedule_handler(count_reschedule);
    const uint64_t ipis = ipi_count_of(3);
    EXPECT_FALSE(send_reschedule(3).is_error());
    EXPECT_EQ(reschedules_on[3].load(), 1);
    EXPECT_EQ(reschedules_on[0].load(), 0);
    EXPECT_EQ(reschedules_on[1].load(), 0);
    EXPECT_EQ(ipi_count_of(3), ipis + 1);
    EXPECT_TRUE(send_reschedule(hal::kMaxCpus).is_error());
}

TEST_F(IpiTest, PollingLeavesReschedulesForTheInterrupt) {
    set_reschedule_handler(count_reschedule);
    hal::host::set_ipi_delivery(nullptr);  // the IPI stays "in flight"
    const int before = reschedules_on[2].load();
    EXPECT_FALSE(send_reschedule(2).is_error());
    hal::host::set_current_cpu(2);
    serve_pending_requests();  // as a CPU spinning with interrupts masked
    EXPECT_EQ(reschedules_on[2].load(), before);
    kernel::handle_ipi();  // the interrupt arrives
    EXPECT_EQ(reschedules_on[2].load(), before + 1);
    kernel::handle_ipi();  // served once, not twice
    EXPECT_EQ(reschedules_on[2].load(), before + 1);
}

void add_one(void* argument) {
    static_cast<std::atomic<int>*>(argument)->fetch_add(1);
}

// Two CPUs call each other at once, each with interrupts masked and no IPI
// ever delivered: each finishes only because it serves the other's request
// while waiting for its own.
TEST_F(IpiTest, CrossCallsWithInterruptsMaskedFinish) {
    hal::host::set_ipi_delivery(nullptr);
    constexpr int kRounds = 2000;
    std::atomic<int> ran_on_1{0}, ran_on_2{0};
    std::atomic<int> finished{0};
    auto cpu = [&finished](uint32_t self, uint32_t other, std::atomic<int>* counter) {
        hal::host::set_current_cpu(self);
        for (int round = 0; round < kRounds; ++round) {
            EXPECT_EQ(call_on_cpus(CpuMask{1} << other, add_one, counter), CpuMask{1} << other);
        }
        // A CPU done with its own calls still answers (as its interrupt would).
        finished.fetch_add(1);
        while (finished.load() < 2)
            serve_pending_requests();
    };
    std::thread first(cpu, 1u, 2u, &ran_on_2);
    std::thread second(cpu, 2u, 1u, &ran_on_1);
    first.join();
    second.join();
    EXPECT_EQ(ran_on_1.load(), kRounds);
    EXPECT_EQ(ran_on_2.load(), kRounds);
}

}  // namespace
}  // namespace kernel::interrupt
