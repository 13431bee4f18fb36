#include "kernel/lib/memory_map.h"

namespace os {
namespace {

// Firmware may report overlapping ranges. Whoever says "do not use this"
// wins over whoever says "free RAM"; between two restrictive kinds the first
// report is kept.
bool add_overrides(MemoryKind existing, MemoryKind incoming) {
    return existing == MemoryKind::kUsable && incoming != MemoryKind::kUsable;
}

// reserve() only ever takes memory away from the free pool.
bool reserve_overrides(MemoryKind existing, MemoryKind) { return existing == MemoryKind::kUsable; }

}  // namespace

const char* to_string(MemoryKind kind) {
    switch (kind) {
        case MemoryKind::kUsable:
            return "usable";
        case MemoryKind::kReserved:
            return "reserved";
        case MemoryKind::kAcpiReclaimable:
            return "ACPI reclaimable";
        case MemoryKind::kAcpiNvs:
            return "ACPI NVS";
        case MemoryKind::kDefective:
            return "defective";
        case MemoryKind::kKernel:
            return "kernel";
        case MemoryKind::kBootArchive:
            return "boot archive";
        case MemoryKind::kFirmwareData:
            return "firmware data";
    }
    return "unknown";
}

ErrorOr<void> MemoryMap::insert_at(size_t index, MemoryRange range) {
    if (count_ == kCapacity) return Error::kNoSpace;
    for (size_t i = count_; i > index; --i) ranges_[i] = ranges_[i - 1];
    ranges_[index] = range;
    ++count_;
    return {};
}

void MemoryMap::remove_at(size_t index) {
    for (size_t i = index; i + 1 < count_; ++i) ranges_[i] = ranges_[i + 1];
    --count_;
}

ErrorOr<void> MemoryMap::split_at(uint64_t address) {
    for (size_t i = 0; i < count_; ++i) {
        MemoryRange& range = ranges_[i];
        if (range.base < address && address < range.end()) {
            // Insert before shrinking: on a full map the range must stay whole.
            TRY(insert_at(i + 1, MemoryRange{address, range.end() - address, range.kind}));
            ranges_[i].size = address - ranges_[i].base;
            return {};
        }
    }
    return {};
}

ErrorOr<void> MemoryMap::paint(uint64_t base, uint64_t end, MemoryKind kind, bool fill_gaps,
                               bool (*overrides)(MemoryKind existing, MemoryKind incoming)) {
    // Only ranges whose kind actually changes are split: painting what is
    // already `kind` (or may not be overridden) needs no room.
    auto changes = [&](const MemoryRange& range) {
        return range.kind != kind && overrides(range.kind, kind);
    };

    // Count the ranges the operation adds before changing anything, so that
    // a map without room for them is left as it was.
    size_t new_ranges = 0;
    uint64_t covered = base;
    for (const MemoryRange& range : *this) {
        if (range.end() <= base || range.base >= end) continue;
        if (fill_gaps && range.base > covered) ++new_ranges;  // the gap before `range`
        covered = range.end();
        if (changes(range)) new_ranges += (range.base < base) + (range.end() > end);
    }
    if (fill_gaps && covered < end) ++new_ranges;
    if (count_ + new_ranges > kCapacity) return Error::kNoSpace;

    // After these splits every range that changes lies entirely inside [base, end).
    for (const MemoryRange& range : *this) {
        if (range.base < base && base < range.end() && changes(range)) {
            TRY(split_at(base));
            break;
        }
    }
    for (const MemoryRange& range : *this) {
        if (range.base < end && end < range.end() && changes(range)) {
            TRY(split_at(end));
            break;
        }
    }

    uint64_t cursor = base;
    for (size_t i = 0; i < count_ && cursor < end; ++i) {
        MemoryRange& range = ranges_[i];
        if (range.end() <= cursor) continue;
        if (fill_gaps && cursor < range.base) {
            uint64_t gap_end = min(range.base, end);
            TRY(insert_at(i, MemoryRange{cursor, gap_end - cursor, kind}));
            cursor = gap_end;
            continue;  // ranges_[i] is now the gap; the next iteration reaches the old range
        }
        if (range.base >= end) break;
        if (overrides(range.kind, kind)) range.kind = kind;
        cursor = range.end();
    }
    if (fill_gaps && cursor < end) TRY(insert_at(count_, MemoryRange{cursor, end - cursor, kind}));
    merge_neighbours();
    return {};
}

void MemoryMap::merge_neighbours() {
    for (size_t i = 0; i + 1 < count_;) {
        MemoryRange& range = ranges_[i];
        const MemoryRange& next = ranges_[i + 1];
        if (range.kind == next.kind && range.end() == next.base) {
            range.size += next.size;
            remove_at(i + 1);
        } else {
            ++i;
        }
    }
}

ErrorOr<void> MemoryMap::add(MemoryRange range) {
    uint64_t end;
    if (range.size == 0 || !checked_add(range.base, range.size, &end)) {
        return Error::kInvalidArgument;
    }
    return paint(range.base, end, range.kind, true, add_overrides);
}

ErrorOr<void> MemoryMap::reserve(uint64_t base, uint64_t size, MemoryKind kind) {
    uint64_t end;
    if (size == 0 || !checked_add(base, size, &end)) return Error::kInvalidArgument;
    return paint(base, end, kind, false, reserve_overrides);
}

bool MemoryMap::contains(uint64_t base, uint64_t size, MemoryKind kind) const {
    for (const MemoryRange& range : *this) {
        bool starts_inside = range.base <= base && base < range.end();
        if (range.kind == kind && starts_inside && size <= range.end() - base) return true;
    }
    return false;
}

uint64_t MemoryMap::total(MemoryKind kind) const {
    uint64_t sum = 0;
    for (const MemoryRange& range : *this) {
        if (range.kind == kind) sum += range.size;
    }
    return sum;
}

}  // namespace os
