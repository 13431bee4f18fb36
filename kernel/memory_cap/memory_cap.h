// Memory capabilities: the kernel object behind a cairn::ObjectType::kMemory
// capability. It wraps an mm::MemoryObject (kernel/mm/vm/memory_object.h),
// which keeps the pages; this layer adds what capabilities need: a quota
// charge, an object id, and a KernelObject lifetime.
//
// Three ways to make one:
//  - create_memory: anonymous, zero-filled RAM (cap_create kMemory);
//  - create_device_memory: a physical range of device registers
//    (memory_create_device), refusing RAM; mapped uncached;
//  - take_memory: the pages of a range of an address space, which is
//    unmapped (memory_take): zero-copy transfer, see AddressSpace::take().
//
// Mapping (memory_map) goes through map_memory(): a region of an address
// space that holds its own reference on the mm::MemoryObject, so a mapping
// outlives the capability (the pages stay until the last region or
// capability is gone), exactly as a shared region does.
#pragma once

#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/memory_object.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {
class Allocator;
class Quota;
}  // namespace kernel::object

namespace kernel::memory_cap {

class Memory final : public object::KernelObject {
public:
    mm::MemoryObject& pages() const { return *pages_; }
    bool is_device() const { return pages_->kind() == mm::MemoryObjectKind::kPhysical; }
    uint64_t size() const { return pages_->size(); }
    uint64_t info_size() const override { return size(); }

private:
    friend class object::Allocator;
    // Adopts the caller's reference on `pages`.
    explicit Memory(mm::MemoryObject* pages);
    void destroy() override;

    mm::MemoryObject* const pages_;  // one reference, dropped by destroy()
};

// Anonymous memory of `size` bytes (a non-zero page multiple, else
// kInvalidArgument), charged kObjectCost + size to `quota` (nullptr:
// uncharged, for the kernel's own use). kQuotaExceeded, kOutOfMemory.
os::ErrorOr<Memory*> create_memory(object::Quota* quota, uint64_t size);

// The physical range [base, base + size) as device memory, charged
// kObjectCost to `quota` (no more: the object owns no RAM). kQuotaExceeded.
// kInvalidArgument (misaligned, empty, wrapping, beyond the CPU's physical
// address width), kPermissionDenied (it
// overlaps RAM of the boot memory map or a frame the allocator manages).
os::ErrorOr<Memory*> create_device_memory(object::Quota& quota, uint64_t base, uint64_t size);

// Moves the pages of [address, address + length) of `space` into a new
// memory object and unmaps the range (AddressSpace::take: errors as there),
// charged kObjectCost + length to `quota`.
os::ErrorOr<Memory*> take_memory(object::Quota* quota, mm::AddressSpace& space, uint64_t address,
                                 uint64_t length);

struct MapArguments {
    uint64_t address = 0;  // 0: the kernel picks; with `fixed` exactly here
    bool fixed = false;
    uint64_t offset = 0;       // page-aligned, inside the object
    uint64_t length = 0;       // whole pages, > 0
    uint64_t permissions = 0;  // cairn::kMap* bits (W+X: kPermissionDenied)
};

// Maps part of `memory` into `space`: a kShared region for RAM, a kDevice
// region (uncached, mapped at once) for device memory. `rights` are the
// capability's: each permission needs the matching right (kMissingRights,
// checks.h).
// kOutOfRange if the range leaves the object; AddressSpace::map's errors.
os::ErrorOr<hal::mm::VirtualAddress> map_memory(Memory& memory, cairn::Rights rights,
                                                mm::AddressSpace& space,
                                                const MapArguments& arguments);

}  // namespace kernel::memory_cap
