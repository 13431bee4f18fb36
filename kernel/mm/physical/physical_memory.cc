// Allocation, freeing and lookups. initialize() is in physical_memory_setup.cc,
// the statistics in physical_memory_statistics.cc.
#include "kernel/mm/physical/physical_memory.h"

#include "hal/cpu.h"
#include "kernel/debug/panic.h"

namespace kernel::mm {
namespace {

constinit PhysicalMemory the_physical_memory;

}  // namespace

PhysicalMemory& physical_memory() {
    return the_physical_memory;
}

os::ErrorOr<PageFrame*> PhysicalMemory::allocate(PageRequest request) {
    if (request.order > kMaxOrder) return os::Error::kInvalidArgument;
    uint32_t preferred = request.node;
    if (preferred == kAnyNode) {
        preferred = node_of_cpu(hal::current_cpu_index());
    } else if (preferred >= kMaxNodes) {
        return os::Error::kInvalidArgument;
    }

    PageFrame* frame = allocate_from_node(preferred, request.order, false);
    // Fall back to the nearest nodes first; at equal distance the lower id.
    // Node ids stand in for distance until the kernel reads ACPI SLIT or the
    // device tree's distance-map.
    for (uint32_t distance = 1; frame == nullptr && !request.exact_node && distance < kMaxNodes;
         ++distance) {
        if (preferred >= distance) {
            frame = allocate_from_node(preferred - distance, request.order, true);
        }
        if (frame == nullptr && preferred + distance < kMaxNodes) {
            frame = allocate_from_node(preferred + distance, request.order, true);
        }
    }
    if (frame == nullptr) {
        __atomic_fetch_add(&allocation_failures_, 1, __ATOMIC_RELAXED);
        return os::Error::kOutOfMemory;
    }
    // Outside the lock: zeroing 4 MiB must not stall the node's other CPUs.
    if (request.zeroed) {
        __builtin_memset(virtual_address_of(frame), 0, hal::mm::kPageSize << request.order);
    }
    return frame;
}

PageFrame* PhysicalMemory::allocate_from_node(uint32_t node_id, unsigned order, bool fallback) {
    if ((nodes_with_memory_ & (1u << node_id)) == 0) return nullptr;
    Node& node = nodes_[node_id];
    SpinLockGuard guard(node.lock);
    for (uint8_t index = node.first_zone; index != Zone::kNoZone;
         index = zones_[index].next_in_node) {
        PageFrame* frame = zones_[index].allocate(order, node.free);
        if (frame != nullptr) {
            if (fallback) ++node.fallback_allocations;
            return frame;
        }
    }
    return nullptr;
}

Zone& PhysicalMemory::zone_of(PageFrame* frame, const char* operation) {
    // The zone index inside the descriptor is only a hint until the pointer
    // is known to be one of that zone's descriptors.
    if (frame != nullptr) {
        uint8_t index = frame->zone_;
        if (index < zone_count_) {
            Zone& zone = zones_[index];
            auto offset =
                reinterpret_cast<uintptr_t>(frame) - reinterpret_cast<uintptr_t>(zone.frames());
            if (zone.owns(frame) && offset % sizeof(PageFrame) == 0) return zone;
        }
    }
    panic("physical memory: %s of %p, which is not a page frame descriptor of this allocator",
          operation, frame);
}

void PhysicalMemory::free(PageFrame* frame) {
    Zone& zone = zone_of(frame, "free");
    Node& node = nodes_[zone.node()];
    SpinLockGuard guard(node.lock);
    // Checked under the lock: two CPUs freeing one block must not both pass.
    auto address = static_cast<unsigned long long>(zone.frame_number(frame) << hal::mm::kPageShift);
    switch (frame->state_) {
        case FrameState::kAllocated:
            break;
        case FrameState::kFree:
            panic("physical memory: double free of the block at 0x%llx (order %u)", address,
                  frame->order());
        case FrameState::kTail:
            panic(
                "physical memory: free of frame 0x%llx, which is not the head of an allocated "
                "block (inside a block, or freed before and merged)",
                address);
        case FrameState::kReserved:
            panic("physical memory: free of reserved frame 0x%llx", address);
    }
    uint32_t references = frame->reference_count();
    if (references > 1) {
        panic("physical memory: free of the block at 0x%llx while %u references remain", address,
              references);
    }
    zone.free(frame, node.free);
}

uint32_t PhysicalMemory::release(PageFrame* frame) {
    uint32_t remaining = frame->drop_reference();
    if (remaining == 0) free(frame);
    return remaining;
}

void PhysicalMemory::split_block(PageFrame* frame) {
    Zone& zone = zone_of(frame, "split_block");
    Node& node = nodes_[zone.node()];
    SpinLockGuard guard(node.lock);
    auto address = static_cast<unsigned long long>(zone.frame_number(frame) << hal::mm::kPageShift);
    if (frame->state_ != FrameState::kAllocated) {
        panic("physical memory: split_block of frame 0x%llx, which is not an allocated block head",
              address);
    }
    uint32_t references = frame->reference_count();
    if (references != 1) {
        panic("physical memory: split_block of the block at 0x%llx with %u references", address,
              references);
    }
    zone.split(frame);
}

const Zone* PhysicalMemory::zone_of_frame_number(uint64_t frame_number) const {
    size_t low = 0;
    size_t high = zone_count_;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const Zone& zone = zones_[middle];
        if (frame_number < zone.first_frame_number()) {
            high = middle;
        } else if (frame_number >= zone.end_frame_number()) {
            low = middle + 1;
        } else {
            return &zone;
        }
    }
    return nullptr;
}

PageFrame* PhysicalMemory::frame_of(hal::mm::PhysicalAddress address) const {
    uint64_t frame_number = address >> hal::mm::kPageShift;
    const Zone* zone = zone_of_frame_number(frame_number);
    return zone != nullptr ? zone->frame(frame_number) : nullptr;
}

hal::mm::PhysicalAddress PhysicalMemory::address_of(const PageFrame* frame) const {
    return zones_[frame->zone_].frame_number(frame) << hal::mm::kPageShift;
}

void* PhysicalMemory::virtual_address_of(const PageFrame* frame) const {
    return hal::mm::physical_to_virtual(address_of(frame));
}

PageFrame* PhysicalMemory::frame_of_virtual(const void* direct_mapped) const {
    hal::mm::PhysicalAddress address = hal::mm::virtual_to_physical(direct_mapped);
    return address != 0 ? frame_of(address) : nullptr;  // 0: not in the direct map
}

void PhysicalMemory::set_cpu_node(uint32_t cpu, uint32_t node) {
    if (cpu >= kMaxCpus || node >= kMaxNodes) {
        panic("physical memory: set_cpu_node(%u, %u) out of range", cpu, node);
    }
    cpu_nodes_[cpu] = static_cast<uint8_t>(node);
}

uint32_t PhysicalMemory::node_of_cpu(uint32_t cpu) const {
    return cpu < kMaxCpus ? cpu_nodes_[cpu] : cpu_nodes_[0];
}

ZoneInfo PhysicalMemory::zone_info(size_t index) const {
    const Zone& zone = zones_[index];
    return ZoneInfo{zone.first_frame_number() << hal::mm::kPageShift, zone.frame_count(),
                    zone.node()};
}

}  // namespace kernel::mm
