#include "kernel/mm/physical/boot_allocator.h"

#include "kernel/debug/panic.h"
#include "kernel/lib/utility.h"

namespace kernel::mm {

using hal::mm::kPageSize;

os::ErrorOr<hal::mm::PhysicalAddress> BootAllocator::allocate(size_t count) {
    if (handed_over_) panic("BootAllocator: allocate() after hand_over() to PhysicalMemory");
    if (count == 0 || count > (uint64_t{1} << 40) / kPageSize) return os::Error::kInvalidArgument;
    uint64_t size = count * kPageSize;

    // Ranges are sorted and cursor_ only grows, so nothing is handed out
    // twice. The search runs on copies: a request that fails must not move
    // the cursor past memory a smaller request could still use.
    uint64_t cursor = cursor_;
    for (size_t index = range_index_; index < map_.size(); ++index) {
        const os::MemoryRange& range = map_[index];
        if (range.kind != os::MemoryKind::kUsable) continue;
        uint64_t end = os::align_down(range.end(), kPageSize);
        for (;;) {
            uint64_t base = os::max(os::align_up(range.base, kPageSize), cursor);
            if (base >= end || end - base < size) break;  // on to the next range
            if (!hal::mm::early_direct_map_covers(base, size)) {
                // Early maps are built of 2 MiB (or larger) pages: step to
                // the next one rather than probing page by page.
                cursor = os::align_up(base + 1, hal::mm::kHugePageSize);
                continue;
            }
            TRY(record(base, size));
            range_index_ = index;
            cursor_ = base + size;
            __builtin_memset(hal::mm::physical_to_virtual(base), 0, size);
            return base;
        }
    }
    return os::Error::kOutOfMemory;
}

os::ErrorOr<void> BootAllocator::record(hal::mm::PhysicalAddress base, uint64_t size) {
    if (taken_count_ > 0 && taken_[taken_count_ - 1].end() == base) {
        taken_[taken_count_ - 1].size += size;
        return {};
    }
    if (taken_count_ == kMaxTakenRanges) return os::Error::kNoSpace;
    taken_[taken_count_++] = {base, size, os::MemoryKind::kUsable};
    return {};
}

uint64_t BootAllocator::pages_taken() const {
    uint64_t pages = 0;
    for (const os::MemoryRange& range : taken())
        pages += range.size / kPageSize;
    return pages;
}

os::Span<const os::MemoryRange> BootAllocator::hand_over() {
    handed_over_ = true;
    return taken();
}

}  // namespace kernel::mm
