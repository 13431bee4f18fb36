// Regions: the ranges of an address space that mean something.
//
// A region is [start, end) of the user half with permissions and a type.
// Every byte of user memory either lies in exactly one region or faults.
//
// Invariants (checked when a region is created or changed, see
// check_permissions() and AddressSpace):
//  - start < end, both page-aligned, end <= hal::mm::user_space_end();
//  - regions of one address space never overlap;
//  - W^X: never writable and executable at once;
//  - `object` is set exactly for the types that say so below, holds one
//    reference on it, and [object_offset, object_offset + size) lies in it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/avl_tree.h"
#include "kernel/lib/error.h"

namespace kernel::mm {

class MemoryObject;

enum class RegionType : uint8_t {
    // Private memory, zero-filled on first touch, copy-on-write after a
    // clone. Its pages live in a private anonymous MemoryObject the address
    // space creates (the caller passes none).
    kAnonymous,
    // A MemoryObject of kind anonymous that several address spaces map; a
    // clone shares it.
    kShared,
    // MMIO: a physical MemoryObject mapped uncached, eagerly, whole.
    kDevice,
    // Nothing may be mapped here; every access faults. No permissions.
    kReserved,
    // A pager-backed MemoryObject: pages come from its Pager on first touch.
    kFileBacked,
};

const char* to_string(RegionType type);

struct Permissions {
    bool read = false;
    bool write = false;
    bool execute = false;

    bool operator==(const Permissions&) const = default;
    bool allows(hal::mm::Access access) const;
    // "rw-", "r-x", ...; points at static storage.
    const char* to_string() const;
};

// The permission sets a region may have: ---, r--, rw-, r-x. W^X rules out
// rwx and -wx (kPermissionDenied); -w- and --x cannot be expressed by every
// MMU (a present page is always readable on x86_64), so they are
// kInvalidArgument.
os::ErrorOr<void> check_permissions(Permissions permissions);

struct Region : os::AvlNode {
    hal::mm::VirtualAddress start = 0;
    hal::mm::VirtualAddress end = 0;
    Permissions permissions;
    RegionType type = RegionType::kAnonymous;
    MemoryObject* object = nullptr;  // counted reference; null for kReserved
    uint64_t object_offset = 0;      // byte offset in `object` of `start`, page-aligned
    // kAnonymous only: a fault in a 2 MiB block that lies wholly inside the
    // region and has no page yet fills the block at once and maps it with
    // one 2 MiB leaf (MapRequest::huge_pages).
    bool huge_pages = false;

    uint64_t size() const { return end - start; }
    bool contains(hal::mm::VirtualAddress address) const {
        return address >= start && address < end;
    }
    // The object's page index that backs `address` (which the region contains).
    uint64_t page_index_of(hal::mm::VirtualAddress address) const {
        return (object_offset + (address - start)) >> hal::mm::kPageShift;
    }
};

struct RegionKey {
    static uint64_t key(const Region& region) { return region.start; }
    static uint64_t end(const Region& region) { return region.end; }
};

using RegionTree = os::AvlTree<Region, RegionKey>;

// A copy of a region's description for callers outside the address space's
// lock (tests, diagnostics).
struct RegionInfo {
    hal::mm::VirtualAddress start = 0;
    hal::mm::VirtualAddress end = 0;
    Permissions permissions;
    RegionType type = RegionType::kAnonymous;
    const MemoryObject* object = nullptr;
    uint64_t object_offset = 0;
    bool huge_pages = false;
};

inline RegionInfo describe_region(const Region& region) {
    RegionInfo info;
    info.start = region.start;
    info.end = region.end;
    info.permissions = region.permissions;
    info.type = region.type;
    info.object = region.object;
    info.object_offset = region.object_offset;
    info.huge_pages = region.huge_pages;
    return info;
}

}  // namespace kernel::mm
