// Allocation, freeing and lookups, with the hit paths of the per-CPU page
// lists. initialize() is in physical_memory_setup.cc, the statistics in
// physical_memory_statistics.cc, the rest of the page lists in
// cpu_page_cache.cc.
#include "kernel/mm/physical/physical_memory.h"

#include "hal/cpu.h"
#include "kernel/debug/panic.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {
namespace {

constinit PhysicalMemory the_physical_memory;

}  // namespace

PhysicalMemory& physical_memory() {
    return the_physical_memory;
}

// The common case on its own, so that it compiles to a few dozen
// instructions and no call: order 0 from this CPU's page list while it has
// frames. It needs no validation: a bad node is never the CPU's.
os::ErrorOr<PageFrame*> PhysicalMemory::allocate(PageRequest request) {
    if (request.order == 0) {
        if (PageFrame* frame = allocate_from_cpu_list(request.node, false)) {
            if (request.zeroed) return zeroed(frame, 0);
            return frame;
        }
    }
    return allocate_slow(request);
}

// Out of line, so that allocate() keeps nothing across a call.
os::ErrorOr<PageFrame*> PhysicalMemory::zeroed(PageFrame* frame, unsigned order) {
    // Outside any lock: zeroing 4 MiB must not stall the node's other CPUs.
    __builtin_memset(virtual_address_of(frame), 0, hal::mm::kPageSize << order);
    return frame;
}

os::ErrorOr<PageFrame*> PhysicalMemory::allocate_slow(PageRequest request) {
    if (request.order > kMaxOrder) return os::Error::kInvalidArgument;
    if (request.node != kAnyNode && request.node >= kMaxNodes) {
        return os::Error::kInvalidArgument;
    }
    PageFrame* frame = request.order == 0 ? allocate_from_cpu_list(request.node, true) : nullptr;
    if (frame == nullptr) {
        uint32_t preferred =
            request.node == kAnyNode ? node_of_cpu(hal::current_cpu_index()) : request.node;
        frame = allocate_from_node(preferred, request.order, false);
        if (frame == nullptr) frame = allocate_elsewhere(preferred, request);
    }
    if (frame == nullptr) {
        __atomic_fetch_add(&allocation_failures_, 1, __ATOMIC_RELAXED);
        return os::Error::kOutOfMemory;
    }
    if (request.zeroed) return zeroed(frame, request.order);
    return frame;
}

// No lock, only this CPU's list with interrupts masked; nullptr if the
// request is not for this CPU's node or the list is empty (and, with
// `may_refill`, its node's buddy lists too).
inline PageFrame* PhysicalMemory::allocate_from_cpu_list(uint32_t requested_node, bool may_refill) {
    InterruptGuard interrupts;
    uint32_t cpu = hal::current_cpu_index();
    if (cpu >= kMaxCpus) return nullptr;  // beyond the node table: no list either
    uint32_t node = cpu_nodes_[cpu];
    if (requested_node != kAnyNode && requested_node != node) return nullptr;
    CpuPageList& list = cpu_lists_[cpu];
    if (list.empty() && (!may_refill || refill_cpu_list(list, node) == 0)) return nullptr;
    return list.take();
}

// The preferred node's buddy lists had nothing: the other nodes' (unless
// exact_node), and, if that fails too, all of it again after draining the
// CPU page lists, whose frames merge with nothing until they are back.
PageFrame* PhysicalMemory::allocate_elsewhere(uint32_t preferred, PageRequest request) {
    PageFrame* frame =
        request.exact_node ? nullptr : allocate_from_other_nodes(preferred, request.order);
    if (frame == nullptr &&
        drain_cpu_lists_of_node(request.exact_node ? preferred : kAnyNode) != 0) {
        frame = allocate_from_node(preferred, request.order, false);
        if (frame == nullptr && !request.exact_node) {
            frame = allocate_from_other_nodes(preferred, request.order);
        }
    }
    return frame;
}

PageFrame* PhysicalMemory::allocate_from_other_nodes(uint32_t preferred, unsigned order) {
    PageFrame* frame = nullptr;
    // The nearest nodes first; at equal distance the lower id. Node ids
    // stand in for distance until the kernel reads ACPI SLIT or the device
    // tree's distance-map. The other nodes' CPU page lists are not used:
    // they belong to those nodes' CPUs.
    for (uint32_t distance = 1; frame == nullptr && distance < kMaxNodes; ++distance) {
        if (preferred >= distance) {
            frame = allocate_from_node(preferred - distance, order, true);
        }
        if (frame == nullptr && preferred + distance < kMaxNodes) {
            frame = allocate_from_node(preferred + distance, order, true);
        }
    }
    return frame;
}

PageFrame* PhysicalMemory::allocate_from_node(uint32_t node_id, unsigned order, bool fallback) {
    if ((nodes_with_memory_ & (1u << node_id)) == 0) return nullptr;
    Node& node = nodes_[node_id];
    SpinLockGuard guard(node.lock);
    PageFrame* frame = take_locked(node, order);
    if (frame != nullptr && fallback) ++node.fallback_allocations;
    return frame;
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

void PhysicalMemory::check_free(const Zone& zone, const PageFrame* frame) const {
    if (frame->state_ == FrameState::kAllocated && frame->reference_count() <= 1) [[likely]] {
        return;
    }
    report_bad_free(zone, frame);
}

void PhysicalMemory::report_bad_free(const Zone& zone, const PageFrame* frame) const {
    auto address = static_cast<unsigned long long>(zone.frame_number(frame) << hal::mm::kPageShift);
    switch (frame->state_) {
        case FrameState::kAllocated:
            break;
        case FrameState::kFree:
        case FrameState::kCpuListed:
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
    panic("physical memory: free of the block at 0x%llx while %u references remain", address,
          frame->reference_count());
}

// Like allocate(): the common case (this CPU's list has room) on its own.
void PhysicalMemory::free(PageFrame* frame) {
    Zone& zone = zone_of(frame, "free");
    if (!free_to_cpu_list(zone, frame, false)) free_slow(zone, frame);
}

void PhysicalMemory::free_slow(Zone& zone, PageFrame* frame) {
    if (free_to_cpu_list(zone, frame, true)) return;
    Node& node = nodes_[zone.node()];
    SpinLockGuard guard(node.lock);
    // Checked under the lock: two CPUs freeing one block must not both pass.
    check_free(zone, frame);
    zone.free(frame, node.free);
}

// No lock, only this CPU's list with interrupts masked. False if the frame
// does not go to this CPU's list, or if the list is full and `may_drain` is
// false.
inline bool PhysicalMemory::free_to_cpu_list(const Zone& zone, PageFrame* frame, bool may_drain) {
    // Order and split mark mean something only in a block head; whatever
    // else passes here fails check_free() below or on the locked path.
    if (frame->order_ != 0 || frame->split_) return false;
    InterruptGuard interrupts;
    uint32_t cpu = hal::current_cpu_index();
    if (cpu >= kMaxCpus || cpu_nodes_[cpu] != zone.node()) return false;
    // Without the node lock this catches every double free on one CPU and
    // one after the other on several, but two CPUs freeing one frame at the
    // same instant could both pass, which the lock ruled out. Revisit once
    // several CPUs allocate (cpu_page_cache.h).
    check_free(zone, frame);
    CpuPageList& list = cpu_lists_[cpu];
    if (list.count() >= list_limits_.high) {
        if (!may_drain || list_limits_.high == 0) return false;  // 0: lists off
        drain_cpu_list(list, zone.node(), list_limits_.batch);
    }
    list.put(frame);
    return true;
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

uint32_t PhysicalMemory::node_of_cpu(uint32_t cpu) const {
    return cpu < kMaxCpus ? cpu_nodes_[cpu] : cpu_nodes_[0];
}

ZoneInfo PhysicalMemory::zone_info(size_t index) const {
    const Zone& zone = zones_[index];
    return ZoneInfo{zone.first_frame_number() << hal::mm::kPageShift, zone.frame_count(),
                    zone.node()};
}

}  // namespace kernel::mm
