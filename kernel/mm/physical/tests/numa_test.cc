// NUMA: zones per node, descriptors on their own node, allocation from the
// preferred (or current CPU's) node, fallback by node distance, exact_node,
// and the per-node banner lines.
#include <gtest/gtest.h>

#include <string>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr uint64_t kBase = 0x80000000;  // riscv64 virt's RAM
constexpr uint64_t kNodeSize = 8 * kMiB;

uint64_t node_base(uint32_t node) {
    return kBase + node * kNodeSize;
}

// Three nodes of 8 MiB each, in one usable range the topology cuts up.
class NumaTest : public ::testing::Test {
protected:
    void SetUp() override {
        machine_.add(kBase, 3 * kNodeSize);
        for (uint32_t node = 0; node < 3; ++node) {
            machine_.add_node_range(node_base(node), kNodeSize, node);
        }
    }
    void TearDown() override { hal::host::set_current_cpu(0); }

    void initialize() { ASSERT_FALSE(machine_.initialize().is_error()); }
    PhysicalMemory& memory() { return machine_.memory(); }

    uint32_t node_of(PageFrame* frame) {
        uint64_t address = memory().address_of(frame);
        EXPECT_GE(address, kBase);
        uint32_t node = static_cast<uint32_t>((address - kBase) / kNodeSize);
        EXPECT_EQ(frame->node(), node) << "descriptor and address disagree";
        return node;
    }

    // Allocates order-0 frames from `node` only, until it has none left.
    void exhaust(uint32_t node) {
        while (true) {
            auto result = memory().allocate({.node = node, .exact_node = true});
            if (result.is_error()) break;
            model_[memory().address_of(result.value())] = 0;
        }
        EXPECT_EQ(memory().statistics(node).free_bytes, 0u);
    }

    Machine machine_{kBase, 3 * kNodeSize};
    Model model_;
};

TEST_F(NumaTest, OneZonePerNodeWithDescriptorsOnTheirOwnNode) {
    initialize();
    ASSERT_EQ(memory().zone_count(), 3u);
    ASSERT_EQ(memory().node_limit(), 3u);
    for (uint32_t node = 0; node < 3; ++node) {
        ZoneInfo zone = memory().zone_info(node);
        EXPECT_EQ(zone.base, node_base(node));
        EXPECT_EQ(zone.frame_count, kNodeSize / kPage);
        EXPECT_EQ(zone.node, node);
        // 2048 frames need 12 pages of descriptors, at the top of the node.
        uint64_t top = node_base(node) + kNodeSize;
        for (uint64_t page = top - 12 * kPage; page < top; page += kPage) {
            EXPECT_EQ(memory().frame_of(page)->state(), FrameState::kReserved);
        }
        EXPECT_NE(memory().frame_of(top - 13 * kPage)->state(), FrameState::kReserved);
        EXPECT_EQ(memory().statistics(node).free_bytes, kNodeSize - 12 * kPage);
        EXPECT_EQ(memory().statistics(node).total_bytes, kNodeSize);
    }
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(NumaTest, AllocatesFromTheRequestedNode) {
    initialize();
    for (uint32_t node : {2u, 0u, 1u}) {
        for (unsigned order : {0u, 4u, 10u}) {
            PageFrame* frame = allocate_into(memory(), model_, {.order = order, .node = node});
            ASSERT_NE(frame, nullptr);
            EXPECT_EQ(node_of(frame), node);
        }
    }
    for (uint32_t node = 0; node < 3; ++node) {
        EXPECT_EQ(memory().statistics(node).fallback_allocations, 0u);
    }
}

TEST_F(NumaTest, AnyNodeMeansTheCurrentCpusNode) {
    machine_.numa().boot_cpu_node = 1;
    initialize();
    // Every CPU starts on the boot CPU's node.
    EXPECT_EQ(memory().node_of_cpu(0), 1u);
    EXPECT_EQ(memory().node_of_cpu(7), 1u);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {})), 1u);

    memory().set_cpu_node(3, 2);
    hal::host::set_current_cpu(3);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {.order = 2})), 2u);
    hal::host::set_current_cpu(0);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {.order = 2})), 1u);
    // A CPU beyond the table counts as CPU 0.
    hal::host::set_current_cpu(kMaxCpus + 5);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {})), 1u);
}

TEST_F(NumaTest, FallsBackToTheNearestNodeWhenThePreferredIsFull) {
    initialize();
    exhaust(2);
    // Node 1 is nearer to 2 than node 0.
    PageFrame* frame = allocate_into(memory(), model_, {.node = 2});
    EXPECT_EQ(node_of(frame), 1u);
    EXPECT_EQ(memory().statistics(1).fallback_allocations, 1u);
    exhaust(1);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {.order = 3, .node = 2})), 0u);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {.order = 3, .node = 1})), 0u);
    EXPECT_EQ(memory().statistics(0).fallback_allocations, 2u);
    // At equal distance the lower id wins: for node 1, nodes 0 and 2 are
    // both one away.
    uint64_t last_of_node_two = model_.rbegin()->first;
    free_from(memory(), model_, last_of_node_two);
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {.node = 1})), 0u);
    exhaust(0);
    PageFrame* from_two = allocate_into(memory(), model_, {.node = 1});
    EXPECT_EQ(memory().address_of(from_two), last_of_node_two);
    auto none = memory().allocate({.node = 1});
    ASSERT_TRUE(none.is_error());
    EXPECT_EQ(none.error(), os::Error::kOutOfMemory);
    EXPECT_TRUE(check_invariants(memory(), model_));
}

TEST_F(NumaTest, ExactNodeFailsInsteadOfFallingBack) {
    initialize();
    exhaust(1);
    uint64_t failures = memory().allocation_failures();
    auto result = memory().allocate({.node = 1, .exact_node = true});
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(memory().allocation_failures(), failures + 1);
    // A bigger block than the node has left fails the same way, while a
    // fallback request for it succeeds elsewhere.
    EXPECT_TRUE(memory().allocate({.order = 5, .node = 1, .exact_node = true}).is_error());
    EXPECT_NE(node_of(allocate_into(memory(), model_, {.order = 5, .node = 1})), 1u);
}

TEST_F(NumaTest, NodesWithoutMemoryFallBackOrFail) {
    initialize();
    EXPECT_FALSE(memory().node_has_memory(5));
    // Node 5 is nearest to node 2 (distance 3; 3, 4, 6, 7 have no memory).
    EXPECT_EQ(node_of(allocate_into(memory(), model_, {.node = 5})), 2u);
    auto exact = memory().allocate({.node = 5, .exact_node = true});
    ASSERT_TRUE(exact.is_error());
    EXPECT_EQ(exact.error(), os::Error::kOutOfMemory);
    EXPECT_EQ(memory().statistics(5).total_bytes, 0u);
}

TEST_F(NumaTest, BannerHasOneLinePerNode) {
    initialize();
    allocate_into(memory(), model_, {.order = kMaxOrder, .node = 1});
    char text[512];
    size_t length = memory().format_statistics(text, sizeof text);
    EXPECT_EQ(std::string(text, length),
              "memory: node 0: 7 MiB free of 8 MiB\n"
              "memory: node 1: 3 MiB free of 8 MiB\n"
              "memory: node 2: 7 MiB free of 8 MiB\n");
}

TEST(NumaLayoutTest, TouchingRangesOfOneNodeFormOneZone) {
    Machine machine(kBase, 16 * kMiB);
    machine.add(kBase, 16 * kMiB);
    machine.add_node_range(kBase, 4 * kMiB, 1);
    machine.add_node_range(kBase + 4 * kMiB, 4 * kMiB, 1);
    machine.add_node_range(kBase + 8 * kMiB, 8 * kMiB, 0);
    ASSERT_FALSE(machine.initialize().is_error());
    ASSERT_EQ(machine.memory().zone_count(), 2u);
    EXPECT_EQ(machine.memory().zone_info(0).node, 1u);
    EXPECT_EQ(machine.memory().zone_info(0).frame_count, 8 * kMiB / kPage);
    EXPECT_EQ(machine.memory().zone_info(1).node, 0u);
    EXPECT_TRUE(check_invariants(machine.memory(), {}));
}

TEST(NumaLayoutTest, MemoryOutsideEveryAffinityRangeIsNodeZero) {
    Machine machine(kBase, 16 * kMiB);
    machine.add(kBase, 16 * kMiB);
    machine.add_node_range(kBase + 4 * kMiB, 4 * kMiB + 0x800, 3);  // end not page aligned
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    ASSERT_EQ(memory.zone_count(), 3u);
    EXPECT_EQ(memory.zone_info(0).node, 0u);
    EXPECT_EQ(memory.zone_info(1).node, 3u);
    EXPECT_EQ(memory.zone_info(1).base, kBase + 4 * kMiB);
    // The straddling page goes to the first node.
    EXPECT_EQ(memory.zone_info(1).frame_count, 4 * kMiB / kPage + 1);
    EXPECT_EQ(memory.zone_info(2).node, 0u);
    EXPECT_EQ(memory.node_limit(), 4u);
    EXPECT_TRUE(check_invariants(memory, {}));

    char text[512];
    size_t length = memory.format_statistics(text, sizeof text);
    EXPECT_EQ(std::string(text, length),
              "memory: node 0: 11 MiB free of 11 MiB\n"
              "memory: node 3: 3 MiB free of 4 MiB\n");
}

}  // namespace
}  // namespace kernel::mm::testing
