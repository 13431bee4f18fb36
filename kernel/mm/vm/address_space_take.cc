// memory_take's half in the address space: hand the pages of a range to a
// new memory object and unmap the range (see AddressSpace::take()).
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/memory_object.h"

namespace kernel::mm {

using hal::mm::VirtualAddress;

os::ErrorOr<void> AddressSpace::take(VirtualAddress address, uint64_t length,
                                     MemoryObject& target) {
    constexpr uint64_t kPage = hal::mm::kPageSize;
    VirtualAddress end;
    if (length == 0 || address % kPage != 0 || length % kPage != 0) {
        return os::Error::kInvalidArgument;
    }
    if (address < kPage || !os::checked_add(address, length, &end) ||
        end > hal::mm::user_space_end()) {
        return os::Error::kBadAddress;
    }
    if (target.kind() != MemoryObjectKind::kAnonymous || target.size() != length) {
        return os::Error::kInvalidArgument;
    }
    // Taking the middle of one region splits it in two.
    Region* spare = new_region();
    os::ErrorOr<void> result;
    {
        AddressSpaceLockGuard guard(lock_);
        // Check everything before changing anything: anonymous regions only,
        // no gap.
        Region* first = regions_.find_containing(address);
        VirtualAddress covered = address;
        for (Region* region = first; covered < end; region = regions_.next(*region)) {
            if (region == nullptr || region->start > covered) {
                result = os::Error::kNotFound;
                break;
            }
            if (region->type != RegionType::kAnonymous) {
                result = os::Error::kInvalidArgument;
                break;
            }
            covered = region->end;
        }
        // Give the pages to the target first: until unmap_locked() succeeds
        // below, this space still holds them all, so any failure leaves it
        // as it was. No clone or fault can change the page lists meanwhile:
        // both need lock_.
        for (Region* region = first; !result.is_error() && region != nullptr && region->start < end;
             region = regions_.next(*region)) {
            VirtualAddress cut_start = os::max(region->start, address);
            VirtualAddress cut_end = os::min(region->end, end);
            result = region->object->transfer_pages_to(target, region->page_index_of(cut_start),
                                                       (cut_end - cut_start) / kPage,
                                                       (cut_start - address) / kPage);
        }
        // Drops this space's references: the frames given away without a
        // copy are now the target's alone.
        if (!result.is_error()) result = unmap_locked(address, end, spare);
    }
    free_region(spare);
    return result;
}

}  // namespace kernel::mm
