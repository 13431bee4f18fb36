// Address spaces: creation, map/unmap/protect, switch and teardown. The
// clone is in address_space_clone.cc, the fault paths in page_fault.cc.
#include "kernel/mm/vm/address_space.h"

#include "hal/cpu.h"
#include "kernel/debug/panic.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/memory_object.h"

namespace kernel::mm {
namespace {

using hal::mm::PhysicalAddress;
using hal::mm::VirtualAddress;

constexpr uint64_t kPage = hal::mm::kPageSize;

bool is_page_aligned(uint64_t value) {
    return value % kPage == 0;
}

// [address, address + length) must be whole pages of the user half, and
// page 0 is never part of a region.
os::ErrorOr<void> check_user_range(VirtualAddress address, uint64_t length) {
    if (length == 0 || !is_page_aligned(address) || !is_page_aligned(length)) {
        return os::Error::kInvalidArgument;
    }
    VirtualAddress end;
    if (address < kPage || !os::checked_add(address, length, &end) ||
        end > hal::mm::user_space_end()) {
        return os::Error::kBadAddress;
    }
    return {};
}

// The object kind each region type maps (kAnonymous's is private and made
// here, so callers pass none).
bool takes_object(RegionType type, MemoryObjectKind* kind) {
    switch (type) {
        case RegionType::kShared:
            *kind = MemoryObjectKind::kAnonymous;
            return true;
        case RegionType::kDevice:
            *kind = MemoryObjectKind::kPhysical;
            return true;
        case RegionType::kFileBacked:
            *kind = MemoryObjectKind::kPagerBacked;
            return true;
        case RegionType::kAnonymous:
        case RegionType::kReserved:
            return false;
    }
    return false;
}

os::ErrorOr<void> check_request(const MapRequest& request) {
    TRY(check_permissions(request.permissions));
    if (request.type == RegionType::kReserved && request.permissions != Permissions{}) {
        return os::Error::kInvalidArgument;
    }
    if (request.huge_pages && request.type != RegionType::kAnonymous &&
        request.type != RegionType::kDevice) {
        return os::Error::kInvalidArgument;
    }
    MemoryObjectKind kind;
    if (!takes_object(request.type, &kind)) {
        if (request.object != nullptr || request.object_offset != 0) {
            return os::Error::kInvalidArgument;
        }
        return {};
    }
    if (request.object == nullptr || request.object->kind() != kind ||
        !is_page_aligned(request.object_offset)) {
        return os::Error::kInvalidArgument;
    }
    uint64_t object_end;
    if (!os::checked_add(request.object_offset, request.length, &object_end) ||
        object_end > request.object->size()) {
        return os::Error::kOutOfRange;
    }
    return {};
}

AddressSpace*& this_cpu_space() {
    uint32_t cpu = hal::current_cpu_index();
    KERNEL_ASSERT(cpu < hal::kMaxCpus);
    return internal::current_spaces[cpu];
}

}  // namespace

namespace internal {

AddressSpace* current_spaces[hal::kMaxCpus];

}  // namespace internal

// Read with interrupts masked: callers such as the page-fault handler run
// preemptible, and a thread moved to another CPU between reading the CPU
// index and the slot would get the old CPU's space (null once that CPU
// runs a kernel thread) instead of its own.
AddressSpace* current_address_space() {
    hal::InterruptState state = hal::disable_interrupts();
    AddressSpace* space = this_cpu_space();
    hal::restore_interrupts(state);
    return space;
}

AddressSpace::AddressSpace(VmEnvironment& environment, PhysicalAddress root, MemoryAccount* account)
    : environment_(environment),
      account_(account),
      tables_(*environment.tables, account),
      table_(root, tables_),
      user_root_(hal::mm::make_user_root(root, environment.asids->allocate())) {
    table_.set_split_flusher(this);
    if (account_ != nullptr) account_->retain_account();
}

os::ErrorOr<AddressSpace*> AddressSpace::create(VmEnvironment& environment,
                                                MemoryAccount* account) {
    // The root comes straight from the environment: kAddressSpaceCost (or
    // the kernel) pays for it, and destroy() frees it the same way.
    PageTable table = TRY(PageTable::create(*environment.tables));
    hal::mm::initialize_user_root(table.root());
    auto* space =
        create_object<AddressSpace>(*environment.objects, environment, table.root(), account);
    if (space == nullptr) {
        environment.tables->free_table(table.root());
        return os::Error::kOutOfMemory;
    }
    return space;
}

Region* AddressSpace::new_region() {
    return create_object<Region>(*environment_.objects);
}

void AddressSpace::free_region(Region* region) {
    if (region == nullptr) return;
    KERNEL_ASSERT(!region->is_linked());
    if (region->object != nullptr) region->object->release();
    destroy_object(*environment_.objects, region);
}

MappingAttributes AddressSpace::attributes_for(const Region& region, bool writable) const {
    MappingAttributes attributes;
    attributes.writable = writable && region.permissions.write;
    attributes.executable = region.permissions.execute;
    attributes.user = true;
    attributes.cache = region.type == RegionType::kDevice ? hal::mm::CachePolicy::kDevice
                                                          : hal::mm::CachePolicy::kNormal;
    return attributes;
}

bool AddressSpace::is_free(VirtualAddress start, uint64_t length) const {
    // The region starting last before `start + length` is the only one that
    // can overlap, because regions do not overlap each other.
    const Region* before = regions_.floor(start + length - 1);
    return before == nullptr || before->end <= start;
}

os::ErrorOr<VirtualAddress> AddressSpace::find_free_range(VirtualAddress hint,
                                                          uint64_t length) const {
    VirtualAddress limit = hal::mm::user_space_end();
    VirtualAddress candidate = hint < kLowestAutomaticAddress ? kLowestAutomaticAddress : hint;
    candidate = os::align_up(candidate, kPage);
    // First fit: walk the gaps after `candidate` in address order; if the
    // hint leaves no room, start again from the bottom.
    for (int pass = 0; pass < 2; ++pass) {
        const Region* region = regions_.floor(candidate);
        if (region != nullptr && region->end > candidate) candidate = region->end;
        region = regions_.lower_bound(candidate);
        for (;;) {
            VirtualAddress gap_end = region != nullptr ? region->start : limit;
            if (candidate <= gap_end && gap_end - candidate >= length) return candidate;
            if (region == nullptr) break;
            candidate = region->end;
            region = regions_.next(*region);
        }
        candidate = kLowestAutomaticAddress;
    }
    return os::Error::kNoSpace;
}

os::ErrorOr<VirtualAddress> AddressSpace::map(const MapRequest& request) {
    if (request.fixed) {
        TRY(check_user_range(request.address, request.length));
    } else {
        TRY(check_user_range(kLowestAutomaticAddress, request.length));
        if (!is_page_aligned(request.address)) return os::Error::kInvalidArgument;
    }
    TRY(check_request(request));

    // Allocate before locking: the lock is held only for the tree update.
    Region* region = new_region();
    if (region == nullptr) return os::Error::kOutOfMemory;
    region->type = request.type;
    region->permissions = request.permissions;
    region->huge_pages = request.huge_pages && request.type == RegionType::kAnonymous;
    if (request.type == RegionType::kAnonymous) {
        auto object = MemoryObject::create_anonymous(request.length, environment_);
        if (object.is_error()) {
            free_region(region);
            return object.error();
        }
        object.value()->set_account(account_);  // its pages are this space's to pay for
        region->object = object.value();
    } else if (request.object != nullptr) {
        request.object->add_reference();
        region->object = request.object;
        region->object_offset = request.object_offset;
    }

    os::ErrorOr<void> result;
    VirtualAddress start = 0;
    {
        AddressSpaceLockGuard guard(lock_);
        if (request.fixed) {
            region->start = request.address;
            if (!is_free(request.address, request.length)) result = os::Error::kAlreadyExists;
        } else {
            auto found = find_free_range(request.address, request.length);
            if (found.is_error()) {
                result = found.error();
            } else {
                region->start = found.value();
            }
        }
        if (!result.is_error()) {
            start = region->start;  // once unlocked, the region may go at any time
            region->end = region->start + request.length;
            insert_region(regions_, *region);
            if (region->type == RegionType::kDevice) {
                result = map_device_pages(*region);
                if (result.is_error()) {
                    unmap_pages(*region, region->start, region->end);
                    regions_.remove(*region);
                }
            }
        }
    }
    if (result.is_error()) {
        free_region(region);
        return result.error();
    }
    return start;
}

os::ErrorOr<void> AddressSpace::map_device_pages(const Region& region) {
    // The object is physically contiguous: 2 MiB leaves wherever the virtual
    // and physical addresses and the rest of the region allow, 4 KiB
    // elsewhere, so every leaf lies inside the region. (No 1 GiB leaves:
    // splitting one on a partial unmap would cost two table pages.)
    PhysicalAddress physical = TRY(region.object->acquire_page(region.page_index_of(region.start)));
    return table_.map_range(region.start, physical, region.size(), attributes_for(region, true),
                            PageSize::k2MiB);
}

os::ErrorOr<void> AddressSpace::map_page(VirtualAddress page, PhysicalAddress physical,
                                         MappingAttributes attributes) {
    return table_.map(page, physical, PageSize::k4KiB, attributes);
}

void AddressSpace::unmap_pages(Region& region, VirtualAddress start, VirtualAddress end) {
    remove_entries(start, end - start);
    flush(start, end - start);
    // Only now, with no entry and no TLB reaching them, may frames go.
    if (region.type == RegionType::kAnonymous) {
        region.object->release_pages(region.page_index_of(start), (end - start) / kPage);
    }
}

os::ErrorOr<void> AddressSpace::split_edges(VirtualAddress start, VirtualAddress end) {
    TRY(table_.split_huge_leaves_at(start));
    return table_.split_huge_leaves_at(end);
}

os::ErrorOr<void> AddressSpace::try_remove_entries(VirtualAddress start, uint64_t length) {
    // Entries hold no references (see address_space.h): nothing to collect.
    struct IgnoreLeaves final : UnmapVisitor {
        void on_unmapped(VirtualAddress, PhysicalAddress, PageSize) override {}
    } ignore;
    // Fails (changing nothing) only if a huge leaf straddling an edge cannot
    // be split for want of a table page.
    TRY(table_.unmap(start, length, ignore));
    return {};
}

void AddressSpace::remove_entries(VirtualAddress start, uint64_t length) {
    // For ranges whose edges are region edges: no huge leaf straddles them
    // (see address_space.h), so there is nothing to split.
    auto removed = try_remove_entries(start, length);
    KERNEL_ASSERT(!removed.is_error());
}

void AddressSpace::remap_entries(const Region& region) {
    if (!region.permissions.read) {
        // Every present entry is readable: no access at all means no entry.
        // The pages stay in the region's object.
        remove_entries(region.start, region.size());
        return;
    }
    // Anonymous pages may be shared copy-on-write: they become writable one
    // by one through write faults.
    bool writable = region.type != RegionType::kAnonymous;
    auto changed = table_.protect(region.start, region.size(), attributes_for(region, writable));
    KERNEL_ASSERT(!changed.is_error());  // region edges: nothing to split
}

void AddressSpace::insert_region(RegionTree& tree, Region& region) {
    bool inserted = tree.insert(region);
    KERNEL_ASSERT(inserted);  // callers checked that nothing overlaps
}

void AddressSpace::split(Region& region, VirtualAddress at, Region* upper) {
    KERNEL_ASSERT(region.start < at && at < region.end && is_page_aligned(at));
    *upper = region;  // copies the description, not the tree links
    upper->start = at;
    upper->object_offset = region.object_offset + (at - region.start);
    if (upper->object != nullptr) upper->object->add_reference();
    region.end = at;
    insert_region(regions_, *upper);
}

os::ErrorOr<void> AddressSpace::unmap(VirtualAddress address, uint64_t length) {
    TRY(check_user_range(address, length));
    // A hole punched into the middle of one region needs a second region.
    Region* spare = new_region();
    os::ErrorOr<void> result;
    {
        AddressSpaceLockGuard guard(lock_);
        result = unmap_locked(address, address + length, spare);
    }
    free_region(spare);
    return result;
}

os::ErrorOr<void> AddressSpace::unmap_locked(VirtualAddress address, VirtualAddress end,
                                             Region*& spare) {
    Region* region = regions_.find_containing(address);
    if (region != nullptr && region->start < address && region->end > end && spare == nullptr) {
        return os::Error::kOutOfMemory;
    }
    // The only step that can fail, so it goes first (see address_space.h).
    TRY(split_edges(address, end));
    if (region == nullptr) region = regions_.lower_bound(address);
    while (region != nullptr && region->start < end) {
        Region* next = regions_.next(*region);
        VirtualAddress cut_start = os::max(region->start, address);
        VirtualAddress cut_end = os::min(region->end, end);
        unmap_pages(*region, cut_start, cut_end);
        if (cut_start == region->start && cut_end == region->end) {
            regions_.remove(*region);
            free_region(region);
        } else if (cut_start == region->start) {
            regions_.remove(*region);
            region->object_offset += cut_end - region->start;
            region->start = cut_end;
            insert_region(regions_, *region);
        } else if (cut_end == region->end) {
            region->end = cut_start;
        } else {
            split(*region, cut_end, spare);
            spare = nullptr;
            region->end = cut_start;
        }
        region = next;
    }
    return {};
}

namespace {

// One of the regions allocated ahead, which the caller checked is there.
Region* take_spare(Region* (&spares)[2]) {
    for (Region*& spare : spares) {
        if (spare != nullptr) {
            Region* taken = spare;
            spare = nullptr;
            return taken;
        }
    }
    KERNEL_ASSERT(false);
    return nullptr;
}

}  // namespace

os::ErrorOr<void> AddressSpace::protect(VirtualAddress address, uint64_t length,
                                        Permissions permissions) {
    TRY(check_user_range(address, length));
    TRY(check_permissions(permissions));
    VirtualAddress end = address + length;
    // Splitting at both edges of one region needs two more regions.
    Region* spares[2] = {new_region(), new_region()};
    os::ErrorOr<void> result;
    {
        AddressSpaceLockGuard guard(lock_);
        // Check everything before changing anything.
        Region* first = regions_.find_containing(address);
        size_t splits_needed = 0;
        VirtualAddress covered = address;
        bool reserved = false;
        for (Region* region = first; covered < end; region = regions_.next(*region)) {
            if (region == nullptr || region->start > covered) {
                result = os::Error::kNotFound;
                break;
            }
            reserved |= region->type == RegionType::kReserved;
            if (region->start < address) ++splits_needed;
            if (region->end > end) ++splits_needed;
            covered = region->end;
        }
        if (!result.is_error() && reserved) result = os::Error::kPermissionDenied;
        if (!result.is_error() && splits_needed > (spares[0] != nullptr) + (spares[1] != nullptr)) {
            result = os::Error::kOutOfMemory;
        }
        // The last step that can fail (see address_space.h).
        if (!result.is_error()) result = split_edges(address, end);
        if (!result.is_error()) {
            if (first->start < address) {
                Region* upper = take_spare(spares);
                split(*first, address, upper);
                first = upper;
            }
            Region* last = regions_.find_containing(end - 1);
            if (last->end > end) split(*last, end, take_spare(spares));
            for (Region* region = first; region != nullptr && region->start < end;
                 region = regions_.next(*region)) {
                region->permissions = permissions;
                remap_entries(*region);
            }
            flush(address, length);
        }
    }
    free_region(spares[0]);
    free_region(spares[1]);
    return result;
}

void AddressSpace::activate() {
    // No address-space lock: the scheduler may switch under its own locks
    // (see tlb_shootdown.h). Masked interrupts keep us on this CPU.
    InterruptGuard masked;
    activate_masked(hal::current_cpu_index());
}

void AddressSpace::deactivate_masked(uint32_t cpu) {
    // An empty user half with the kernel's ASID 0. Nothing of the user half
    // is cached under ASID 0 except, without ASIDs, the old space's
    // entries: hence the flush.
    hal::mm::activate_user_root(environment_.empty_user_root(), 0);
    hal::mm::flush_address_space(0);
    // destroy() waits for it.
    __atomic_store_n(&internal::current_spaces[cpu], nullptr, __ATOMIC_RELEASE);
}

void as_switch(AddressSpace* space) {
    if (space != nullptr) {
        space->activate();
        return;
    }
    InterruptGuard guard;
    AddressSpace* current = this_cpu_space();
    if (current != nullptr) current->deactivate_masked(hal::current_cpu_index());
}

// On every CPU that may cache the space's entries, before any frame they
// translated to is freed; with lock_ held (see tlb_shootdown.h for why that
// cannot deadlock). An address space that never ran has nothing in any TLB.
void AddressSpace::flush(VirtualAddress start, uint64_t length) {
    shoot_down(tlb_cpus_.read(), user_root_.asid, start, length);
}

void AddressSpace::flush_all() {
    shoot_down_all(tlb_cpus_.read(), user_root_.asid);
}

void AddressSpace::destroy() {
    if (current_address_space() == this) as_switch(nullptr);
    // A CPU that has just switched off the space's last thread may not have
    // switched address spaces yet: the scheduler's finish_switch() drops the
    // CPU lock (after which the thread counts as off its CPU and the process
    // may be reaped) a moment before it calls switch_address_space(). That
    // moment runs with interrupts masked and takes no lock, so it is waited
    // out; a CPU still there after billions of rounds is a real bug.
    for (AddressSpace*& running : internal::current_spaces) {
        uint64_t rounds = 0;
        while (__atomic_load_n(&running, __ATOMIC_ACQUIRE) == this) {
            if (++rounds == (uint64_t{1} << 32))
                panic("address space %p destroyed while another CPU runs it", this);
            interrupt::serve_pending_requests();
            hal::spin_pause();
        }
    }
    // Other CPUs may still cache entries under its ASID (they keep them
    // after switching away): drop them before the ASID and frames go.
    flush_all();
    {
        AddressSpaceLockGuard guard(lock_);
        // Nothing runs this space any more and no TLB caches its ASID
        // (flush_all() above reached every CPU that ever ran it): the ASID
        // may go to another space. Then the tables can go, without visiting
        // leaves since entries hold no references, and then the frames,
        // with the objects.
        environment_.asids->release(user_root_.asid);
        table_.destroy_user_half();
        while (Region* region = regions_.first()) {
            regions_.remove(*region);
            free_region(region);
        }
    }
    environment_.tables->free_table(table_.root());
    // Every table and page is refunded by now (the tables as destroy_user_half
    // freed them, the pages with their objects): the account may go.
    MemoryAccount* account = account_;
    destroy_object(*environment_.objects, this);
    if (account != nullptr) account->release_account();
}

bool AddressSpace::translate(VirtualAddress address, PageTable::Translation* translation) const {
    AddressSpaceLockGuard guard(lock_);
    return table_.query(address, translation);
}

bool AddressSpace::find_region(VirtualAddress address, RegionInfo* info) const {
    AddressSpaceLockGuard guard(lock_);
    const Region* region = regions_.find_containing(address);
    if (region == nullptr) return false;
    *info = describe_region(*region);
    return true;
}

size_t AddressSpace::region_count() const {
    AddressSpaceLockGuard guard(lock_);
    return regions_.size();
}

size_t AddressSpace::copy_regions(RegionInfo* regions, size_t capacity) const {
    AddressSpaceLockGuard guard(lock_);
    size_t count = 0;
    for (const Region& region : regions_) {
        if (count < capacity) regions[count] = describe_region(region);
        ++count;
    }
    return count;
}

bool AddressSpace::check_invariants() const {
    AddressSpaceLockGuard guard(lock_);
    if (!regions_.check_invariants()) return false;
    VirtualAddress previous_end = kPage;  // page 0 is never in a region
    for (const Region& region : regions_) {
        if (region.start < previous_end || region.start >= region.end) return false;
        if (!is_page_aligned(region.start) || !is_page_aligned(region.end)) return false;
        if (region.end > hal::mm::user_space_end()) return false;
        if (check_permissions(region.permissions).is_error()) return false;
        if ((region.object == nullptr) != (region.type == RegionType::kReserved)) return false;
        if (region.object != nullptr &&
            region.object_offset + region.size() > region.object->size()) {
            return false;
        }
        // Only the leaves at either end can reach past the region.
        PageTable::Translation translation;
        if (table_.query(region.start, &translation) &&
            region.start % page_size_bytes(translation.size) != 0) {
            return false;
        }
        if (table_.query(region.end - kPage, &translation) &&
            region.end % page_size_bytes(translation.size) != 0) {
            return false;
        }
        if (region.huge_pages && region.type != RegionType::kAnonymous) return false;
        previous_end = region.end;
    }
    return true;
}

}  // namespace kernel::mm
