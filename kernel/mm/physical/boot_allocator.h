// Page allocation before the buddy allocator exists: kernel/mm's init needs
// page tables to map all of RAM, and PhysicalMemory needs all of RAM mapped
// to build its descriptor arrays.
//
// A bump allocator over the usable ranges of the boot memory map, limited to
// what the HAL's early direct map reaches. It records what it hands out;
// hand_over() passes that record to PhysicalMemory::initialize(), which
// turns each taken page into an allocated order-0 block (so a boot page
// table can later be freed like any other page):
//
//   BootAllocator boot(boot_info.memory_map);
//   ... boot.allocate() for the first page tables ...
//   TRY(physical_memory().initialize(boot_info.memory_map, boot_info.numa, boot.hand_over()));
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"
#include "kernel/lib/memory_map.h"
#include "kernel/lib/span.h"

namespace kernel::mm {

class BootAllocator {
public:
    // Room for one taken run per usable range it moves through.
    static constexpr size_t kMaxTakenRanges = 16;
    // Never below 1 MiB: the few boot pages fit anywhere, while low memory
    // is scarce on x86 (AP trampoline, legacy DMA). Also keeps page 0 out.
    static constexpr hal::mm::PhysicalAddress kLowestAddress = 0x100000;

    // `map` must stay unchanged while the allocator is in use.
    explicit BootAllocator(const os::MemoryMap& map) : map_(map) {}
    BootAllocator(const BootAllocator&) = delete;
    BootAllocator& operator=(const BootAllocator&) = delete;

    // `count` physically contiguous pages, zeroed, from the lowest usable
    // RAM at or above kLowestAddress that the early direct map covers.
    // kOutOfMemory when no such range is left, kNoSpace when the record of
    // taken ranges is full, kInvalidArgument for count 0.
    os::ErrorOr<hal::mm::PhysicalAddress> allocate(size_t count = 1);

    // What allocate() has handed out, merged into contiguous runs, ascending.
    os::Span<const os::MemoryRange> taken() const { return {taken_, taken_count_}; }
    uint64_t pages_taken() const;

    // Ends the allocator's life (allocate() panics afterwards, since the
    // buddy allocator now owns those pages) and returns taken().
    os::Span<const os::MemoryRange> hand_over();

private:
    os::ErrorOr<void> record(hal::mm::PhysicalAddress base, uint64_t size);

    const os::MemoryMap& map_;
    size_t range_index_ = 0;
    hal::mm::PhysicalAddress cursor_ = kLowestAddress;  // nothing below is handed out
    os::MemoryRange taken_[kMaxTakenRanges];
    size_t taken_count_ = 0;
    bool handed_over_ = false;
};

}  // namespace kernel::mm
