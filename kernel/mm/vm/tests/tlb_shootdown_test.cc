// TLB shootdown on hal/host's fake CPUs: which CPUs an address space's
// changes are flushed on (those that ran it, and with ASIDs also those that
// ran it earlier), and that a CPU faulting in a space while another unmaps
// in it, neither ever taking an interrupt, both finish.
#include "kernel/mm/vm/tlb_shootdown.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "hal/host/host_hal.h"
#include "hal/interrupts.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/tests/vm_test_support.h"
#include "kernel/smp/online.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;
using interrupt::remote_calls_served;

void deliver_now(uint32_t cpu) {
    const uint32_t sender = hal::current_cpu_index();
    hal::InterruptState state = hal::disable_interrupts();
    hal::host::set_current_cpu(cpu);
    kernel::handle_ipi();
    hal::host::set_current_cpu(sender);
    hal::restore_interrupts(state);
}

class TlbShootdownTest : public VmTest {
protected:
    explicit TlbShootdownTest(uint32_t asid_count = 4096) : cpu_asids_(asid_count) {}

    void SetUp() override {
        VmTest::SetUp();
        environment_.asids = &cpu_asids_;
        for (uint32_t cpu = 1; cpu < 4; ++cpu)
            smp::mark_online(cpu);
        hal::host::set_ipi_delivery(deliver_now);
    }
    void TearDown() override {
        hal::host::set_ipi_delivery(nullptr);
        hal::host::set_current_cpu(0);
        VmTest::TearDown();
    }

    // Switches CPU `cpu` to `space` (nullptr: away), then comes back to CPU 0.
    static void switch_on(uint32_t cpu, AddressSpace* space) {
        hal::host::set_current_cpu(cpu);
        as_switch(space);
        hal::host::set_current_cpu(0);
    }

    AsidAllocator cpu_asids_;
};

TEST_F(TlbShootdownTest, ChangesAreFlushedOnEveryCpuThatRanTheSpace) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 8 * kPage, kReadWrite)).is_error());
    switch_on(1, space);
    switch_on(3, space);
    ASSERT_EQ(fault(space, 0x100000, Access::kWrite), FaultResolution::kResolved);

    const uint64_t served[4] = {remote_calls_served(0), remote_calls_served(1),
                                remote_calls_served(2), remote_calls_served(3)};
    const uint64_t shootdowns = remote_shootdowns();
    hal::host::reset_tlb_flush_counts();
    ASSERT_FALSE(space->unmap(0x100000, kPage).is_error());
    EXPECT_EQ(remote_calls_served(1), served[1] + 1);
    EXPECT_EQ(remote_calls_served(3), served[3] + 1);
    EXPECT_EQ(remote_calls_served(2), served[2]);  // never ran it
    EXPECT_EQ(remote_calls_served(0), served[0]);  // the caller flushes directly
    EXPECT_EQ(remote_shootdowns(), shootdowns + 1);
    // One page on CPUs 0, 1 and 3.
    EXPECT_EQ(hal::host::tlb_flush_counts().pages, 3u);

    // protect() downgrades: flushed everywhere too.
    ASSERT_FALSE(space->protect(0x101000, kPage, kReadOnly).is_error());
    EXPECT_EQ(remote_calls_served(1), served[1] + 2);
    EXPECT_EQ(remote_calls_served(3), served[3] + 2);

    // With ASIDs a CPU that switched away keeps the entries under the
    // space's ASID: it is still flushed, until the space is destroyed.
    switch_on(1, nullptr);
    switch_on(3, nullptr);
    ASSERT_FALSE(space->unmap(0x102000, kPage).is_error());
    EXPECT_EQ(remote_calls_served(1), served[1] + 3);
    hal::host::reset_tlb_flush_counts();
    as_destroy(space);
    EXPECT_EQ(remote_calls_served(1), served[1] + 4);
    EXPECT_EQ(remote_calls_served(3), served[3] + 4);
    // Whole address space on CPUs 0, 1 and 3 (the ASID is released then,
    // with nothing left to flush).
    EXPECT_EQ(hal::host::tlb_flush_counts().address_spaces, 3u);
}

TEST_F(TlbShootdownTest, ASpaceThatRanOnlyHereNeedsNoIpi) {
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 2 * kPage, kReadWrite)).is_error());
    as_switch(space);
    ASSERT_EQ(fault(space, 0x100000, Access::kWrite), FaultResolution::kResolved);
    const uint64_t sent =
        hal::host::ipis_sent(1) + hal::host::ipis_sent(2) + hal::host::ipis_sent(3);
    ASSERT_FALSE(space->unmap(0x100000, 2 * kPage).is_error());
    EXPECT_EQ(hal::host::ipis_sent(1) + hal::host::ipis_sent(2) + hal::host::ipis_sent(3), sent);
    as_switch(nullptr);
    as_destroy(space);
}

class TlbShootdownWithoutAsidsTest : public TlbShootdownTest {
protected:
    TlbShootdownWithoutAsidsTest() : TlbShootdownTest(1) {}
};

// Without ASIDs a CPU that switched away holds nothing of the space, but
// its bit stays (clearing it would cost every switch an atomic write, see
// tlb_shootdown.h): later shootdowns still ask it, and it flushes
// harmlessly. What must hold is that every CPU that ran it is asked.
TEST_F(TlbShootdownWithoutAsidsTest, ACpuThatSwitchedAwayIsStillAskedUntilTheSpaceDies) {
    ASSERT_FALSE(cpu_asids_.has_asids());
    AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x100000, 4 * kPage, kReadWrite)).is_error());
    AddressSpace* other = create_space();
    switch_on(1, space);
    switch_on(2, space);
    const uint64_t served1 = remote_calls_served(1), served2 = remote_calls_served(2),
                   served3 = remote_calls_served(3);
    ASSERT_FALSE(space->unmap(0x100000, kPage).is_error());
    EXPECT_EQ(remote_calls_served(1), served1 + 1);
    EXPECT_EQ(remote_calls_served(2), served2 + 1);
    switch_on(1, other);
    switch_on(2, nullptr);
    ASSERT_FALSE(space->unmap(0x101000, kPage).is_error());
    EXPECT_EQ(remote_calls_served(1), served1 + 2);
    EXPECT_EQ(remote_calls_served(2), served2 + 2);
    EXPECT_EQ(remote_calls_served(3), served3);  // never ran it: never asked
    switch_on(1, nullptr);
    as_destroy(space);
    as_destroy(other);
}

// CPU 1 faults pages in while CPU 0 unmaps them, and no IPI is ever
// delivered (as if both ran with interrupts masked): CPU 0's shootdowns are
// answered by CPU 1 while it spins for the address-space lock CPU 0 holds,
// or between its faults.
TEST_F(TlbShootdownTest, FaultsAndUnmapsOnTwoCpusFinish) {
    hal::host::set_ipi_delivery(nullptr);
    AddressSpace* space = create_space();
    constexpr hal::mm::VirtualAddress kBase = 0x100000;
    constexpr int kPages = 16;
    ASSERT_FALSE(space->map(anonymous(kBase, kPages * kPage, kReadWrite)).is_error());
    std::atomic<bool> done{false}, running{false};
    std::atomic<int> faults{0};
    std::thread cpu1([&] {
        hal::host::set_current_cpu(1);
        as_switch(space);
        running.store(true);
        for (int round = 0; !done.load(); ++round) {
            // Unresolved while the page is unmapped: fine.
            (void)fault(space, kBase + (round % kPages) * kPage, Access::kWrite);
            faults.fetch_add(1);
            interrupt::serve_pending_requests();  // as its interrupts would
        }
        as_switch(nullptr);
    });
    while (!running.load()) {
    }
    const uint64_t served = remote_calls_served(1);
    int unmaps = 0;
    while (unmaps < 300 || faults.load() < 300) {
        uint64_t page = kBase + (unmaps % kPages) * kPage;
        ASSERT_FALSE(space->unmap(page, kPage).is_error());
        ASSERT_FALSE(space->map(anonymous(page, kPage, kReadWrite)).is_error());
        ++unmaps;
    }
    done.store(true);
    cpu1.join();
    // Every unmap reached CPU 1 (the map in between shoots down nothing).
    EXPECT_EQ(remote_calls_served(1), served + unmaps);
    hal::host::set_ipi_delivery(deliver_now);  // CPU 1 keeps the ASID: destroy asks it
    as_destroy(space);
}

}  // namespace
}  // namespace kernel::mm::testing
