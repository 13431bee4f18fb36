// Free-memory statistics per node and order, and their text for the boot banner.
#include "kernel/debug/print.h"
#include "kernel/lib/format.h"
#include "kernel/mm/physical/physical_memory.h"

namespace kernel::mm {
namespace {

// Long enough for the per-order line: 11 orders of up to " 10:" plus 20 digits.
constexpr size_t kLineCapacity = 320;

}  // namespace

bool PhysicalMemory::node_has_memory(uint32_t node) const {
    return node < kMaxNodes && (nodes_with_memory_ & (1u << node)) != 0;
}

uint32_t PhysicalMemory::node_limit() const {
    return nodes_with_memory_ == 0 ? 0
                                   : 32 - static_cast<uint32_t>(__builtin_clz(nodes_with_memory_));
}

NodeStatistics PhysicalMemory::statistics(uint32_t node_id) const {
    NodeStatistics statistics;
    if (!node_has_memory(node_id)) return statistics;
    const Node& node = nodes_[node_id];
    SpinLockGuard guard(node.lock);  // one consistent snapshot
    statistics.total_bytes = node.total_pages << hal::mm::kPageShift;
    // Refills and drains move frames under this lock too, so only the lists'
    // own CPUs' allocations and frees (which change what is free anyway) can
    // make the sum a moment old.
    statistics.cpu_list_frames = cpu_listed_frames(node_id);
    statistics.free_bytes = (node.free.pages + statistics.cpu_list_frames) << hal::mm::kPageShift;
    for (unsigned order = 0; order <= kMaxOrder; ++order) {
        statistics.free_blocks[order] = node.free.blocks[order];
    }
    statistics.free_blocks[0] += statistics.cpu_list_frames;
    statistics.fallback_allocations = node.fallback_allocations;
    return statistics;
}

uint64_t PhysicalMemory::free_bytes() const {
    uint64_t sum = 0;
    for (uint32_t node = 0; node < node_limit(); ++node)
        sum += statistics(node).free_bytes;
    return sum;
}

uint64_t PhysicalMemory::total_bytes() const {
    uint64_t sum = 0;
    for (uint32_t node = 0; node < node_limit(); ++node)
        sum += statistics(node).total_bytes;
    return sum;
}

void PhysicalMemory::format_node_line(uint32_t node, bool per_order, char* buffer,
                                      size_t capacity) const {
    NodeStatistics statistics = this->statistics(node);
    // MiB reads best in a banner; nodes under 1 MiB (tests, odd firmware) get KiB.
    bool small = statistics.total_bytes < (uint64_t{1} << 20);
    unsigned shift = small ? 10 : 20;
    const char* unit = small ? "KiB" : "MiB";
    size_t length =
        os::format(buffer, capacity, "memory: node %u: %llu %s free of %llu %s\n", node,
                   static_cast<unsigned long long>(statistics.free_bytes >> shift), unit,
                   static_cast<unsigned long long>(statistics.total_bytes >> shift), unit);
    if (!per_order) return;
    length += os::format(buffer + length, capacity - length,
                         "memory: node %u free blocks by order:", node);
    for (unsigned order = 0; order <= kMaxOrder && length < capacity; ++order) {
        length += os::format(buffer + length, capacity - length, " %u:%llu", order,
                             static_cast<unsigned long long>(statistics.free_blocks[order]));
    }
    if (length < capacity) os::format(buffer + length, capacity - length, "\n");
}

void PhysicalMemory::print_statistics(bool per_order) const {
    char line[kLineCapacity];
    for (uint32_t node = 0; node < node_limit(); ++node) {
        if (!node_has_memory(node)) continue;
        format_node_line(node, per_order, line, sizeof line);
        print("%s", line);
    }
}

size_t PhysicalMemory::format_statistics(char* buffer, size_t capacity, bool per_order) const {
    char line[kLineCapacity];
    size_t length = 0;
    for (uint32_t node = 0; node < node_limit(); ++node) {
        if (!node_has_memory(node)) continue;
        format_node_line(node, per_order, line, sizeof line);
        size_t offset = length < capacity ? length : capacity;
        length += os::format(buffer + offset, capacity - offset, "%s", line);
    }
    if (length == 0 && capacity > 0) buffer[0] = '\0';
    return length;
}

}  // namespace kernel::mm
