#include "hal/common/device_tree_numa.h"

#include "kernel/lib/string.h"

namespace hal {
namespace {

using os::fdt::DeviceTree;
using os::fdt::IterationDecision;
using os::fdt::Node;

bool has_device_type(const Node& node, const char* type) {
    auto device_type = node.property("device_type");
    if (device_type.is_error()) return false;
    auto text = device_type.value().as_string();
    return !text.is_error() && os::string_equal(text.value(), type);
}

// The same test os::fdt::read_platform applies, so the ranges here are the
// ones the memory map holds: root children with device_type "memory" (or,
// in older trees without one, named "memory").
bool is_memory_node(const Node& node) {
    if (node.depth() != 1) return false;
    return node.has_property("device_type") ? has_device_type(node, "memory")
                                            : node.is_named("memory");
}

bool is_cpu_node(const Node& node) {
    return node.has_property("device_type") ? has_device_type(node, "cpu") : node.is_named("cpu");
}

// The node's numa-node-id; kNotFound if it has none.
os::ErrorOr<uint32_t> node_id_of(const Node& node) {
    auto property = node.property("numa-node-id");
    if (property.is_error()) return os::Error::kNotFound;
    uint32_t id = TRY(property.value().as_u32());
    if (id >= NumaTopology::kMaxNodes) return os::Error::kUnsupported;
    return id;
}

// The largest node id the walks have seen so far.
struct Findings {
    uint32_t highest_node = 0;

    void saw(uint32_t node) {
        if (node > highest_node) highest_node = node;
    }
};

os::ErrorOr<void> add_memory_node(const Node& node, NumaTopology& numa, Findings& findings) {
    auto id = node_id_of(node);
    if (id.is_error()) {
        if (id.error() == os::Error::kNotFound) return {};  // memory without a node: node 0
        return id.error();
    }
    findings.saw(id.value());
    auto count = node.reg_count();
    if (count.is_error()) return os::Error::kMalformed;
    for (size_t i = 0; i < count.value(); ++i) {
        auto entry = node.reg(i);
        if (entry.is_error()) return os::Error::kMalformed;
        if (entry.value().size == 0) continue;
        if (numa.range_count == NumaTopology::kMaxRanges) return os::Error::kNoSpace;
        numa.ranges[numa.range_count++] = {entry.value().address, entry.value().size, id.value()};
    }
    return {};
}

os::ErrorOr<void> read_memory(const DeviceTree& tree, NumaTopology& numa, Findings& findings) {
    os::ErrorOr<void> result;
    tree.for_each_node([&](const Node& node) {
        if (!is_memory_node(node) || !node.is_enabled()) return IterationDecision::kContinue;
        result = add_memory_node(node, numa, findings);
        return result.is_error() ? IterationDecision::kBreak : IterationDecision::kContinue;
    });
    return result;
}

os::ErrorOr<void> read_cpus(const DeviceTree& tree, uint64_t boot_cpu_id, NumaTopology& numa,
                            Findings& findings) {
    auto cpus = tree.find_node("/cpus");
    if (cpus.is_error()) return {};
    bool cpus_described = false;
    bool boot_cpu_found = false;
    uint32_t next_index = 1;  // CPU indices: the boot CPU is 0, the others follow in tree order
    os::ErrorOr<void> result;
    cpus.value().for_each_child([&](const Node& cpu) {
        if (!is_cpu_node(cpu) || !cpu.is_enabled()) return IterationDecision::kContinue;
        uint32_t node = 0;
        auto id = node_id_of(cpu);
        if (!id.is_error()) {
            node = id.value();
            cpus_described = true;
            findings.saw(node);
        } else if (id.error() != os::Error::kNotFound) {
            result = id.error();
            return IterationDecision::kBreak;
        }
        auto reg = cpu.reg(0);
        if (reg.is_error()) {
            result = os::Error::kMalformed;
            return IterationDecision::kBreak;
        }
        if (reg.value().address == boot_cpu_id && !boot_cpu_found) {
            boot_cpu_found = true;
            numa.boot_cpu_node = node;
            numa.cpu_nodes[0] = static_cast<uint8_t>(node);
        } else if (next_index < kMaxCpus) {
            numa.cpu_nodes[next_index++] = static_cast<uint8_t>(node);
        }
        return IterationDecision::kContinue;
    });
    if (result.is_error()) return result;
    if (cpus_described && !boot_cpu_found) return os::Error::kNotFound;
    return {};
}

os::ErrorOr<void> read_into(const DeviceTree& tree, uint64_t boot_cpu_id, NumaTopology& numa) {
    Findings findings;
    TRY(read_memory(tree, numa, findings));
    TRY(read_cpus(tree, boot_cpu_id, numa, findings));
    numa.node_count = findings.highest_node + 1;
    return {};
}

}  // namespace

os::ErrorOr<void> read_numa_topology(const DeviceTree& tree, uint64_t boot_cpu_id,
                                     NumaTopology& numa) {
    numa = NumaTopology{};
    auto result = read_into(tree, boot_cpu_id, numa);
    if (result.is_error()) numa = NumaTopology{};
    return result;
}

}  // namespace hal
