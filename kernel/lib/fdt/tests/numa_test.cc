// hal::read_numa_topology (hal/common/device_tree_numa) on the trees QEMU
// generates, with and without -numa, and on hand-built trees for the cases
// QEMU does not produce.
#include "hal/common/device_tree_numa.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/fdt/tests/dtb_builder.h"

namespace hal {

bool operator==(const MemoryAffinity& a, const MemoryAffinity& b) {
    return a.base == b.base && a.size == b.size && a.node == b.node;
}

std::ostream& operator<<(std::ostream& out, const MemoryAffinity& range) {
    return out << std::hex << "{0x" << range.base << ", 0x" << range.size << ", node " << std::dec
               << range.node << "}";
}

namespace {

using os::fdt::DeviceTree;
using os::fdt::testing::Blob;
using os::fdt::testing::cells64;
using os::fdt::testing::DtbBuilder;

constexpr uint64_t kMiB = 1024 * 1024;

struct Parsed {
    os::ErrorOr<void> result;
    NumaTopology numa;

    // The ranges in address order: the reader keeps the tree's order, which
    // is QEMU's business.
    std::vector<MemoryAffinity> sorted_ranges() const {
        std::vector<MemoryAffinity> ranges(numa.ranges, numa.ranges + numa.range_count);
        std::sort(ranges.begin(), ranges.end(),
                  [](const MemoryAffinity& a, const MemoryAffinity& b) { return a.base < b.base; });
        return ranges;
    }
};

Parsed parse(const Blob& blob, uint64_t boot_cpu_id) {
    Parsed parsed;
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    EXPECT_FALSE(tree.is_error()) << os::to_string(tree.error());
    if (tree.is_error()) return parsed;
    // Start from garbage: the reader must set every field it reports.
    parsed.numa.node_count = 99;
    parsed.numa.boot_cpu_node = 99;
    parsed.numa.range_count = 7;
    parsed.result = read_numa_topology(tree.value(), boot_cpu_id, parsed.numa);
    return parsed;
}

Parsed parse_file(const std::string& name, uint64_t boot_cpu_id) {
    return parse(os::fdt::testing::read_file("kernel/lib/fdt/" + name), boot_cpu_id);
}

void expect_single_node(const NumaTopology& numa) {
    EXPECT_EQ(numa.node_count, 1u);
    EXPECT_EQ(numa.boot_cpu_node, 0u);
    EXPECT_EQ(numa.range_count, 0u);
}

// -m 1G -smp 2, node 0 = CPU 0 + 512 MiB, node 1 = CPU 1 + 512 MiB.
TEST(QemuNumaTest, ReadsBothNodesExactly) {
    Parsed parsed = parse_file("qemu_virt_aarch64_numa.dtb", 0);
    ASSERT_FALSE(parsed.result.is_error()) << os::to_string(parsed.result.error());
    EXPECT_EQ(parsed.numa.node_count, 2u);
    EXPECT_EQ(parsed.numa.boot_cpu_node, 0u);
    std::vector<MemoryAffinity> expected = {
        {0x4000'0000, 512 * kMiB, 0},
        {0x6000'0000, 512 * kMiB, 1},
    };
    EXPECT_EQ(parsed.sorted_ranges(), expected);
    EXPECT_EQ(parsed.numa.node_of(0x4000'0000), 0u);
    EXPECT_EQ(parsed.numa.node_of(0x5fff'ffff), 0u);
    EXPECT_EQ(parsed.numa.node_of(0x6000'0000), 1u);
    EXPECT_EQ(parsed.numa.node_of(0x7fff'ffff), 1u);
}

TEST(QemuNumaTest, BootCpuIsFoundByItsReg) {
    Parsed parsed = parse_file("qemu_virt_aarch64_numa.dtb", 1);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.numa.boot_cpu_node, 1u);
    EXPECT_EQ(parsed.numa.node_count, 2u);
}

// CPU indices as the HALs number them: the boot CPU is 0, the rest follow
// in tree order.
TEST(QemuNumaTest, EveryCpuIndexGetsItsNode) {
    Parsed parsed = parse_file("qemu_virt_aarch64_numa.dtb", 0);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.numa.node_of_cpu(0), 0u);
    EXPECT_EQ(parsed.numa.node_of_cpu(1), 1u);
    parsed = parse_file("qemu_virt_aarch64_numa.dtb", 1);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.numa.node_of_cpu(0), 1u);  // the boot CPU, reg 1
    EXPECT_EQ(parsed.numa.node_of_cpu(1), 0u);  // reg 0, first in the tree
    EXPECT_EQ(parsed.numa.node_of_cpu(2), 0u);  // no such CPU
}

TEST(QemuNumaTest, UnknownBootCpuFallsBackToOneNode) {
    Parsed parsed = parse_file("qemu_virt_aarch64_numa.dtb", 2);
    ASSERT_TRUE(parsed.result.is_error());
    EXPECT_EQ(parsed.result.error(), os::Error::kNotFound);
    expect_single_node(parsed.numa);
}

TEST(QemuNumaTest, TreesWithoutNumaAreOneNode) {
    for (const char* name : {"qemu_virt_aarch64.dtb", "qemu_virt_riscv64.dtb"}) {
        SCOPED_TRACE(name);
        Parsed parsed = parse_file(name, 0);
        ASSERT_FALSE(parsed.result.is_error());
        expect_single_node(parsed.numa);
    }
}

// A root with 2/2 cells; `body` adds the nodes.
template <typename Body>
Blob tree_with(Body body) {
    DtbBuilder builder;
    builder.begin_node("").property_u32("#address-cells", 2).property_u32("#size-cells", 2);
    body(builder);
    builder.end_node();
    return builder.build();
}

void add_memory(DtbBuilder& builder, const char* name, std::vector<uint64_t> reg,
                const std::vector<uint8_t>* node_id_value, const char* status = nullptr) {
    builder.begin_node(name).property_string("device_type", "memory");
    std::vector<uint32_t> cells;
    for (uint64_t value : reg) {
        cells.push_back(static_cast<uint32_t>(value >> 32));
        cells.push_back(static_cast<uint32_t>(value));
    }
    builder.property_cells("reg", cells);
    if (node_id_value != nullptr) builder.property("numa-node-id", *node_id_value);
    if (status != nullptr) builder.property_string("status", status);
    builder.end_node();
}

std::vector<uint8_t> cell(uint32_t value) {
    return {static_cast<uint8_t>(value >> 24), static_cast<uint8_t>(value >> 16),
            static_cast<uint8_t>(value >> 8), static_cast<uint8_t>(value)};
}

// /cpus with 2 address cells (an aarch64 MPIDR with Aff3 needs them) and one
// cpu per (reg, node); node < 0 means no numa-node-id.
void add_cpus(DtbBuilder& builder, const std::vector<std::pair<uint64_t, int>>& cpus) {
    builder.begin_node("cpus").property_u32("#address-cells", 2).property_u32("#size-cells", 0);
    for (auto [reg, node] : cpus) {
        builder.begin_node("cpu@" + std::to_string(reg))
            .property_string("device_type", "cpu")
            .property_cells("reg", cells64({reg}));
        if (node >= 0) builder.property_u32("numa-node-id", static_cast<uint32_t>(node));
        builder.end_node();
    }
    builder.end_node();
}

TEST(NumaTest, EveryRegEntryOfANodeBelongsToIt) {
    auto node3 = cell(3);
    Blob blob = tree_with([&](DtbBuilder& b) {
        add_memory(b, "memory@0", {0x0, 0x1000'0000, 0x1'0000'0000, 0x2000'0000}, &node3);
        add_memory(b, "memory@80000000", {0x8000'0000, 0x1000}, nullptr);  // no id: node 0
        add_cpus(b, {{0x1'0000'0102, 2}, {0x0, 3}});
    });
    Parsed parsed = parse(blob, 0x1'0000'0102);
    ASSERT_FALSE(parsed.result.is_error()) << os::to_string(parsed.result.error());
    EXPECT_EQ(parsed.numa.node_count, 4u);  // ids up to 3, even if 0 and 1 hold nothing
    EXPECT_EQ(parsed.numa.boot_cpu_node, 2u);
    std::vector<MemoryAffinity> expected = {
        {0x0, 0x1000'0000, 3},
        {0x1'0000'0000, 0x2000'0000, 3},
    };
    EXPECT_EQ(parsed.sorted_ranges(), expected);
    EXPECT_EQ(parsed.numa.node_of(0x8000'0000), 0u);
}

TEST(NumaTest, DisabledMemoryAndZeroSizesAreSkipped) {
    auto node1 = cell(1);
    Blob blob = tree_with([&](DtbBuilder& b) {
        add_memory(b, "memory@0", {0x0, 0x1000, 0x2000, 0}, &node1);
        add_memory(b, "memory@10000", {0x10000, 0x1000}, &node1, "disabled");
    });
    Parsed parsed = parse(blob, 0);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.numa.node_count, 2u);
    EXPECT_EQ(parsed.sorted_ranges(), (std::vector<MemoryAffinity>{{0x0, 0x1000, 1}}));
}

TEST(NumaTest, CpuIndicesPutTheBootCpuFirstThenTreeOrder) {
    Blob blob = tree_with([&](DtbBuilder& b) {
        add_cpus(b, {{0x10, 1}, {0x0, 3}, {0x20, 2}, {0x30, -1}});
    });
    Parsed parsed = parse(blob, 0x0);
    ASSERT_FALSE(parsed.result.is_error()) << os::to_string(parsed.result.error());
    EXPECT_EQ(parsed.numa.node_count, 4u);
    EXPECT_EQ(parsed.numa.boot_cpu_node, 3u);
    EXPECT_EQ(parsed.numa.node_of_cpu(0), 3u);  // reg 0x0, the boot CPU
    EXPECT_EQ(parsed.numa.node_of_cpu(1), 1u);  // reg 0x10
    EXPECT_EQ(parsed.numa.node_of_cpu(2), 2u);  // reg 0x20
    EXPECT_EQ(parsed.numa.node_of_cpu(3), 0u);  // reg 0x30: no numa-node-id
    EXPECT_EQ(parsed.numa.node_of_cpu(4), 0u);
}

TEST(NumaTest, CpusWithoutIdsDoNotNeedTheBootCpu) {
    auto node1 = cell(1);
    Blob blob = tree_with([&](DtbBuilder& b) {
        add_memory(b, "memory@0", {0x0, 0x1000}, &node1);
        add_cpus(b, {{0x0, -1}, {0x1, -1}});
    });
    Parsed parsed = parse(blob, 5);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.numa.node_count, 2u);
    EXPECT_EQ(parsed.numa.boot_cpu_node, 0u);
}

TEST(NumaTest, RejectsNodeIdsBeyondTheLimit) {
    auto too_large = cell(NumaTopology::kMaxNodes);
    Blob blob = tree_with([&](DtbBuilder& b) {
        add_memory(b, "memory@0", {0x0, 0x1000}, &too_large);
    });
    Parsed parsed = parse(blob, 0);
    ASSERT_TRUE(parsed.result.is_error());
    EXPECT_EQ(parsed.result.error(), os::Error::kUnsupported);
    expect_single_node(parsed.numa);

    Blob on_cpu = tree_with([&](DtbBuilder& b) {
        add_cpus(b, {{0x0, static_cast<int>(NumaTopology::kMaxNodes)}});
    });
    Parsed cpu_parsed = parse(on_cpu, 0);
    ASSERT_TRUE(cpu_parsed.result.is_error());
    EXPECT_EQ(cpu_parsed.result.error(), os::Error::kUnsupported);
    expect_single_node(cpu_parsed.numa);
}

TEST(NumaTest, RejectsMalformedIds) {
    std::vector<uint8_t> two_cells = {0, 0, 0, 0, 0, 0, 0, 1};
    Blob blob = tree_with([&](DtbBuilder& b) {
        add_memory(b, "memory@0", {0x0, 0x1000}, &two_cells);
    });
    Parsed parsed = parse(blob, 0);
    ASSERT_TRUE(parsed.result.is_error());
    EXPECT_EQ(parsed.result.error(), os::Error::kMalformed);
    expect_single_node(parsed.numa);
}

TEST(NumaTest, TooManyRangesIsNoSpace) {
    auto node1 = cell(1);
    std::vector<uint64_t> reg;
    for (uint64_t i = 0; i <= NumaTopology::kMaxRanges; ++i) {
        reg.push_back(i * 0x10000);
        reg.push_back(0x1000);
    }
    Blob blob = tree_with([&](DtbBuilder& b) { add_memory(b, "memory@0", reg, &node1); });
    Parsed parsed = parse(blob, 0);
    ASSERT_TRUE(parsed.result.is_error());
    EXPECT_EQ(parsed.result.error(), os::Error::kNoSpace);
    expect_single_node(parsed.numa);
}

}  // namespace
}  // namespace hal
