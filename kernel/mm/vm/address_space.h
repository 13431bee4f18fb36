// Address spaces: the user half of a page-table tree plus the regions that
// say what may be mapped in it, and the page-fault handling that maps it.
//
// Pages appear lazily: as_map() records a region (only device regions are
// mapped at once), and the first access faults the page in (see
// handle_fault()). Page-table entries hold no frame references: the page
// lists of memory objects do (memory_object.h), so an entry is a cache of
// what the region's object holds, and tearing down entries never frees
// anything by itself.
//
// Copy-on-write: every anonymous region keeps its pages in a private
// MemoryObject. as_clone() gives the child a new private object holding the
// same frames (one more reference each) and makes the parent's entries
// read-only, so the first write on either side faults: a frame still shared
// (reference count > 1) is copied into a new frame, one referenced by this
// object alone is just made writable again.
//
// Frames are freed only after the entries that mapped them are gone and the
// TLB is flushed (unmap, copy-on-write, destroy) on every CPU that may cache
// them (flush() shoots them down, see tlb_shootdown.h), so no CPU can reach
// a frame after it is handed back.
//
// Huge pages: device regions are mapped with 2 MiB leaves wherever the
// virtual address, the physical address and the rest of the region allow,
// and anonymous regions mapped with `huge_pages` fill a whole 2 MiB block at
// the first fault in it (see populate_huge()). The object's page list still
// holds one reference per 4 KiB frame (the block is split into order-0
// frames at once), so clone, copy-on-write and release work page by page as
// before; only the entry is huge. Invariant: a huge leaf lies inside one
// region. It is made only inside one, and unmap() and protect() split the
// leaves straddling their range's edges before they move any region edge
// there (split_edges()); that split is the only step of theirs that can run
// out of memory, and it changes no translation. A clone maps the child's
// copy-on-write pages with 4 KiB entries and keeps the parent's huge leaf,
// read-only; the first write splits it unless every page under it is the
// parent's alone again, which makes the whole leaf writable.
//
// Accounting (memory_account.h): a process's address space carries the
// process's memory quota as its MemoryAccount (nullptr: the kernel's own
// spaces, charged to nobody). Every table below the root comes through
// `tables_`, which charges kPageTableCost and refunds it when the walker
// frees the table; every anonymous region's private object charges
// kPageCost per page it holds. So a fault the account cannot pay for is
// unresolved (the thread ends as for any bad access, the report says
// "quota exceeded"), a device mapping it cannot pay tables for fails with
// kQuotaExceeded having mapped nothing, and destroy() gives everything
// back before it lets go of the account. Nothing here runs on activate().
//
// Locking: `lock_` guards the regions, the page table and the private
// objects' page lists; the ASID is the space's for its life (activate()
// takes no lock). `lock_` is an AddressSpaceLock: it may be
// held while TLB shootdowns wait for other CPUs, and it is never taken with
// another spin lock held (tlb_shootdown.h says why). Order (outer first):
//   AddressSpace::lock_ -> MemoryObject::lock_ -> PhysicalMemory's node locks
//   AddressSpace::lock_ -> AsidAllocator's lock
// (the ObjectAllocator and TablePageSource are leaves under any of these). A fault that needs a
// Pager drops `lock_` while the pager runs and revalidates afterwards.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"
#include "kernel/mm/vm/accounted_table_source.h"
#include "kernel/mm/vm/asid_allocator.h"
#include "kernel/mm/vm/page_table.h"
#include "kernel/mm/vm/region.h"
#include "kernel/mm/vm/tlb_shootdown.h"
#include "kernel/mm/vm/vm_environment.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

class MemoryObject;

// Where as_map() puts a region when the caller does not fix the address:
// the lowest free range at or above this (page 0 and its neighbours stay
// unmapped so that null-pointer accesses fault).
inline constexpr hal::mm::VirtualAddress kLowestAutomaticAddress = 0x10000;

struct MapRequest {
    RegionType type = RegionType::kAnonymous;
    Permissions permissions;
    uint64_t length = 0;  // bytes: page-aligned, > 0
    // With `fixed`, the region's start; otherwise where to start looking
    // for a free range (0: kLowestAutomaticAddress).
    hal::mm::VirtualAddress address = 0;
    bool fixed = false;
    // kShared: an anonymous object; kDevice: a physical one; kFileBacked: a
    // pager-backed one; none for kAnonymous and kReserved. The region takes
    // its own reference; the caller keeps its own.
    MemoryObject* object = nullptr;
    uint64_t object_offset = 0;  // page-aligned; the range must lie in the object
    // Transparent huge pages for a kAnonymous region (see above); allowed
    // for kDevice, which gets 2 MiB leaves wherever alignment allows anyway,
    // and kInvalidArgument for the other types.
    bool huge_pages = false;
};

class AddressSpace final : private SplitFlusher {
public:
    // A new, empty address space whose root carries the kernel half. It
    // charges its tables and anonymous pages to `account` (which it holds a
    // reference on until destroy(); nullptr: nobody).
    static os::ErrorOr<AddressSpace*> create(VmEnvironment& environment = vm_environment(),
                                             MemoryAccount* account = nullptr);
    static os::ErrorOr<AddressSpace*> create(MemoryAccount* account) {
        return create(vm_environment(), account);
    }

    // Unmaps everything and frees the regions, page tables, ASID and the
    // address space itself. It must not be active on another CPU; on this
    // CPU it is switched away from first.
    void destroy();

    // Adds a region and returns its start. Errors: kInvalidArgument
    // (misaligned, zero length, bad type/object combination, permissions
    // -w- or --x, any permission on a reserved region), kPermissionDenied
    // (writable and executable), kBadAddress (not inside the user half, or
    // overlapping page 0), kOutOfRange (past the object's end),
    // kAlreadyExists (overlaps a region), kNoSpace (no free range that
    // large), kOutOfMemory.
    os::ErrorOr<hal::mm::VirtualAddress> map(const MapRequest& request);

    // Removes [address, address + length) from every region it overlaps,
    // splitting a region when a hole opens inside it; unmaps the pages and
    // drops the frames only this address space held. Unmapped parts of the
    // range are ignored. kInvalidArgument, kBadAddress as for map().
    os::ErrorOr<void> unmap(hal::mm::VirtualAddress address, uint64_t length);

    // Zero-copy transfer (memory_take): moves the pages of [address, address
    // + length), which anonymous regions must cover without a gap (else
    // kNotFound; another region type: kInvalidArgument), into `target`, a
    // new anonymous object of exactly `length` bytes nobody else can reach
    // (page i of the range becomes its page i; pages never touched stay
    // absent and read as zero), then unmaps the range. A frame this space
    // holds alone changes hands without a copy; one still shared
    // copy-on-write with a clone is copied, since a shared object's pages
    // must not be another space's private ones. On error (kOutOfMemory) the
    // address space is unchanged and `target` may hold some pages (its
    // release() drops them). See address_space_take.cc.
    os::ErrorOr<void> take(hal::mm::VirtualAddress address, uint64_t length, MemoryObject& target);

    // Sets the permissions of [address, address + length), splitting regions
    // at the edges; existing entries are downgraded and the TLB flushed
    // (upgrades take effect through faults). The range must be covered by
    // regions (else kNotFound) none of which is reserved (else
    // kPermissionDenied); W^X and the rest as for map(). On error nothing
    // changed.
    os::ErrorOr<void> protect(hal::mm::VirtualAddress address, uint64_t length,
                              Permissions permissions);

    // A fork: a new address space with the same regions. Anonymous memory
    // becomes copy-on-write (see above), shared, file-backed and device
    // regions share their objects, reserved ones are copied.
    os::ErrorOr<AddressSpace*> clone();

    // Makes this the current address space of this CPU (as_switch).
    void activate();
    // activate() for a caller that has interrupts masked on CPU `cpu` (this
    // one): the scheduler's switch (as_switch_masked()).
    [[gnu::always_inline]] void activate_masked(uint32_t cpu);
    // The reverse, likewise masked: CPU `cpu` (this one), which runs this
    // space, switches to a user half with nothing in it (as_switch(nullptr)).
    void deactivate_masked(uint32_t cpu);

    // The frame mapped user-writable at `page` (page-aligned), with one more
    // reference for the caller (it gives it back with release_frame()).
    // kBadAddress if the page is not mapped, not writable (which includes a
    // page shared copy-on-write) or not RAM. While pinned the frame counts
    // as shared: memory_take copies it, a write fault on it would copy it.
    // See address_space_pin.cc.
    os::ErrorOr<PageFrame*> pin_writable_page(hal::mm::VirtualAddress page);

    // One page of a pinned range: the frame holding a reference (a huge
    // leaf's head frame) and the page's bytes through the direct map.
    struct PinnedPage {
        PageFrame* frame;
        uint8_t* bytes;
    };
    // Pins up to `count` pages from `first_page` (page-aligned), in order,
    // all under one hold of the lock: each a user page mapped readable (and
    // writable if `writable`) backed by RAM, its frame referenced as above.
    // Returns how many it pinned: it stops at the first page that is not
    // present or not eligible (the caller faults it in and tries again, or
    // gives up). The caller drops each reference with release_frame().
    size_t pin_pages(hal::mm::VirtualAddress first_page, size_t count, bool writable,
                     PinnedPage* pages);

    // Resolves a fault at a user-half address of this address space, or
    // prints why it cannot and returns kUnresolved (see handle_page_fault).
    FaultResolution handle_fault(const hal::mm::PageFault& fault);
    // handle_fault() for the kernel filling a space it builds (the ELF
    // loader): nothing printed, and why not as an error: kQuotaExceeded,
    // kOutOfMemory, else kBadAddress.
    os::ErrorOr<void> fault_in(const hal::mm::PageFault& fault);

    // ---- Introspection (tests, diagnostics) -------------------------------

    hal::mm::PhysicalAddress root() const { return table_.root(); }
    // The translation of `address`, if mapped.
    bool translate(hal::mm::VirtualAddress address, PageTable::Translation* translation) const;
    // The region containing `address`, copied out; false if none.
    bool find_region(hal::mm::VirtualAddress address, RegionInfo* info) const;
    size_t region_count() const;
    // Copies up to `capacity` regions in address order; returns how many
    // there are in all.
    size_t copy_regions(RegionInfo* regions, size_t capacity) const;
    // Regions sorted, non-overlapping, inside the user half, W^X, objects
    // large enough, no huge leaf across a region's edge; the tree balanced.
    bool check_invariants() const;

    VmEnvironment& environment() const { return environment_; }
    MemoryAccount* account() const { return account_; }

    // Use create(); public only for create_object().
    AddressSpace(VmEnvironment& environment, PhysicalAddress root, MemoryAccount* account);

private:
    ~AddressSpace() = default;
    template <typename T>
    friend void destroy_object(ObjectAllocator&, T*);
    struct FaultOutcome;

    // address_space.cc
    Region* new_region();
    void free_region(Region* region);
    MappingAttributes attributes_for(const Region& region, bool writable) const;
    bool is_free(hal::mm::VirtualAddress start, uint64_t length) const;
    os::ErrorOr<hal::mm::VirtualAddress> find_free_range(hal::mm::VirtualAddress hint,
                                                         uint64_t length) const;
    os::ErrorOr<void> map_device_pages(const Region& region);
    os::ErrorOr<void> map_page(hal::mm::VirtualAddress page, hal::mm::PhysicalAddress physical,
                               MappingAttributes attributes);
    os::ErrorOr<void> split_edges(hal::mm::VirtualAddress start, hal::mm::VirtualAddress end);
    os::ErrorOr<void> try_remove_entries(hal::mm::VirtualAddress start, uint64_t length);
    void remove_entries(hal::mm::VirtualAddress start, uint64_t length);
    void remap_entries(const Region& region);
    void unmap_pages(Region& region, hal::mm::VirtualAddress start, hal::mm::VirtualAddress end);
    // unmap() with lock_ held; uses `spare` (and clears it) if a region splits.
    os::ErrorOr<void> unmap_locked(hal::mm::VirtualAddress address, hal::mm::VirtualAddress end,
                                   Region*& spare);
    static void insert_region(RegionTree& tree, Region& region);
    void split(Region& region, hal::mm::VirtualAddress at, Region* upper);
    os::ErrorOr<void> clone_region(const Region& region, AddressSpace& child);
    void flush(hal::mm::VirtualAddress start, uint64_t length);
    // Break-before-make on aarch64: a huge leaf being split is flushed
    // between its removal and the table that replaces it.
    void flush_split(hal::mm::VirtualAddress start, size_t length) override {
        flush(start, length);
    }
    void flush_all();

    // page_fault.cc
    FaultOutcome resolve_and_populate(const hal::mm::PageFault& fault, RegionInfo* region);
    FaultOutcome resolve_fault(const hal::mm::PageFault& fault, RegionInfo* info);
    FaultOutcome resolve_in_region(Region& region, const hal::mm::PageFault& fault);
    FaultOutcome populate(Region& region, hal::mm::VirtualAddress page, hal::mm::Access access);
    bool populate_huge(Region& region, hal::mm::VirtualAddress page);
    FaultOutcome populate_from_pager(const hal::mm::PageFault& fault, MemoryObject* object,
                                     uint64_t index);
    FaultOutcome copy_on_write(Region& region, hal::mm::VirtualAddress page, PageSize leaf);
    os::ErrorOr<hal::mm::PhysicalAddress> copy_page(Region& region, uint64_t index,
                                                    PageFrame* shared);

    VmEnvironment& environment_;
    MemoryAccount* const account_;  // referenced until destroy() ends
    AccountedTableSource tables_;   // what table_ takes tables below the root from
    mutable AddressSpaceLock lock_;
    PageTable table_;     // guarded by lock_
    RegionTree regions_;  // guarded by lock_
    // The root and the ASID as a switch loads them. The ASID is the space's
    // own from construction to destroy() (asid_allocator.h), or 0: none
    // left, or the CPU has none (then every switch to it flushes, hal/mm.h).
    const hal::mm::UserRoot user_root_;
    // CPUs that may cache entries of this space. Its own cache line: every
    // CPU that switches to the space writes it.
    alignas(64) TlbCpuSet tlb_cpus_;
};

// The current address space of this CPU (nullptr: none, the kernel's alone).
AddressSpace* current_address_space();

namespace internal {
// The address space each CPU runs: slot i is written only by CPU i, with
// interrupts masked; other CPUs read it only in AddressSpace::destroy().
extern AddressSpace* current_spaces[hal::kMaxCpus];
}  // namespace internal

// Inline: every switch to another address space runs it (the scheduler's
// and the IPC fast path's, as_switch_masked()).
inline void AddressSpace::activate_masked(uint32_t cpu) {
    // Before the root is loaded: from now on shootdowns include this CPU
    // (its bit stays set after it switches away, see tlb_shootdown.h).
    tlb_cpus_.add_if_absent(cpu);
    __atomic_store_n(&internal::current_spaces[cpu], this, __ATOMIC_RELEASE);  // destroy() reads it
    // The previous space's entries stay in this CPU's TLB, tagged with its
    // ASID; with ASID 0, loading the root drops those cached under 0 (hal/mm.h).
    hal::mm::activate_user_root(user_root_);
}

// The operations as the design names them.
inline os::ErrorOr<AddressSpace*> as_create(VmEnvironment& environment = vm_environment()) {
    return AddressSpace::create(environment);
}
// A process's space, charged to its memory quota.
inline os::ErrorOr<AddressSpace*> as_create(MemoryAccount* account) {
    return AddressSpace::create(account);
}
inline void as_destroy(AddressSpace* space) {
    space->destroy();
}
inline os::ErrorOr<hal::mm::VirtualAddress> as_map(AddressSpace* space, const MapRequest& request) {
    return space->map(request);
}
inline os::ErrorOr<void> as_unmap(AddressSpace* space, hal::mm::VirtualAddress address,
                                  uint64_t length) {
    return space->unmap(address, length);
}
inline os::ErrorOr<void> as_protect(AddressSpace* space, hal::mm::VirtualAddress address,
                                    uint64_t length, Permissions permissions) {
    return space->protect(address, length, permissions);
}
inline os::ErrorOr<AddressSpace*> as_clone(AddressSpace* space) {
    return space->clone();
}
// Activates `space`, or with nullptr a user half with nothing in it.
void as_switch(AddressSpace* space);

// as_switch_masked() (below) unless it would switch to no space (then
// false, and nothing changed): with no call, for the IPC fast path's
// switch, which takes as_switch_masked() out of line then, so that none of
// its values has to survive a call. Relaxed: only this CPU writes its slot.
[[gnu::always_inline]] inline bool as_switch_masked_fast(AddressSpace* space, uint32_t cpu) {
    AddressSpace* current = __atomic_load_n(&internal::current_spaces[cpu], __ATOMIC_RELAXED);
    if (current == space) return true;
    if (space == nullptr) [[unlikely]]
        return false;
    space->activate_masked(cpu);
    return true;
}

// as_switch() for the scheduler's switch, which runs with interrupts masked
// (so the CPU index stays ours and nothing on this CPU sees a half-done
// switch); `cpu` is this CPU's index, if the caller has it: nothing at all when the CPU runs
// `space` already (two threads of one process, a thread switched back to), one load and a compare.
// The index needs no bounds check: hal::current_cpu_index() < hal::kMaxCpus (hal/cpu.h; asserted
// where each CPU is brought up).
[[gnu::always_inline]] inline void as_switch_masked(AddressSpace* space,
                                                    uint32_t cpu = hal::current_cpu_index()) {
    if (as_switch_masked_fast(space, cpu)) [[likely]]
        return;
    // To no space from one (not null: as_switch_masked_fast() compared them).
    internal::current_spaces[cpu]->deactivate_masked(cpu);
}

}  // namespace kernel::mm
