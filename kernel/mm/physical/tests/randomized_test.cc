// Long randomized allocate/free sequences checked against a model: after
// every step the allocator must agree with what the test holds, every
// failure must be justified by the free lists, every success must come from
// the right node, and freeing everything must restore the initial state.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "kernel/mm/physical/tests/test_support.h"

namespace kernel::mm::testing {
namespace {

struct Scenario {
    const char* name;
    uint64_t ram_base;
    uint64_t ram_size;
    void (*describe)(Machine& machine);
};

void one_aligned_zone(Machine& machine) {
    machine.add(0x40000000, 16 * kMiB);
}

// Page 0 usable, ranges that are not 4 MiB (or even page) aligned, a hole,
// a one-page range, and two nodes with the boundary inside a range.
void awkward_two_nodes(Machine& machine) {
    machine.add(0, 0x9f000);
    machine.add(0x103000, 0x604321);
    machine.add(0x709000, 0x1000);
    machine.add(0x800000, 0x800000);
    machine.add(0xa00000, 0x23000, os::MemoryKind::kReserved);
    machine.add_node_range(0, 0xc00000, 0);
    machine.add_node_range(0xc00000, 0x400000, 1);
}

// Three nodes of different sizes; node 2 sits between 0 and 1 in distance order.
void three_nodes(Machine& machine) {
    machine.add(0x80000000, 24 * kMiB);
    machine.add_node_range(0x80000000, 4 * kMiB, 0);
    machine.add_node_range(0x80400000, 12 * kMiB, 1);
    machine.add_node_range(0x81000000, 8 * kMiB, 2);
}

void PrintTo(const Scenario& scenario, std::ostream* out) {
    *out << scenario.name;
}

const Scenario kScenarios[] = {
    {"one_aligned_zone", 0x40000000, 16 * kMiB, one_aligned_zone},
    {"awkward_two_nodes", 0, 16 * kMiB, awkward_two_nodes},
    {"three_nodes", 0x80000000, 24 * kMiB, three_nodes},
};

unsigned random_order(std::mt19937_64& random) {
    // Mostly small blocks, as a kernel asks for them, but every order appears.
    unsigned roll = random() % 100;
    if (roll < 55) return 0;
    if (roll < 75) return 1 + random() % 3;
    if (roll < 93) return 4 + random() % 4;
    return 8 + random() % 3;
}

// True if some node the request may use has a free block big enough.
bool could_succeed(PhysicalMemory& memory, uint32_t node, const PageRequest& request) {
    for (uint32_t candidate = 0; candidate < kMaxNodes; ++candidate) {
        if (request.exact_node && candidate != node) continue;
        NodeStatistics statistics = memory.statistics(candidate);
        for (unsigned order = request.order; order <= kMaxOrder; ++order) {
            if (statistics.free_blocks[order] != 0) return true;
        }
    }
    return false;
}

class RandomizedTest : public ::testing::TestWithParam<Scenario> {};

TEST_P(RandomizedTest, AgreesWithTheModelThroughoutAndCoalescesCompletely) {
    const Scenario& scenario = GetParam();
    Machine machine(scenario.ram_base, scenario.ram_size);
    scenario.describe(machine);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    const FreeBlocks initial = free_blocks(memory);
    const uint32_t nodes = memory.node_limit();
    ASSERT_TRUE(check_invariants(memory, {}));

    Model model;
    std::vector<uint64_t> held;  // model's keys, for picking one at random
    std::mt19937_64 random(20261125);
    uint64_t failures = 0;
    constexpr int kSteps = 40000;
    for (int step = 0; step < kSteps; ++step) {
        // Phases that fill memory up and drain it again, so exhaustion,
        // fallback and heavy fragmentation all happen.
        bool filling = (step / 2500) % 2 == 0;
        bool allocate = held.empty() || random() % 100 < (filling ? 80u : 25u);
        if (allocate) {
            PageRequest request{.order = random_order(random)};
            uint32_t roll = random() % 4;
            request.node = roll == 0 ? kAnyNode : static_cast<uint32_t>(random() % nodes);
            request.exact_node = random() % 3 == 0;
            uint32_t node = request.node == kAnyNode ? 0 : request.node;  // CPU 0 is on node 0
            bool local_possible =
                could_succeed(memory, node, {.order = request.order, .exact_node = true});
            bool possible = could_succeed(memory, node, request);

            auto result = memory.allocate(request);
            if (result.is_error()) {
                ASSERT_EQ(result.error(), os::Error::kOutOfMemory);
                ASSERT_FALSE(possible)
                    << "step " << step << ": failed with a big enough block free";
                ++failures;
                continue;
            }
            PageFrame* frame = result.value();
            uint64_t address = memory.address_of(frame);
            ASSERT_TRUE(possible);
            ASSERT_EQ(model.count(address), 0u) << "step " << step << ": handed out twice";
            if (local_possible || request.exact_node) {
                ASSERT_EQ(frame->node(), node) << "step " << step << ": not the preferred node";
            }
            model[address] = request.order;
            held.push_back(address);
        } else {
            size_t index = random() % held.size();
            uint64_t address = held[index];
            held[index] = held.back();
            held.pop_back();
            free_from(memory, model, address);
        }
        if (step % 400 == 0) ASSERT_TRUE(check_invariants(memory, model)) << "step " << step;
    }
    EXPECT_EQ(memory.allocation_failures(), failures);
    EXPECT_GT(failures, 0u) << "the sequence never exhausted memory: make it harder";
    if (nodes > 1) {
        uint64_t fallbacks = 0;
        for (uint32_t node = 0; node < nodes; ++node) {
            fallbacks += memory.statistics(node).fallback_allocations;
        }
        EXPECT_GT(fallbacks, 0u) << "the sequence never fell back to another node";
    }

    for (uint64_t address : held)
        free_from(memory, model, address);
    EXPECT_TRUE(check_invariants(memory, model));
    EXPECT_EQ(free_blocks(memory), initial);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, RandomizedTest, ::testing::ValuesIn(kScenarios),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace kernel::mm::testing
