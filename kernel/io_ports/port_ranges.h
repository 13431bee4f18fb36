// The pure parts of I/O port capabilities (io_ports.h), host-tested: the
// check io_port_create makes, and the edits of a process's PortAccess
// (hal/io_ports.h) together with the table of which object granted each
// range.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/io_ports.h"
#include "kernel/lib/error.h"

namespace kernel::io_ports {

using hal::io_ports::kMaxRanges;
using hal::io_ports::kPortCount;
using hal::io_ports::PortAccess;
using hal::io_ports::Range;

// io_port_create's arguments: count >= 1 and [first, first + count) inside
// the port space (no wrap-around): kInvalidArgument; overlapping any of the
// kernel's own ranges: kPermissionDenied.
inline os::ErrorOr<Range> check_request(uint64_t first, uint64_t count, const Range* reserved,
                                        size_t reserved_count) {
    if (count == 0 || first >= kPortCount || count > kPortCount - first) {
        return os::Error::kInvalidArgument;
    }
    for (size_t i = 0; i < reserved_count; ++i) {
        uint64_t reserved_end = uint64_t{reserved[i].first} + reserved[i].count;
        if (first < reserved_end && reserved[i].first < first + count) {
            return os::Error::kPermissionDenied;
        }
    }
    return Range{static_cast<uint32_t>(first), static_cast<uint32_t>(count)};
}

// A process's grants: access.ranges[i] came from owners[i]. Edits run
// between begin_edit() and end_edit() (the sequence lock of hal/io_ports.h)
// under the caller's lock.
struct GrantTable {
    PortAccess access;
    const void* owners[kMaxRanges] = {};

    bool holds(const void* owner) const {
        for (uint32_t i = 0; i < access.range_count; ++i) {
            if (owners[i] == owner) return true;
        }
        return false;
    }

    // Adds `range` granted by `owner`; kNoSpace when the table is full.
    os::ErrorOr<void> add(Range range, const void* owner) {
        uint32_t count = access.range_count;
        if (count == kMaxRanges) return os::Error::kNoSpace;
        __atomic_store_n(&access.ranges[count].first, range.first, __ATOMIC_RELAXED);
        __atomic_store_n(&access.ranges[count].count, range.count, __ATOMIC_RELAXED);
        owners[count] = owner;
        __atomic_store_n(&access.range_count, count + 1, __ATOMIC_RELAXED);
        return {};
    }

    // Removes every range `owner` granted; returns how many.
    uint32_t remove(const void* owner) {
        uint32_t kept = 0;
        uint32_t count = access.range_count;
        for (uint32_t i = 0; i < count; ++i) {
            if (owners[i] == owner) continue;
            __atomic_store_n(&access.ranges[kept].first, access.ranges[i].first, __ATOMIC_RELAXED);
            __atomic_store_n(&access.ranges[kept].count, access.ranges[i].count, __ATOMIC_RELAXED);
            owners[kept++] = owners[i];
        }
        for (uint32_t i = kept; i < count; ++i)
            owners[i] = nullptr;
        __atomic_store_n(&access.range_count, kept, __ATOMIC_RELAXED);
        return count - kept;
    }

    // The writer's half of the sequence lock: generation odd during the
    // edit, then `new_generation` (even, never used before).
    void begin_edit() {
        __atomic_store_n(&access.generation, access.generation | 1, __ATOMIC_RELAXED);
        __atomic_thread_fence(__ATOMIC_RELEASE);
    }
    void end_edit(uint64_t new_generation) {
        __atomic_store_n(&access.generation, new_generation, __ATOMIC_RELEASE);
    }
};

}  // namespace kernel::io_ports
