// The physical memory manager: a buddy allocator over every usable frame of
// RAM, in zones per contiguous range and NUMA node.
//
// Layout. Each usable range of the boot memory map, cut at NUMA node
// boundaries, is a Zone with its own descriptor array (one PageFrame per
// 4 KiB frame) and free lists for orders 0..kMaxOrder. The descriptor arrays
// are carved from the usable RAM itself, all arrays of a node together, on
// that node if it has room and is not tiny (see physical_memory_setup.cc).
//
// Page 0. The frame at physical address 0 is never managed: on x86 it holds
// the real-mode interrupt table and BIOS data area that firmware reports as
// usable, and 0 means "no address" in the HAL (virtual_to_physical). Nothing
// else below 1 MiB is excluded here: on aarch64 and riscv64 no RAM is there,
// and on x86 firmware already reports the EBDA, VGA and BIOS areas as
// reserved. Instead, allocation walks each node's zones from the highest
// address down, so the scarce low memory (AP start-up trampoline, legacy
// DMA) is the last to go; the HAL reserves whatever it needs there in the
// memory map before the kernel sees it.
//
// Locking. One SpinLock per node guards that node's zones, free lists and
// counters; no path holds two node locks. The lock is held only for list
// operations: zeroing happens after it is dropped.
//
// Per-CPU page lists. Order-0 requests for the current CPU's node (kAnyNode
// or that node, exact or not) and frees of order-0 blocks of that node go
// through a short list of free frames the CPU keeps (cpu_page_cache.h), with
// interrupts masked and no lock; the list is refilled from and drained to
// the node's buddy lists in batches. Everything else bypasses the lists.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/boot_info.h"
#include "hal/cpu.h"
#include "hal/mm.h"
#include "kernel/lib/error.h"
#include "kernel/lib/memory_map.h"
#include "kernel/lib/span.h"
#include "kernel/mm/physical/cpu_page_cache.h"
#include "kernel/mm/physical/page_frame.h"
#include "kernel/mm/physical/zone.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

inline constexpr uint32_t kAnyNode = 0xffffffff;  // "prefer the current CPU's node"
inline constexpr uint32_t kMaxNodes = hal::NumaTopology::kMaxNodes;
inline constexpr size_t kMaxZones = 128;  // zone indices fit PageFrame's 8 bits
inline constexpr uint32_t kMaxCpus = hal::kMaxCpus;

struct PageRequest {
    unsigned order = 0;        // 2^order contiguous frames, 0..kMaxOrder
    uint32_t node = kAnyNode;  // the node to take them from first
    bool zeroed = false;       // clear the block before returning it
    bool exact_node = false;   // fail instead of falling back to other nodes
};

struct NodeStatistics {
    uint64_t total_bytes = 0;  // all frames of the node's zones, descriptors included
    uint64_t free_bytes = 0;   // the buddy lists' and the CPU page lists' frames
    // Free blocks per order; the frames on CPU page lists count as free
    // order-0 blocks (which they are, only not merged with their buddies).
    uint64_t free_blocks[kMaxOrder + 1] = {};
    // How many of free_blocks[0] are on CPU page lists.
    uint64_t cpu_list_frames = 0;
    // Allocations this node served for a request that preferred another node.
    uint64_t fallback_allocations = 0;
};

struct ZoneInfo {
    hal::mm::PhysicalAddress base = 0;
    uint64_t frame_count = 0;
    uint32_t node = 0;
};

class PhysicalMemory {
public:
    constexpr PhysicalMemory() = default;
    PhysicalMemory(const PhysicalMemory&) = delete;
    PhysicalMemory& operator=(const PhysicalMemory&) = delete;

    // Builds zones from the usable ranges of `map` with node ids from `numa`;
    // the descriptor arrays are carved from the usable memory itself (through
    // hal::mm::physical_to_virtual), so this runs after the direct map covers
    // RAM. `in_use` lists pages of usable RAM that are already taken (the
    // BootAllocator's hand_over()): they become allocated order-0 blocks with
    // one reference each, which free() accepts like any other.
    // Errors: kAlreadyExists (called twice), kNotFound (no usable RAM),
    // kUnsupported (a node id >= kMaxNodes, or a node of 16 TiB or more,
    // whose frames 32-bit indices cannot name), kNoSpace (more than kMaxZones
    // zones), kInvalidArgument (an `in_use` page outside usable RAM),
    // kOutOfMemory (no room for the descriptors), kBadAddress (RAM the direct
    // map does not reach).
    os::ErrorOr<void> initialize(const os::MemoryMap& map, const hal::NumaTopology& numa,
                                 os::Span<const os::MemoryRange> in_use = {});
    bool initialized() const { return zone_count_ != 0; }

    // A block of 2^order frames, naturally aligned, with one reference; from
    // the requested node (kAnyNode: the current CPU's), else from the other
    // nodes in order of increasing node-id distance unless exact_node.
    // Order 0 from the current CPU's node comes from its page list first.
    // kOutOfMemory if none is free even after draining the CPU page lists
    // of every node the request may use; kInvalidArgument for a bad order
    // or node.
    os::ErrorOr<PageFrame*> allocate(PageRequest request);

    // Returns a block head that allocate() returned. Panics on anything else
    // (double free, a tail or reserved frame, a foreign descriptor) and on a
    // block that still has more than one reference. An order-0 block of the
    // current CPU's node goes to the CPU's page list, unless split_block()
    // made it.
    void free(PageFrame* frame);

    // Drops a reference; frees the block when it was the last one. Returns
    // the references left.
    uint32_t release(PageFrame* frame);

    // Turns the allocated block headed by `frame` (order k, exactly one
    // reference) into 2^k allocated order-0 blocks with one reference each
    // and the head's usage, so that its frames can be shared, released and
    // freed one by one (a huge page that later needs 4 KiB treatment).
    // free() merges them again as they come back. Panics on anything but an
    // allocated block head with one reference.
    void split_block(PageFrame* frame);

    // The descriptor of the frame holding `address`; nullptr if unmanaged.
    PageFrame* frame_of(hal::mm::PhysicalAddress address) const;
    hal::mm::PhysicalAddress address_of(const PageFrame* frame) const;
    void* virtual_address_of(const PageFrame* frame) const;        // via the direct map
    PageFrame* frame_of_virtual(const void* direct_mapped) const;  // nullptr if not RAM

    // The node kAnyNode means on `cpu`, and whose frames its page list
    // holds. initialize() sets every CPU to the boot CPU's node; SMP
    // bring-up corrects the others (a change drains the CPU's list, from
    // this CPU: see cpu_page_cache.h on draining other CPUs' lists).
    void set_cpu_node(uint32_t cpu, uint32_t node);
    uint32_t node_of_cpu(uint32_t cpu) const;

    // ---- Per-CPU page lists (cpu_page_cache.h) --------------------------

    // Gives every frame on every CPU's page list back to the buddy lists;
    // returns how many. For tests and memory pressure; draining other CPUs'
    // lists assumes they are not allocating (true while only the boot CPU
    // allocates: see cpu_page_cache.h).
    size_t drain_cpu_lists();
    // Drains every list, then applies `limits`: kInvalidArgument unless
    // 1 <= batch <= high, or both are 0 (lists off: order-0 requests and
    // frees go to the buddy lists, as every other order does).
    os::ErrorOr<void> set_cpu_page_list_limits(CpuPageListLimits limits);
    CpuPageListLimits cpu_page_list_limits() const { return list_limits_; }

    // ---- Statistics -------------------------------------------------------

    bool node_has_memory(uint32_t node) const;
    // One past the highest node id that has memory (0 before initialize()).
    uint32_t node_limit() const;
    NodeStatistics statistics(uint32_t node) const;
    uint64_t free_bytes() const;   // all nodes
    uint64_t total_bytes() const;  // all nodes
    uint64_t allocation_failures() const {
        return __atomic_load_n(&allocation_failures_, __ATOMIC_RELAXED);
    }

    // One line per node with memory, for the boot banner:
    //   "memory: node 0: 241 MiB free of 256 MiB"
    // and, with per_order, a second line of free blocks per order:
    //   "memory: node 0 free blocks by order: 0:1 1:0 ... 10:60"
    void print_statistics(bool per_order = false) const;
    // The same text into a buffer; returns the full length (like os::format).
    size_t format_statistics(char* buffer, size_t capacity, bool per_order = false) const;

    // ---- Introspection (tests, self-checks) --------------------------------

    size_t zone_count() const { return zone_count_; }
    ZoneInfo zone_info(size_t index) const;
    // Calls visit(address, order) for every free block of zone `index`'s
    // buddy lists (not the CPU page lists). Not locked: only for quiescent
    // allocators (tests).
    template <typename Visitor>
    void for_each_free_block(size_t index, Visitor&& visit) const {
        const Zone& zone = zones_[index];
        zone.for_each_free_block([&](const PageFrame* head, unsigned order) {
            visit(zone.frame_number(head) << hal::mm::kPageShift, order);
        });
    }
    // Calls visit(cpu, address) for every frame on a CPU page list, each
    // list from its hot end. Not synchronized: only for quiescent allocators.
    template <typename Visitor>
    void for_each_cpu_listed_frame(Visitor&& visit) const {
        for (uint32_t cpu = 0; cpu < kMaxCpus; ++cpu) {
            cpu_lists_[cpu].for_each(
                [&](const PageFrame* frame) { visit(cpu, address_of(frame)); });
        }
    }

private:
    struct Node {
        mutable SpinLock lock;
        // The node's descriptor run: all its zones' arrays, lowest address
        // first. CPU page lists index the node's frames from here.
        PageFrame* frames = nullptr;
        uint8_t first_zone = Zone::kNoZone;  // chain through Zone::next_in_node
        uint64_t total_pages = 0;
        FreeCounts free;
        uint64_t fallback_allocations = 0;
    };

    // physical_memory_setup.cc
    os::ErrorOr<void> build_zones(const os::MemoryMap& map, const hal::NumaTopology& numa);
    os::ErrorOr<void> place_descriptors(os::Span<const os::MemoryRange> in_use);
    os::ErrorOr<hal::mm::PhysicalAddress> find_descriptor_run(
        uint64_t pages, uint32_t node, bool own_node_first, os::Span<const os::MemoryRange> in_use,
        const os::MemoryRange* placed, size_t placed_count) const;
    void fill_descriptors(os::Span<const os::MemoryRange> in_use);
    void link_nodes();

    [[gnu::noinline]] PageFrame* allocate_elsewhere(uint32_t preferred, PageRequest request);
    PageFrame* allocate_from_other_nodes(uint32_t preferred, unsigned order);
    PageFrame* allocate_from_node(uint32_t node, unsigned order, bool fallback);
    // A block from the node's zones, highest address first; under its lock.
    PageFrame* take_locked(Node& node, unsigned order) {
        for (uint8_t index = node.first_zone; index != Zone::kNoZone;
             index = zones_[index].next_in_node) {
            PageFrame* frame = zones_[index].allocate(order, node.free);
            if (frame != nullptr) return frame;
        }
        return nullptr;
    }
    const Zone* zone_of_frame_number(uint64_t frame_number) const;
    Zone& zone_of(PageFrame* frame, const char* operation);
    // Panics unless `frame` is an allocated block head with at most one reference.
    void check_free(const Zone& zone, const PageFrame* frame) const;
    [[noreturn, gnu::cold, gnu::noinline]] void report_bad_free(const Zone& zone,
                                                                const PageFrame* frame) const;

    // allocate() and free() beyond their common case.
    [[gnu::noinline]] os::ErrorOr<PageFrame*> allocate_slow(PageRequest request);
    [[gnu::noinline]] os::ErrorOr<PageFrame*> zeroed(PageFrame* frame, unsigned order);
    [[gnu::noinline]] void free_slow(Zone& zone, PageFrame* frame);

    // The per-CPU page lists: hit paths in physical_memory.cc (only
    // allocate() and free() and their slow paths call them), the rest in
    // cpu_page_cache.cc.
    PageFrame* allocate_from_cpu_list(uint32_t requested_node, bool may_refill);
    bool free_to_cpu_list(const Zone& zone, PageFrame* frame, bool may_drain);
    uint32_t refill_cpu_list(CpuPageList& list, uint32_t node);
    uint32_t drain_cpu_list(CpuPageList& list, uint32_t node, uint32_t count);
    // Drains the lists holding frames of `node` (kAnyNode: all); returns how many frames.
    size_t drain_cpu_lists_of_node(uint32_t node);
    uint64_t cpu_listed_frames(uint32_t node) const;
    void reset_cpu_lists(uint32_t node);
    void format_node_line(uint32_t node, bool per_order, char* buffer, size_t capacity) const;

    Zone zones_[kMaxZones];  // sorted by address
    size_t zone_count_ = 0;
    Node nodes_[kMaxNodes];
    uint32_t nodes_with_memory_ = 0;  // bit n: node n has at least one zone
    uint8_t cpu_nodes_[kMaxCpus] = {};
    CpuPageList cpu_lists_[kMaxCpus];  // cpu_lists_[c] holds frames of node cpu_nodes_[c]
    CpuPageListLimits list_limits_;
    uint64_t allocation_failures_ = 0;
    // The descriptor arrays' pages, one run per node (kReserved frames).
    os::MemoryRange descriptor_runs_[kMaxNodes];
    size_t descriptor_run_count_ = 0;
};

// The kernel's single instance.
PhysicalMemory& physical_memory();

}  // namespace kernel::mm
