// Page faults on user addresses: lazy zero-fill, copy-on-write, pages from
// memory objects and their pagers, and the report of an invalid access.
#include "hal/mm.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/fault_report.h"
#include "kernel/mm/vm/memory_object.h"

namespace kernel::mm {

using hal::mm::Access;

namespace {

constexpr uint64_t kPage = hal::mm::kPageSize;
constexpr uint64_t kHugePage = page_size_bytes(PageSize::k2MiB);
constexpr unsigned kHugePageOrder = 9;  // 2 MiB in 4 KiB frames
static_assert(kPage << kHugePageOrder == kHugePage);

bool entry_allows(const MappingAttributes& attributes, Access access) {
    switch (access) {
        case Access::kRead:
            return true;  // every present entry is readable
        case Access::kWrite:
            return attributes.writable;
        case Access::kExecute:
            return attributes.executable;
    }
    return false;
}

}  // namespace

// What one attempt at a fault came to. A fault on a pager-backed page that
// is not present yet leaves `pager_object` set (with a reference): the pager
// runs after the address-space lock is dropped.
struct AddressSpace::FaultOutcome {
    bool resolved = false;
    bool has_region = false;
    const char* reason = nullptr;  // why not resolved
    bool has_error = false;
    os::Error error{};
    MemoryObject* pager_object = nullptr;
    uint64_t pager_index = 0;

    static FaultOutcome done() {
        FaultOutcome outcome;
        outcome.resolved = true;
        return outcome;
    }
    static FaultOutcome failed(const char* reason) {
        FaultOutcome outcome;
        outcome.reason = reason;
        return outcome;
    }
    static FaultOutcome failed(const char* reason, os::Error error) {
        FaultOutcome outcome = failed(reason);
        outcome.has_error = true;
        outcome.error = error;
        return outcome;
    }
};

// Under the space's lock, then (for a pager-backed region) the pager's
// part without it.
AddressSpace::FaultOutcome AddressSpace::resolve_and_populate(const hal::mm::PageFault& fault,
                                                              RegionInfo* region) {
    FaultOutcome outcome;
    {
        AddressSpaceLockGuard guard(lock_);
        outcome = resolve_fault(fault, region);
    }
    if (outcome.pager_object != nullptr) {
        outcome = populate_from_pager(fault, outcome.pager_object, outcome.pager_index);
        outcome.has_region = true;
    }
    return outcome;
}

FaultResolution AddressSpace::handle_fault(const hal::mm::PageFault& fault) {
    RegionInfo region;
    FaultOutcome outcome = resolve_and_populate(fault, &region);
    if (outcome.resolved) return FaultResolution::kResolved;

    FaultReport report;
    report.fault = fault;
    report.region = outcome.has_region ? &region : nullptr;
    report.reason = outcome.reason;
    report.has_error = outcome.has_error;
    report.error = outcome.error;
    // Only faults of user code are reported: a kernel access to a bad user
    // address (copy_from_user on a pointer a system call was given) is the
    // caller's kBadAddress, not news for the console.
    if (fault.from_user) print_fault_report(report);
    return FaultResolution::kUnresolved;
}

os::ErrorOr<void> AddressSpace::fault_in(const hal::mm::PageFault& fault) {
    RegionInfo region;
    FaultOutcome outcome = resolve_and_populate(fault, &region);
    if (outcome.resolved) return {};
    if (outcome.has_error &&
        (outcome.error == os::Error::kQuotaExceeded || outcome.error == os::Error::kOutOfMemory)) {
        return outcome.error;
    }
    return os::Error::kBadAddress;
}

AddressSpace::FaultOutcome AddressSpace::resolve_fault(const hal::mm::PageFault& fault,
                                                       RegionInfo* info) {
    Region* region = regions_.find_containing(fault.address);
    if (region == nullptr) return FaultOutcome::failed(nullptr);
    *info = describe_region(*region);
    FaultOutcome outcome = resolve_in_region(*region, fault);
    outcome.has_region = true;
    return outcome;
}

AddressSpace::FaultOutcome AddressSpace::resolve_in_region(Region& region,
                                                           const hal::mm::PageFault& fault) {
    if (region.type == RegionType::kReserved) return FaultOutcome::failed("reserved");
    if (!region.permissions.allows(fault.access)) {
        return FaultOutcome::failed("permission denied");
    }
    VirtualAddress page = os::align_down(fault.address, kPage);

    // Flushing one address drops a TLB entry of any size that translates
    // it, so a huge leaf needs one flush, not one per 4 KiB page.
    PageTable::Translation translation;
    if (table_.query(page, &translation)) {
        if (entry_allows(translation.attributes, fault.access)) {
            // A stale TLB entry (another CPU fixed the page first, or a
            // flush is still on its way): dropping it is enough.
            flush(page, kPage);
            return FaultOutcome::done();
        }
        // Copy-on-write: a write to a read-only entry of a writable
        // anonymous region.
        if (fault.access == Access::kWrite && region.type == RegionType::kAnonymous) {
            return copy_on_write(region, page, translation.size);
        }
        // Otherwise the entry grants less than its region does (it was made
        // before the region's permissions grew): bring it up to them. A huge
        // leaf lies inside the region, so it is upgraded whole.
        uint64_t leaf_size = page_size_bytes(translation.size);
        bool writable = fault.access == Access::kWrite || translation.attributes.writable;
        auto changed = table_.protect(os::align_down(page, leaf_size), leaf_size,
                                      attributes_for(region, writable));
        KERNEL_ASSERT(!changed.is_error());  // a whole leaf: nothing to split
        flush(page, kPage);
        return FaultOutcome::done();
    }

    uint64_t index = region.page_index_of(page);
    if (region.type == RegionType::kFileBacked && region.object->find_page(index) == nullptr) {
        FaultOutcome outcome;
        region.object->add_reference();
        outcome.pager_object = region.object;
        outcome.pager_index = index;
        return outcome;
    }
    return populate(region, page, fault.access);
}

AddressSpace::FaultOutcome AddressSpace::populate(Region& region, VirtualAddress page,
                                                  Access access) {
    if (populate_huge(region, page)) return FaultOutcome::done();
    uint64_t index = region.page_index_of(page);
    auto acquired = region.object->acquire_page(index);
    if (acquired.is_error()) return FaultOutcome::failed("cannot get the page", acquired.error());
    PhysicalAddress physical = acquired.value();

    bool writable = true;
    if (region.type == RegionType::kAnonymous) {
        // A private page still shared with a clone: reads map it read-only,
        // a write copies it first.
        PageFrame* frame = region.object->find_page(index);
        if (frame->reference_count() > 1) {
            if (access == Access::kWrite) {
                auto copied = copy_page(region, index, frame);
                if (copied.is_error()) return FaultOutcome::failed("copy-on-write", copied.error());
                physical = copied.value();
            } else {
                writable = false;
            }
        }
    }
    auto mapped = map_page(page, physical, attributes_for(region, writable));
    if (mapped.is_error()) return FaultOutcome::failed("cannot map the page", mapped.error());
    return FaultOutcome::done();
}

// Maps the whole 2 MiB block around `page` with one leaf if the region
// allows: a device region where the physical address is aligned too, or an
// anonymous one with huge pages whose block has no page yet. The block must
// lie inside the region (the invariant in address_space.h). False if not, or
// if memory is short: the caller maps a 4 KiB page instead.
bool AddressSpace::populate_huge(Region& region, VirtualAddress page) {
    VirtualAddress block = os::align_down(page, kHugePage);
    if (block < region.start || region.end - block < kHugePage) return false;
    MappingAttributes attributes = attributes_for(region, true);
    uint64_t first = region.page_index_of(block);
    if (region.type == RegionType::kDevice) {
        // Back after protect() took every access away: its entries went.
        PhysicalAddress physical = region.object->physical_base() + first * kPage;
        return physical % kHugePage == 0 &&
               !table_.map(block, physical, PageSize::k2MiB, attributes).is_error();
    }
    if (region.type != RegionType::kAnonymous || !region.huge_pages) return false;
    // kAlreadyExists (some page of the block is there: 4 KiB from now on)
    // and kOutOfMemory (no free 2 MiB block) both mean "not huge".
    auto filled = region.object->populate_block(first, kHugePageOrder);
    if (filled.is_error()) return false;
    // The block's pages are new, so they are this object's alone: writable.
    // With no page of the block present, no entry and so no table can be
    // under it either (the walker frees empty tables); map() still fails
    // without a table page for the path.
    if (table_.map(block, filled.value(), PageSize::k2MiB, attributes).is_error()) {
        region.object->release_pages(first, kHugePage / kPage);
        return false;
    }
    return true;
}

os::ErrorOr<PhysicalAddress> AddressSpace::copy_page(Region& region, uint64_t index,
                                                     PageFrame* shared) {
    PhysicalMemory& frames = *environment_.frames;
    PageFrame* copy = TRY(frames.allocate(PageRequest{}));
    copy->set_usage(FrameUsage::kUserMemory);
    __builtin_memcpy(frames.virtual_address_of(copy), frames.virtual_address_of(shared), kPage);
    PageFrame* old = region.object->replace_page(index, copy);
    KERNEL_ASSERT(old == shared);
    // The other holders keep `shared`; this object's reference goes. The
    // count cannot reach zero here: it was above one, and only holders of
    // references (under their own address-space locks) drop them.
    frames.release(shared);
    return frames.address_of(copy);
}

AddressSpace::FaultOutcome AddressSpace::copy_on_write(Region& region, VirtualAddress page,
                                                       PageSize leaf) {
    uint64_t index = region.page_index_of(page);
    PageFrame* frame = region.object->find_page(index);
    KERNEL_ASSERT(frame != nullptr);  // a present entry maps a page the object holds
    MappingAttributes writable = attributes_for(region, true);
    if (leaf != PageSize::k4KiB) {
        // A huge leaf a clone made read-only. If every page under it is
        // ours alone again, it becomes writable whole and stays huge.
        uint64_t leaf_size = page_size_bytes(leaf);
        VirtualAddress leaf_start = os::align_down(page, leaf_size);
        if (region.object->owns_exclusively(region.page_index_of(leaf_start), leaf_size / kPage)) {
            auto changed = table_.protect(leaf_start, leaf_size, writable);
            KERNEL_ASSERT(!changed.is_error());  // a whole leaf: nothing to split
            flush(page, kPage);
            return FaultOutcome::done();
        }
        // Otherwise the page is handled alone below, which splits the leaf
        // (and can fail for want of a table page).
    }
    if (frame->reference_count() == 1) {
        // The other side copied already (or unmapped): the page is ours.
        auto changed = table_.protect(page, kPage, writable);
        if (changed.is_error())
            return FaultOutcome::failed("splitting a huge page", changed.error());
        flush(page, kPage);
        return FaultOutcome::done();
    }
    // Replace the entry before the old frame can go: unmap, flush, then
    // copy_page() drops this object's reference.
    auto removed = try_remove_entries(page, kPage);
    if (removed.is_error()) return FaultOutcome::failed("splitting a huge page", removed.error());
    flush(page, kPage);
    auto copied = copy_page(region, index, frame);
    if (copied.is_error()) return FaultOutcome::failed("copy-on-write", copied.error());
    // The table that held the entry still exists unless unmap() freed it;
    // either way map_page() can need a table page, and may fail.
    auto mapped = map_page(page, copied.value(), writable);
    if (mapped.is_error()) return FaultOutcome::failed("cannot map the page", mapped.error());
    return FaultOutcome::done();
}

AddressSpace::FaultOutcome AddressSpace::populate_from_pager(const hal::mm::PageFault& fault,
                                                             MemoryObject* object, uint64_t index) {
    // No lock held: the pager may take as long as it needs.
    auto supplied = object->acquire_page(index);
    FaultOutcome outcome;
    if (supplied.is_error()) {
        outcome = FaultOutcome::failed("pager failed", supplied.error());
    } else {
        AddressSpaceLockGuard guard(lock_);
        // The regions may have changed meanwhile. If this one is still
        // there, map the page; if not, retrying the access faults again and
        // finds whatever is there now.
        VirtualAddress page = os::align_down(fault.address, kPage);
        Region* region = regions_.find_containing(fault.address);
        PageTable::Translation translation;
        if (region != nullptr && region->object == object && region->page_index_of(page) == index &&
            region->permissions.allows(fault.access) && !table_.query(page, &translation)) {
            auto mapped = map_page(page, supplied.value(), attributes_for(*region, true));
            if (mapped.is_error())
                outcome = FaultOutcome::failed("cannot map the page", mapped.error());
            else
                outcome = FaultOutcome::done();
        } else {
            outcome = FaultOutcome::done();
        }
    }
    object->release();
    return outcome;
}

}  // namespace kernel::mm

namespace kernel {

FaultResolution handle_page_fault(const hal::mm::PageFault& fault) {
    // Kernel-half faults are the HAL's to report (and a kernel bug).
    if (fault.address >= hal::mm::user_space_end()) return FaultResolution::kUnresolved;
    mm::AddressSpace* space = mm::current_address_space();
    if (space == nullptr) {
        mm::FaultReport report;
        report.fault = fault;
        report.reason = "no address space";
        if (fault.from_user) mm::print_fault_report(report);
        return FaultResolution::kUnresolved;
    }
    return space->handle_fault(fault);
}

}  // namespace kernel
