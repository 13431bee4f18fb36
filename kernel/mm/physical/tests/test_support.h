// Shared pieces of the physical memory tests: a simulated machine (RAM,
// memory map, NUMA topology) and an invariant checker that compares the
// allocator's free lists, CPU page lists and statistics with a model of what
// is allocated.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "hal/boot_info.h"
#include "hal/host/host_hal.h"
#include "kernel/mm/physical/physical_memory.h"

namespace kernel::mm::testing {

inline constexpr uint64_t kKiB = 1024;
inline constexpr uint64_t kMiB = 1024 * kKiB;
inline constexpr uint64_t kPage = hal::mm::kPageSize;

// Allocated blocks as the test believes them to be: address -> order.
using Model = std::map<uint64_t, unsigned>;
// Free blocks as (address, order).
using FreeBlocks = std::set<std::pair<uint64_t, unsigned>>;
// Frames on CPU page lists: address -> CPU.
using ListedFrames = std::map<uint64_t, uint32_t>;

// Simulated RAM at [ram_base, ram_base + ram_size); the memory map and the
// NUMA topology describe whatever part of it a test wants.
class Machine {
public:
    Machine(uint64_t ram_base, uint64_t ram_size)
        : ram_(ram_base, ram_size), memory_(std::make_unique<PhysicalMemory>()) {}

    void add(uint64_t base, uint64_t size, os::MemoryKind kind = os::MemoryKind::kUsable) {
        ASSERT_FALSE(map_.add({base, size, kind}).is_error());
    }
    void add_node_range(uint64_t base, uint64_t size, uint32_t node) {
        numa_.ranges[numa_.range_count++] = {base, size, node};
        if (node + 1 > numa_.node_count) numa_.node_count = node + 1;
    }
    os::ErrorOr<void> initialize(os::Span<const os::MemoryRange> in_use = {}) {
        return memory_->initialize(map_, numa_, in_use);
    }

    PhysicalMemory& memory() { return *memory_; }
    os::MemoryMap& map() { return map_; }
    hal::NumaTopology& numa() { return numa_; }
    const hal::host::SimulatedPhysicalMemory& ram() const { return ram_; }

private:
    hal::host::SimulatedPhysicalMemory ram_;
    os::MemoryMap map_;
    hal::NumaTopology numa_;
    std::unique_ptr<PhysicalMemory> memory_;
};

inline FreeBlocks free_blocks(const PhysicalMemory& memory) {
    FreeBlocks blocks;
    for (size_t zone = 0; zone < memory.zone_count(); ++zone) {
        memory.for_each_free_block(zone, [&](uint64_t address, unsigned order) {
            blocks.insert({address, order});
        });
    }
    return blocks;
}

// The buddy lists after giving every CPU page list back (which merges).
inline FreeBlocks free_blocks_after_draining(PhysicalMemory& memory) {
    memory.drain_cpu_lists();
    return free_blocks(memory);
}

inline ListedFrames cpu_listed_frames(const PhysicalMemory& memory) {
    ListedFrames frames;
    memory.for_each_cpu_listed_frame([&](uint32_t cpu, uint64_t address) {
        EXPECT_TRUE(frames.insert({address, cpu}).second)
            << "frame 0x" << std::hex << address << " is on two CPU lists";
    });
    return frames;
}

inline int zone_index_of(const PhysicalMemory& memory, uint64_t address) {
    for (size_t i = 0; i < memory.zone_count(); ++i) {
        ZoneInfo zone = memory.zone_info(i);
        if (address >= zone.base && address < zone.base + zone.frame_count * kPage) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// What the buddy lists would hold if the CPU page lists were drained,
// computed by merging in the test (without touching the allocator): every
// free frame in the largest aligned blocks that stay inside one zone.
inline FreeBlocks coalesced_free_blocks(const PhysicalMemory& memory) {
    FreeBlocks blocks = free_blocks(memory);
    for (auto [address, cpu] : cpu_listed_frames(memory))
        blocks.insert({address, 0});
    for (unsigned order = 0; order < kMaxOrder; ++order) {
        for (auto it = blocks.begin(); it != blocks.end();) {
            auto [address, block_order] = *it;
            uint64_t buddy = address ^ (kPage << order);
            if (block_order != order || buddy < address || !blocks.count({buddy, order}) ||
                zone_index_of(memory, buddy) != zone_index_of(memory, address)) {
                ++it;
                continue;
            }
            blocks.erase({buddy, order});
            it = blocks.erase(it);
            blocks.insert({address, order + 1});  // sorts after `it`: merged again at order + 1
        }
    }
    return blocks;
}

inline uint64_t free_pages(const FreeBlocks& blocks) {
    uint64_t pages = 0;
    for (auto [address, order] : blocks)
        pages += uint64_t{1} << order;
    return pages;
}

// Checks every invariant the buddy allocator promises, given the blocks the
// test holds:
//  - each free block is naturally aligned, inside one zone, headed by a kFree
//    frame of its order, with kTail frames behind it;
//  - each frame on a CPU page list is a kCpuListed frame of order 0 of that
//    CPU's node, and no list holds more than the high watermark;
//  - each model block is headed by a kAllocated frame of its order, inside
//    one zone;
//  - free blocks, listed frames, allocated blocks and kReserved frames cover
//    every frame of every zone exactly once;
//  - no free block has a free buddy of the same order in its zone (fully
//    coalesced; listed frames are free but deliberately not merged);
//  - per-node statistics equal what the free lists and CPU lists hold, the
//    listed frames counted as free order-0 blocks.
inline ::testing::AssertionResult check_invariants(const PhysicalMemory& memory,
                                                   const Model& allocated) {
    // frame address -> 1 free, 2 allocated, 3 on a CPU page list
    std::map<uint64_t, int> owner_of_frame;
    auto zone_of = [&](uint64_t address) { return zone_index_of(memory, address); };
    auto cover = [&](uint64_t address, unsigned order, int kind) -> ::testing::AssertionResult {
        uint64_t size = kPage << order;
        if (address % size != 0) {
            return ::testing::AssertionFailure()
                   << "block 0x" << std::hex << address << " of order " << std::dec << order
                   << " is not naturally aligned";
        }
        int zone = zone_of(address);
        if (zone < 0 || zone_of(address + size - 1) != zone) {
            return ::testing::AssertionFailure()
                   << "block 0x" << std::hex << address << " of order " << std::dec << order
                   << " is not inside one zone";
        }
        for (uint64_t frame = address; frame < address + size; frame += kPage) {
            if (!owner_of_frame.insert({frame, kind}).second) {
                return ::testing::AssertionFailure()
                       << "frame 0x" << std::hex << frame << " is in two blocks";
            }
            const PageFrame* descriptor = memory.frame_of(frame);
            FrameState expected = frame != address ? FrameState::kTail
                                  : kind == 1      ? FrameState::kFree
                                  : kind == 2      ? FrameState::kAllocated
                                                   : FrameState::kCpuListed;
            if (descriptor->state() != expected) {
                return ::testing::AssertionFailure()
                       << "frame 0x" << std::hex << frame << " has state "
                       << static_cast<int>(descriptor->state()) << ", expected "
                       << static_cast<int>(expected);
            }
        }
        if (memory.frame_of(address)->order() != order) {
            return ::testing::AssertionFailure()
                   << "block 0x" << std::hex << address << " head says order " << std::dec
                   << memory.frame_of(address)->order() << ", expected " << order;
        }
        return ::testing::AssertionSuccess();
    };

    FreeBlocks blocks = free_blocks(memory);
    std::vector<NodeStatistics> expected(kMaxNodes);
    for (auto [address, order] : blocks) {
        auto result = cover(address, order, 1);
        if (!result) return result;
        uint32_t node = memory.zone_info(zone_of(address)).node;
        expected[node].free_blocks[order]++;
        expected[node].free_bytes += kPage << order;
    }
    std::map<uint32_t, uint64_t> list_lengths;
    for (auto [address, cpu] : cpu_listed_frames(memory)) {
        auto result = cover(address, 0, 3);
        if (!result) return result;
        uint32_t node = memory.zone_info(zone_of(address)).node;
        if (node != memory.node_of_cpu(cpu)) {
            return ::testing::AssertionFailure()
                   << "frame 0x" << std::hex << address << std::dec << " of node " << node
                   << " is on the list of CPU " << cpu << ", which is on node "
                   << memory.node_of_cpu(cpu);
        }
        expected[node].free_blocks[0]++;
        expected[node].free_bytes += kPage;
        expected[node].cpu_list_frames++;
        ++list_lengths[cpu];
    }
    for (auto [cpu, length] : list_lengths) {
        if (length > memory.cpu_page_list_limits().high) {
            return ::testing::AssertionFailure()
                   << "CPU " << cpu << " lists " << length << " frames, above the high watermark "
                   << memory.cpu_page_list_limits().high;
        }
    }
    for (auto [address, order] : allocated) {
        auto result = cover(address, order, 2);
        if (!result) return result;
    }
    for (auto [address, order] : blocks) {
        if (order == kMaxOrder) continue;
        uint64_t buddy = address ^ (kPage << order);
        if (blocks.count({buddy, order}) != 0 && zone_of(buddy) == zone_of(address)) {
            return ::testing::AssertionFailure()
                   << "free buddies 0x" << std::hex << address << " and 0x" << buddy << " of order "
                   << std::dec << order << " were not merged";
        }
    }
    for (size_t i = 0; i < memory.zone_count(); ++i) {
        ZoneInfo zone = memory.zone_info(i);
        expected[zone.node].total_bytes += zone.frame_count * kPage;
        for (uint64_t frame = zone.base; frame < zone.base + zone.frame_count * kPage;
             frame += kPage) {
            if (owner_of_frame.count(frame) != 0) continue;
            if (memory.frame_of(frame)->state() != FrameState::kReserved) {
                return ::testing::AssertionFailure()
                       << "frame 0x" << std::hex << frame
                       << " is in no block and not reserved: it leaked";
            }
        }
    }
    for (uint32_t node = 0; node < kMaxNodes; ++node) {
        NodeStatistics actual = memory.statistics(node);
        if (actual.free_bytes != expected[node].free_bytes ||
            actual.total_bytes != expected[node].total_bytes) {
            return ::testing::AssertionFailure()
                   << "node " << node << " statistics: " << actual.free_bytes << " free of "
                   << actual.total_bytes << ", free lists hold " << expected[node].free_bytes
                   << " of " << expected[node].total_bytes;
        }
        if (actual.cpu_list_frames != expected[node].cpu_list_frames) {
            return ::testing::AssertionFailure()
                   << "node " << node << " statistics: " << actual.cpu_list_frames
                   << " frames on CPU lists, the lists hold " << expected[node].cpu_list_frames;
        }
        for (unsigned order = 0; order <= kMaxOrder; ++order) {
            if (actual.free_blocks[order] != expected[node].free_blocks[order]) {
                return ::testing::AssertionFailure()
                       << "node " << node << " order " << order << ": statistics say "
                       << actual.free_blocks[order] << " free blocks, the lists hold "
                       << expected[node].free_blocks[order];
            }
        }
    }
    return ::testing::AssertionSuccess();
}

// allocate() that must succeed, recorded in `model`.
inline PageFrame* allocate_into(PhysicalMemory& memory, Model& model, PageRequest request) {
    auto result = memory.allocate(request);
    EXPECT_FALSE(result.is_error()) << "order " << request.order;
    if (result.is_error()) return nullptr;
    PageFrame* frame = result.value();
    model[memory.address_of(frame)] = request.order;
    return frame;
}

inline void free_from(PhysicalMemory& memory, Model& model, uint64_t address) {
    memory.free(memory.frame_of(address));
    model.erase(address);
}

}  // namespace kernel::mm::testing
