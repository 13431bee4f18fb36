// The physical memory map: what the firmware reported, plus the ranges the
// boot code reserved (kernel image, boot archive, device tree).
//
// Invariant (kept by every operation): ranges are sorted by base, do not overlap, and
// no two neighbours with the same kind touch (they are merged). Where the
// firmware reported overlapping ranges, the more restrictive kind wins: any
// non-usable kind beats kUsable, so memory is never handed out twice or handed
// out while firmware still uses it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"

namespace os {

enum class MemoryKind : uint8_t {
    kUsable,           // free RAM
    kReserved,         // firmware or hardware: never touch
    kAcpiReclaimable,  // ACPI tables; usable once they have been read
    kAcpiNvs,          // ACPI non-volatile storage
    kDefective,        // reported bad by firmware
    kKernel,           // the kernel image itself
    kBootArchive,      // the boot archive of user-space programs
    kFirmwareData,     // data the kernel still reads: device tree, boot loader info
};

const char* to_string(MemoryKind kind);

struct MemoryRange {
    uint64_t base = 0;
    uint64_t size = 0;
    MemoryKind kind = MemoryKind::kReserved;

    // One past the last byte. Ranges never wrap: add() rejects those that would.
    uint64_t end() const { return base + size; }
};

class MemoryMap {
public:
    static constexpr size_t kCapacity = 128;

    // Adds a range as reported. Fails with kInvalidArgument for an empty or
    // wrapping range, and with kNoSpace, changing nothing, when the result
    // needs more ranges than the map has room for. Keeps the invariant.
    ErrorOr<void> add(MemoryRange range);

    // Marks [base, base + size) as `kind`, splitting the ranges it overlaps.
    // Only RAM can be reserved: bytes not covered by a kUsable range are left
    // as they are.
    ErrorOr<void> reserve(uint64_t base, uint64_t size, MemoryKind kind);

    size_t size() const { return count_; }
    const MemoryRange& operator[](size_t index) const { return ranges_[index]; }
    const MemoryRange* begin() const { return ranges_; }
    const MemoryRange* end() const { return ranges_ + count_; }

    // True if [base, base + size) lies within a single range of `kind`.
    // Touching ranges of one kind are merged, so one range is enough.
    bool contains(uint64_t base, uint64_t size, MemoryKind kind) const;

    // Sum of the sizes of all ranges of `kind`.
    uint64_t total(MemoryKind kind) const;

private:
    ErrorOr<void> insert_at(size_t index, MemoryRange range);
    void remove_at(size_t index);
    // Splits the range containing `address` (if any) into two at `address`.
    ErrorOr<void> split_at(uint64_t address);
    // Sets [base, end) to `kind` where `overrides(existing, kind)` allows,
    // and, if fill_gaps, also where no range exists yet.
    ErrorOr<void> paint(uint64_t base, uint64_t end, MemoryKind kind, bool fill_gaps,
                        bool (*overrides)(MemoryKind existing, MemoryKind incoming));
    void merge_neighbours();

    MemoryRange ranges_[kCapacity];
    size_t count_ = 0;
};

}  // namespace os
