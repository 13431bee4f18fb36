// The pure checks of the memory calls (host-tested in tests/checks_test.cc):
// memory_create_device's "device registers yes, RAM no", and memory_map's
// rights and range checks.
#pragma once

#include <stdint.h>

#include "cairn/capability.h"
#include "cairn/syscalls.h"
#include "kernel/lib/error.h"
#include "kernel/lib/memory_map.h"

namespace kernel::memory_cap {

// Whether `kind` is RAM that the kernel, firmware or the boot loader uses.
// kReserved is the one kind left out: on x86_64 the firmware's reserved
// ranges are ROM and device windows (the local APIC, the I/O APIC, flash),
// which drivers legitimately map. (On device-tree machines reservations lie
// inside RAM; those stay mappable, a known weakness: see the report.)
constexpr bool is_ram(os::MemoryKind kind) {
    return kind != os::MemoryKind::kReserved;
}

// Validates a device range: page-aligned base and size, size > 0, no wrap
// (kInvalidArgument); overlapping any RAM range of `map` is kPermissionDenied.
inline os::ErrorOr<void> check_device_range(const os::MemoryMap& map, uint64_t base, uint64_t size,
                                            uint64_t page_size) {
    if (size == 0 || base % page_size != 0 || size % page_size != 0) {
        return os::Error::kInvalidArgument;
    }
    uint64_t end = 0;
    if (__builtin_add_overflow(base, size, &end)) return os::Error::kInvalidArgument;
    for (const os::MemoryRange& range : map) {
        if (is_ram(range.kind) && base < range.end() && range.base < end) {
            return os::Error::kPermissionDenied;
        }
    }
    return {};
}

// The capability rights a mapping with `permissions` (cairn::kMap* bits)
// needs: READ, WRITE, EXECUTE for each permission.
constexpr cairn::Rights rights_needed(uint64_t permissions) {
    cairn::Rights rights = 0;
    if (permissions & cairn::kMapRead) rights |= cairn::kRightRead;
    if (permissions & cairn::kMapWrite) rights |= cairn::kRightWrite;
    if (permissions & cairn::kMapExecute) rights |= cairn::kRightExecute;
    return rights;
}

// [offset, offset + length) is non-empty and lies in an object of `size`
// bytes (no overflow).
constexpr bool range_inside(uint64_t offset, uint64_t length, uint64_t size) {
    return length != 0 && offset <= size && length <= size - offset;
}

}  // namespace kernel::memory_cap
