// PhysicalMemory::initialize(): from the boot memory map to zones with
// descriptor arrays and seeded free lists.
#include "kernel/lib/utility.h"
#include "kernel/mm/physical/physical_memory.h"

namespace kernel::mm {
namespace {

using hal::mm::kPageSize;
using hal::mm::PhysicalAddress;

// A node whose descriptors would take more than 1/16 of it (a few pages of
// RAM, described as a node of its own) keeps them on another node if it can.
constexpr uint64_t kTinyNodeShare = 16;

// The first address after `base` (and at most `end`) where the NUMA node may
// change: the end of the affinity range holding `base`, or the start of the
// next one. Rounded up to a page, so a page that straddles two nodes (which
// firmware should not describe) belongs to the first.
uint64_t node_segment_end(const hal::NumaTopology& numa, uint64_t base, uint64_t end) {
    uint64_t limit = end;
    for (size_t i = 0; i < numa.range_count; ++i) {
        const hal::MemoryAffinity& range = numa.ranges[i];
        if (range.size == 0) continue;
        uint64_t range_end;
        if (!os::checked_add(range.base, range.size, &range_end)) range_end = ~uint64_t{0};
        if (range.base <= base && base < range_end) {
            limit = os::min(limit, range_end);
        } else if (range.base > base) {
            limit = os::min(limit, range.base);
        }
    }
    return os::min(os::align_up(limit, kPageSize), end);
}

// [base, end) of `range` widened to whole pages.
uint64_t page_base(const os::MemoryRange& range) {
    return os::align_down(range.base, kPageSize);
}
uint64_t page_end(const os::MemoryRange& range) {
    return os::align_up(range.end(), kPageSize);
}

bool overlaps(const os::MemoryRange& range, uint64_t base, uint64_t end) {
    return page_base(range) < end && base < page_end(range);
}

}  // namespace

os::ErrorOr<void> PhysicalMemory::initialize(const os::MemoryMap& map,
                                             const hal::NumaTopology& numa,
                                             os::Span<const os::MemoryRange> in_use) {
    if (initialized()) return os::Error::kAlreadyExists;
    if (numa.boot_cpu_node >= kMaxNodes) return os::Error::kUnsupported;

    os::ErrorOr<void> result = build_zones(map, numa);
    if (!result.is_error() && zone_count_ == 0) result = os::Error::kNotFound;
    // Every page the boot allocator took must be RAM we manage.
    for (size_t i = 0; !result.is_error() && i < in_use.size(); ++i) {
        for (uint64_t page = page_base(in_use[i]); page < page_end(in_use[i]); page += kPageSize) {
            if (zone_of_frame_number(page >> hal::mm::kPageShift) == nullptr) {
                result = os::Error::kInvalidArgument;
                break;
            }
        }
    }
    if (!result.is_error()) result = place_descriptors(in_use);
    if (result.is_error()) {
        // Leave the instance uninitialized, as it was.
        zone_count_ = 0;
        descriptor_run_count_ = 0;
        return result.error();
    }

    // Nothing below can fail.
    link_nodes();
    fill_descriptors(in_use);
    reset_cpu_lists(numa.boot_cpu_node);
    return {};
}

os::ErrorOr<void> PhysicalMemory::build_zones(const os::MemoryMap& map,
                                              const hal::NumaTopology& numa) {
    for (size_t i = 0; i < numa.range_count; ++i) {
        if (numa.ranges[i].node >= kMaxNodes) return os::Error::kUnsupported;
    }
    for (const os::MemoryRange& range : map) {
        if (range.kind != os::MemoryKind::kUsable) continue;
        // Never page 0 (see the header); only whole pages.
        uint64_t base = os::max(os::align_up(range.base, kPageSize), uint64_t{kPageSize});
        uint64_t end = os::align_down(range.end(), kPageSize);
        while (base < end) {
            uint64_t segment_end = node_segment_end(numa, base, end);
            segment_end = os::min(segment_end, base + (Zone::kMaxFrames << hal::mm::kPageShift));
            uint32_t node = numa.node_of(base);
            Zone* previous = zone_count_ > 0 ? &zones_[zone_count_ - 1] : nullptr;
            uint64_t first = base >> hal::mm::kPageShift;
            uint64_t count = (segment_end - base) >> hal::mm::kPageShift;
            if (previous != nullptr && previous->end_frame_number() == first &&
                previous->node() == node && previous->frame_count() + count <= Zone::kMaxFrames) {
                // Two touching affinity ranges of one node: one zone.
                previous->set_up(previous->first_frame_number(), previous->frame_count() + count,
                                 node);
            } else {
                if (zone_count_ == kMaxZones) return os::Error::kNoSpace;
                zones_[zone_count_++].set_up(first, count, node);
            }
            base = segment_end;
        }
    }
    return {};
}

os::ErrorOr<void> PhysicalMemory::place_descriptors(os::Span<const os::MemoryRange> in_use) {
    // All arrays of a node share one run of pages: a zone too small to hold
    // its own array (a one-page range needs a whole page of descriptors)
    // then costs only its 24 bytes per frame inside a bigger zone.
    for (uint32_t node = 0; node < kMaxNodes; ++node) {
        uint64_t frames = 0;
        for (size_t i = 0; i < zone_count_; ++i) {
            if (zones_[i].node() == node) frames += zones_[i].frame_count();
        }
        if (frames == 0) continue;
        // CPU page lists name a node's frames by 32-bit index (16 TiB).
        if (frames >= PageFrame::kNoFrame) return os::Error::kUnsupported;
        uint64_t bytes = os::align_up(frames * sizeof(PageFrame), kPageSize);
        uint64_t pages = bytes / kPageSize;
        // On its own node unless that would eat a large share of a tiny
        // node (normally the arrays take 0.6%): locality matters less
        // there than the memory.
        bool own_node_first = pages * kTinyNodeShare <= frames;
        PhysicalAddress run = TRY(find_descriptor_run(pages, node, own_node_first, in_use,
                                                      descriptor_runs_, descriptor_run_count_));
        auto* cursor = static_cast<PageFrame*>(hal::mm::physical_to_virtual(run));
        if (cursor == nullptr || hal::mm::physical_to_virtual(run + bytes - 1) == nullptr) {
            return os::Error::kBadAddress;
        }
        descriptor_runs_[descriptor_run_count_++] = {run, bytes, os::MemoryKind::kReserved};
        for (size_t i = 0; i < zone_count_; ++i) {
            if (zones_[i].node() != node) continue;
            zones_[i].set_frames(cursor);
            cursor += zones_[i].frame_count();
        }
    }
    return {};
}

os::ErrorOr<PhysicalAddress> PhysicalMemory::find_descriptor_run(
    uint64_t pages, uint32_t node, bool own_node_first, os::Span<const os::MemoryRange> in_use,
    const os::MemoryRange* placed, size_t placed_count) const {
    uint64_t size = pages * kPageSize;
    // The node's own zones and everyone else's, in the order asked; each
    // zone from the top, keeping low memory (scarce on x86) for last.
    for (int pass = 0; pass < 2; ++pass) {
        bool own_node_pass = (pass == 0) == own_node_first;
        for (size_t i = zone_count_; i-- > 0;) {
            const Zone& zone = zones_[i];
            if ((zone.node() == node) != own_node_pass) continue;
            uint64_t bottom = zone.first_frame_number() << hal::mm::kPageShift;
            uint64_t top = zone.end_frame_number() << hal::mm::kPageShift;
            while (top > bottom && top - bottom >= size) {
                uint64_t start = top - size;
                // Slide below whatever is in the way (taken pages, other
                // nodes' arrays) and try again.
                const os::MemoryRange* blocker = nullptr;
                for (const os::MemoryRange& range : in_use) {
                    if (overlaps(range, start, top)) blocker = &range;
                }
                for (size_t j = 0; j < placed_count; ++j) {
                    if (overlaps(placed[j], start, top)) blocker = &placed[j];
                }
                if (blocker == nullptr) return start;
                top = page_base(*blocker);
            }
        }
    }
    return os::Error::kOutOfMemory;
}

void PhysicalMemory::link_nodes() {
    nodes_with_memory_ = 0;
    for (Node& node : nodes_) {
        node.frames = nullptr;
        node.first_zone = Zone::kNoZone;
        node.total_pages = 0;
    }
    // Pushing in address order leaves each chain highest address first.
    for (size_t i = 0; i < zone_count_; ++i) {
        Node& node = nodes_[zones_[i].node()];
        // The lowest zone's array starts the node's run (place_descriptors).
        if (node.frames == nullptr) node.frames = zones_[i].frames();
        zones_[i].next_in_node = node.first_zone;
        node.first_zone = static_cast<uint8_t>(i);
        node.total_pages += zones_[i].frame_count();
        nodes_with_memory_ |= 1u << zones_[i].node();
    }
}

void PhysicalMemory::fill_descriptors(os::Span<const os::MemoryRange> in_use) {
    for (size_t i = 0; i < zone_count_; ++i) {
        Zone& zone = zones_[i];
        for (uint64_t j = 0; j < zone.frame_count(); ++j) {
            zone.frames()[j].reset(zone.node(), static_cast<uint8_t>(i));
        }
    }
    for (size_t i = 0; i < descriptor_run_count_; ++i) {
        const os::MemoryRange& run = descriptor_runs_[i];
        for (uint64_t page = run.base; page < run.end(); page += kPageSize) {
            frame_of(page)->state_ = FrameState::kReserved;
        }
    }
    for (const os::MemoryRange& range : in_use) {
        for (uint64_t page = page_base(range); page < page_end(range); page += kPageSize) {
            PageFrame* frame = frame_of(page);
            frame->state_ = FrameState::kAllocated;
            frame->order_ = 0;
            frame->references_ = 1;
        }
    }
    // Everything still kTail belongs to no block: free it in maximal runs.
    for (size_t i = 0; i < zone_count_; ++i) {
        Zone& zone = zones_[i];
        FreeCounts& counts = nodes_[zone.node()].free;
        uint64_t run_start = 0;
        uint64_t run_length = 0;
        for (uint64_t j = 0; j < zone.frame_count(); ++j) {
            if (zone.frames()[j].state_ == FrameState::kTail) {
                if (run_length++ == 0) run_start = zone.first_frame_number() + j;
                continue;
            }
            if (run_length > 0) zone.add_free_run(run_start, run_length, counts);
            run_length = 0;
        }
        if (run_length > 0) zone.add_free_run(run_start, run_length, counts);
    }
}

}  // namespace kernel::mm
