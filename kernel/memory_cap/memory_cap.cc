#include "kernel/memory_cap/memory_cap.h"

#include "hal/platform.h"
#include "kernel/memory_cap/checks.h"
#include "kernel/mm/init.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/object/allocator.h"
#include "kernel/object/quota.h"

namespace kernel::memory_cap {
namespace {

constexpr uint64_t kPage = hal::mm::kPageSize;

// Wraps `pages` (adopting its reference) in a Memory charged to `quota`; on
// failure drops `pages`.
os::ErrorOr<Memory*> wrap(object::Quota* quota, uint64_t charged_bytes, mm::MemoryObject* pages) {
    auto memory = object::Allocator::create<Memory>(quota, charged_bytes, pages);
    if (memory.is_error()) pages->release();
    return memory;
}

// Belt and braces next to the boot memory map: no frame the allocator
// manages may become device memory, whatever the map said.
bool overlaps_managed_frames(uint64_t base, uint64_t end) {
    const mm::PhysicalMemory& frames = mm::physical_memory();
    for (size_t i = 0; i < frames.zone_count(); ++i) {
        mm::ZoneInfo zone = frames.zone_info(i);
        uint64_t zone_end = zone.base + zone.frame_count * kPage;
        if (base < zone_end && zone.base < end) return true;
    }
    return false;
}

}  // namespace

Memory::Memory(mm::MemoryObject* pages)
    : KernelObject(object::ObjectType::kMemory), pages_(pages) {}

void Memory::destroy() {
    // Regions that map the pages hold their own references: they stay.
    pages_->release();
    object::Allocator::destroy(this);
}

os::ErrorOr<Memory*> create_memory(object::Quota* quota, uint64_t size) {
    if (size == 0 || size % kPage != 0) return os::Error::kInvalidArgument;
    // Check the budget before making anything: the charge itself happens in
    // wrap(), which undoes everything if it fails.
    uint64_t cost = TRY(object::Allocator::charge_for(quota, size));
    if (quota != nullptr && quota->available() < cost) return os::Error::kQuotaExceeded;
    mm::MemoryObject* pages = TRY(mm::MemoryObject::create_anonymous(size));
    return wrap(quota, size, pages);
}

os::ErrorOr<Memory*> create_device_memory(object::Quota& quota, uint64_t base, uint64_t size) {
    TRY(check_device_range(mm::boot_memory_map(), base, size, kPage));
    // Past the CPU's physical address width an entry would have reserved
    // bits set: a user access would fault in a way no user fault should.
    if (base + size > hal::platform::physical_address_limit()) return os::Error::kInvalidArgument;
    if (overlaps_managed_frames(base, base + size)) return os::Error::kPermissionDenied;
    if (quota.available() < cairn::kObjectCost) return os::Error::kQuotaExceeded;
    mm::MemoryObject* pages = TRY(mm::MemoryObject::create_physical(base, size));
    return wrap(&quota, 0, pages);
}

os::ErrorOr<Memory*> take_memory(object::Quota* quota, mm::AddressSpace& space, uint64_t address,
                                 uint64_t length) {
    if (length == 0 || length % kPage != 0 || address % kPage != 0) {
        return os::Error::kInvalidArgument;
    }
    // Charge first: once the pages have moved, failing would lose them.
    mm::MemoryObject* pages = TRY(mm::MemoryObject::create_anonymous(length));
    Memory* memory = TRY(wrap(quota, length, pages));
    auto taken = space.take(address, length, *pages);
    if (taken.is_error()) {
        memory->release();  // drops whatever pages the target got
        return taken.error();
    }
    return memory;
}

os::ErrorOr<hal::mm::VirtualAddress> map_memory(Memory& memory, cairn::Rights rights,
                                                mm::AddressSpace& space,
                                                const MapArguments& arguments) {
    cairn::Rights needed = rights_needed(arguments.permissions);
    if ((rights & needed) != needed) return os::Error::kMissingRights;
    if (arguments.offset % kPage != 0 || arguments.length % kPage != 0) {
        return os::Error::kInvalidArgument;
    }
    if (!range_inside(arguments.offset, arguments.length, memory.size())) {
        return os::Error::kOutOfRange;
    }
    mm::MapRequest request;
    request.type = memory.is_device() ? mm::RegionType::kDevice : mm::RegionType::kShared;
    request.permissions.read = (arguments.permissions & cairn::kMapRead) != 0;
    request.permissions.write = (arguments.permissions & cairn::kMapWrite) != 0;
    request.permissions.execute = (arguments.permissions & cairn::kMapExecute) != 0;
    request.length = arguments.length;
    request.address = arguments.address;
    request.fixed = arguments.fixed;
    request.object = &memory.pages();  // the region takes its own reference
    request.object_offset = arguments.offset;
    return space.map(request);
}

}  // namespace kernel::memory_cap
