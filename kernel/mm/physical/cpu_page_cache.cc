// PhysicalMemory's side of the per-CPU page lists (cpu_page_cache.h):
// refill, drain, the CPU-to-node table they depend on, and their count in
// the statistics. The hit paths are next to allocate() and free() in
// physical_memory.cc.
#include "hal/cpu.h"
#include "kernel/debug/panic.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

// Called by the list's CPU with interrupts masked, on an empty list.
uint32_t PhysicalMemory::refill_cpu_list(CpuPageList& list, uint32_t node_id) {
    if (list_limits_.batch == 0 || (nodes_with_memory_ & (1u << node_id)) == 0) return 0;
    Node& node = nodes_[node_id];
    SpinLockGuard guard(node.lock);
    uint32_t taken = 0;
    while (taken < list_limits_.batch) {
        PageFrame* frame = take_locked(node, 0);
        if (frame == nullptr) break;
        list.put_cold(frame);
        ++taken;
    }
    return taken;
}

// Called by the list's CPU with interrupts masked, or for another CPU's
// list while that CPU cannot allocate (cpu_page_cache.h).
uint32_t PhysicalMemory::drain_cpu_list(CpuPageList& list, uint32_t node_id, uint32_t count) {
    Node& node = nodes_[node_id];
    SpinLockGuard guard(node.lock);
    uint32_t drained = 0;
    while (drained < count && !list.empty()) {
        PageFrame* frame = list.take_cold();
        zones_[frame->zone_].free(frame, node.free);
        ++drained;
    }
    return drained;
}

size_t PhysicalMemory::drain_cpu_lists_of_node(uint32_t node) {
    // Masked, so this CPU's own list is safe; the others' need a cross-call
    // once more than one CPU allocates (cpu_page_cache.h).
    InterruptGuard interrupts;
    size_t drained = 0;
    for (uint32_t cpu = 0; cpu < kMaxCpus; ++cpu) {
        CpuPageList& list = cpu_lists_[cpu];
        if (list.empty() || (node != kAnyNode && cpu_nodes_[cpu] != node)) continue;
        drained += drain_cpu_list(list, cpu_nodes_[cpu], list.count());
    }
    return drained;
}

size_t PhysicalMemory::drain_cpu_lists() {
    return drain_cpu_lists_of_node(kAnyNode);
}

os::ErrorOr<void> PhysicalMemory::set_cpu_page_list_limits(CpuPageListLimits limits) {
    bool off = limits.batch == 0 && limits.high == 0;
    if (!off && (limits.batch == 0 || limits.batch > limits.high)) {
        return os::Error::kInvalidArgument;
    }
    drain_cpu_lists();
    list_limits_ = limits;
    return {};
}

uint64_t PhysicalMemory::cpu_listed_frames(uint32_t node) const {
    uint64_t frames = 0;
    for (uint32_t cpu = 0; cpu < kMaxCpus; ++cpu) {
        if (cpu_nodes_[cpu] == node) frames += cpu_lists_[cpu].count();
    }
    return frames;
}

void PhysicalMemory::set_cpu_node(uint32_t cpu, uint32_t node) {
    if (cpu >= kMaxCpus || node >= kMaxNodes) {
        panic("physical memory: set_cpu_node(%u, %u) out of range", cpu, node);
    }
    if (cpu_nodes_[cpu] == node) return;
    // The list holds the old node's frames: they go home first.
    InterruptGuard interrupts;
    CpuPageList& list = cpu_lists_[cpu];
    drain_cpu_list(list, cpu_nodes_[cpu], list.count());
    list.set_node_frames(nodes_[node].frames);
    cpu_nodes_[cpu] = static_cast<uint8_t>(node);
}

// initialize(): every CPU on `node`, with an empty list.
void PhysicalMemory::reset_cpu_lists(uint32_t node) {
    for (uint32_t cpu = 0; cpu < kMaxCpus; ++cpu) {
        cpu_nodes_[cpu] = static_cast<uint8_t>(node);
        cpu_lists_[cpu].set_node_frames(nodes_[node].frames);
    }
}

}  // namespace kernel::mm
