// Long randomized allocate/free sequences checked against a model: after
// every step the allocator must agree with what the test holds, every
// failure must be justified by the free lists (CPU page lists included:
// nothing may be lost on them), every success must come from the right
// node, and freeing everything must restore the initial state. Three
// simulated CPUs take turns, each on its own node where there are several,
// with the default CPU page list limits and with tiny ones that refill and
// drain all the time.
#include <gtest/gtest.h>

#include <random>
#include <tuple>
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

struct ListConfiguration {
    const char* name;
    CpuPageListLimits limits;
};

const ListConfiguration kListConfigurations[] = {
    {"default_lists", CpuPageListLimits{}},
    {"tiny_lists", {.batch = 3, .high = 7}},
};

void PrintTo(const ListConfiguration& configuration, std::ostream* out) {
    *out << configuration.name;
}

constexpr uint32_t kCpus = 3;

unsigned random_order(std::mt19937_64& random) {
    // Mostly small blocks, as a kernel asks for them, but every order appears.
    unsigned roll = random() % 100;
    if (roll < 55) return 0;
    if (roll < 75) return 1 + random() % 3;
    if (roll < 93) return 4 + random() % 4;
    return 8 + random() % 3;
}

// True if the buddy lists of `node` (kAnyNode: of any node) have a block of
// at least `order`, by the statistics (which count listed frames as order 0).
bool buddy_has_block(PhysicalMemory& memory, uint32_t node, unsigned order) {
    for (uint32_t candidate = 0; candidate < kMaxNodes; ++candidate) {
        if (node != kAnyNode && candidate != node) continue;
        NodeStatistics statistics = memory.statistics(candidate);
        statistics.free_blocks[0] -= statistics.cpu_list_frames;
        for (unsigned k = order; k <= kMaxOrder; ++k) {
            if (statistics.free_blocks[k] != 0) return true;
        }
    }
    return false;
}

// True if `blocks` has a block of at least `order` on `node` (kAnyNode: any).
bool has_block(const PhysicalMemory& memory, const FreeBlocks& blocks, uint32_t node,
               unsigned order) {
    for (auto [address, block_order] : blocks) {
        if (block_order < order) continue;
        if (node == kAnyNode || memory.zone_info(zone_index_of(memory, address)).node == node) {
            return true;
        }
    }
    return false;
}

bool has_listed_frames(const PhysicalMemory& memory, uint32_t cpu) {
    for (auto [address, owner] : cpu_listed_frames(memory)) {
        if (owner == cpu) return true;
    }
    return false;
}

class RandomizedTest : public ::testing::TestWithParam<std::tuple<Scenario, ListConfiguration>> {
protected:
    void TearDown() override { hal::host::set_current_cpu(0); }
};

TEST_P(RandomizedTest, AgreesWithTheModelThroughoutAndCoalescesCompletely) {
    const Scenario& scenario = std::get<0>(GetParam());
    Machine machine(scenario.ram_base, scenario.ram_size);
    scenario.describe(machine);
    ASSERT_FALSE(machine.initialize().is_error());
    PhysicalMemory& memory = machine.memory();
    ASSERT_FALSE(memory.set_cpu_page_list_limits(std::get<1>(GetParam()).limits).is_error());
    const FreeBlocks initial = free_blocks(memory);
    const uint32_t nodes = memory.node_limit();
    for (uint32_t cpu = 0; cpu < kCpus; ++cpu)
        memory.set_cpu_node(cpu, cpu % nodes);
    ASSERT_TRUE(check_invariants(memory, {}));

    Model model;
    std::vector<uint64_t> held;  // model's keys, for picking one at random
    std::mt19937_64 random(20261125);
    uint64_t failures = 0;
    uint64_t rescued_by_draining = 0;  // succeeded only because CPU lists were drained
    constexpr int kSteps = 40000;
    for (int step = 0; step < kSteps; ++step) {
        if (random() % 8 == 0) hal::host::set_current_cpu(random() % kCpus);
        const uint32_t cpu = hal::current_cpu_index();
        // Phases that fill memory up and drain it again, so exhaustion,
        // fallback and heavy fragmentation all happen.
        bool filling = (step / 2500) % 2 == 0;
        bool allocate = held.empty() || random() % 100 < (filling ? 80u : 25u);
        if (allocate) {
            PageRequest request{.order = random_order(random)};
            uint32_t roll = random() % 4;
            request.node = roll == 0 ? kAnyNode : static_cast<uint32_t>(random() % nodes);
            request.exact_node = random() % 3 == 0;
            uint32_t node = request.node == kAnyNode ? memory.node_of_cpu(cpu) : request.node;
            // Served locally without draining: from the node's buddy lists,
            // or for order 0 on the CPU's own node from its page list.
            bool own_list = request.order == 0 && node == memory.node_of_cpu(cpu) &&
                            has_listed_frames(memory, cpu);
            bool local_possible = own_list || buddy_has_block(memory, node, request.order);
            // Possible without draining other CPUs' lists, and at all once
            // every CPU page list is drained.
            uint32_t usable = request.exact_node ? node : kAnyNode;
            bool possible_undrained = own_list || buddy_has_block(memory, usable, request.order);
            bool possible = possible_undrained ||
                            has_block(memory, coalesced_free_blocks(memory), usable, request.order);

            auto result = memory.allocate(request);
            if (result.is_error()) {
                ASSERT_EQ(result.error(), os::Error::kOutOfMemory);
                ASSERT_FALSE(possible)
                    << "step " << step << ": failed with a big enough block free";
                // It drained what it could use before failing.
                for (uint32_t drained = 0; drained < nodes; ++drained) {
                    if (request.exact_node && drained != node) continue;
                    ASSERT_EQ(memory.statistics(drained).cpu_list_frames, 0u)
                        << "step " << step << ": failed with frames left on CPU lists";
                }
                ++failures;
                continue;
            }
            PageFrame* frame = result.value();
            uint64_t address = memory.address_of(frame);
            ASSERT_TRUE(possible);
            if (!possible_undrained) ++rescued_by_draining;
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
    EXPECT_GT(rescued_by_draining, 0u) << "no allocation ever needed the CPU lists drained";
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
    EXPECT_EQ(coalesced_free_blocks(memory), initial);
    EXPECT_EQ(free_blocks_after_draining(memory), initial);
    EXPECT_TRUE(check_invariants(memory, model));
}

INSTANTIATE_TEST_SUITE_P(Scenarios, RandomizedTest,
                         ::testing::Combine(::testing::ValuesIn(kScenarios),
                                            ::testing::ValuesIn(kListConfigurations)),
                         [](const auto& info) {
                             return std::string(std::get<0>(info.param).name) + "_" +
                                    std::get<1>(info.param).name;
                         });

}  // namespace
}  // namespace kernel::mm::testing
