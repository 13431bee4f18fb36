// Memory objects: what regions of address spaces map.
//
// A MemoryObject is a reference-counted, page-granular piece of memory:
//  - anonymous: RAM that appears zero-filled on first touch. Shared regions
//    map one that several address spaces hold; every anonymous (private)
//    region also keeps its pages in one of its own, which the address space
//    copies on clone (see address_space.h for copy-on-write);
//  - physical: a fixed physical range (a device's registers, a frame
//    buffer); it has no page list and owns none of that memory;
//  - pager-backed: pages a Pager supplies on first touch (file contents, once
//    user-space pagers exist; until then in-kernel pagers in tests).
//
// Frame references: every page in an object's page list holds one reference
// on its frame, owned by the list. Page-table entries hold none: a frame
// leaves a page list only after every PTE that maps it is gone and the TLBs
// are flushed, which the address-space code guarantees (see its unmap and
// copy-on-write paths), and an object dies only when no region maps it.
//
// Accounting: a private object of an address space that pays for its
// memory (memory_account.h) carries that space's account and charges it
// kPageCost for every page that enters its page list (zero-fill, a huge
// block, pages shared into it by a clone) and refunds it for every page
// that leaves (release_pages, the last release()); replace_page() swaps a
// frame for another and moves no charge. Objects without an account charge
// nothing per page (memory objects behind capabilities are paid for whole).
//
// Locking: `lock_` protects the page list. Lock order (outer first):
//   AddressSpace::lock_  ->  MemoryObject::lock_  ->  PhysicalMemory's locks.
// The lock is never held while a Pager runs.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"
#include "kernel/lib/span.h"
#include "kernel/mm/vm/memory_account.h"
#include "kernel/mm/vm/page_list.h"
#include "kernel/mm/vm/vm_environment.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

class MemoryObject;

enum class MemoryObjectKind : uint8_t { kAnonymous, kPhysical, kPagerBacked };

const char* to_string(MemoryObjectKind kind);

// Supplies the pages of pager-backed memory objects.
class Pager {
public:
    // Page `page_index` of `object` is missing: provide it with
    // object.supply_page() and return success, or fail, which makes the
    // access that needed the page unresolved. Called with no VM lock held
    // and with a reference on `object` held for the duration of the call.
    virtual os::ErrorOr<void> supply(MemoryObject& object, uint64_t page_index) = 0;

protected:
    ~Pager() = default;
};

class MemoryObject {
public:
    // Each returns an object holding one reference, the caller's. `size` is
    // in bytes, a non-zero multiple of the page size (kInvalidArgument).
    static os::ErrorOr<MemoryObject*> create_anonymous(
        uint64_t size, VmEnvironment& environment = vm_environment());
    // [base, base + size) must be page-aligned and not wrap.
    static os::ErrorOr<MemoryObject*> create_physical(
        hal::mm::PhysicalAddress base, uint64_t size,
        VmEnvironment& environment = vm_environment());
    // `pager` must outlive the object.
    static os::ErrorOr<MemoryObject*> create_pager_backed(
        Pager& pager, uint64_t size, VmEnvironment& environment = vm_environment());

    void add_reference();
    // Drops one reference; the last one drops every page and frees the object.
    void release();
    uint32_t reference_count() const { return __atomic_load_n(&references_, __ATOMIC_RELAXED); }

    MemoryObjectKind kind() const { return kind_; }
    uint64_t size() const { return page_count_ * hal::mm::kPageSize; }
    uint64_t page_count() const { return page_count_; }
    hal::mm::PhysicalAddress physical_base() const { return physical_base_; }  // kPhysical only

    // The physical address of page `index`, made present first if needed:
    // anonymous objects allocate a zeroed frame, pager-backed ones ask the
    // pager (which must not be called with any lock held). Fails with
    // kOutOfRange, kOutOfMemory, the pager's error, or kNotFound if the pager
    // reported success without supplying the page.
    os::ErrorOr<hal::mm::PhysicalAddress> acquire_page(uint64_t index);

    // For pagers: makes page `index` present holding `data` (zero-padded;
    // at most one page). kAlreadyExists if it is present already.
    os::ErrorOr<void> supply_page(uint64_t index, os::Bytes data);

    // The frame of a present page, or nullptr (and always for kPhysical).
    PageFrame* find_page(uint64_t index) const;
    uint64_t resident_pages() const;

    // ---- For address spaces' private (anonymous-region) objects ------------
    // The caller holds its address space's lock, and the PTEs of the pages
    // concerned are gone and flushed where the comment says so.

    // Swaps in `frame` (taking over the caller's reference) for present page
    // `index`; returns the old frame, whose reference passes to the caller.
    PageFrame* replace_page(uint64_t index, PageFrame* frame);

    // Drops the pages [first, first + count); no PTE may map them any more.
    void release_pages(uint64_t first, uint64_t count);

    // Makes `target` share this object's present pages in [first, first +
    // count) at the same indices, one more reference each, and calls
    // `shared(context, index, frame)` for each. `target` is new and
    // unreachable by anyone else. kOutOfMemory leaves `target` partly filled
    // (its release() undoes it).
    using PageCallback = void (*)(void* context, uint64_t index, PageFrame* frame);
    os::ErrorOr<void> share_pages_with(MemoryObject& target, uint64_t first, uint64_t count,
                                       PageCallback shared, void* context);

    // For AddressSpace::take() (memory_take): gives `target` (anonymous,
    // new, unreachable by anyone else) the present pages [first, first +
    // count) of this object at target_first + (index - first). A frame only
    // this object references is shared (one more reference, no copy; the
    // caller then drops this object's pages); a frame with more references
    // (copy-on-write with a clone) is copied into a new frame. kOutOfMemory
    // leaves `target` partly filled (its release() undoes it) and this
    // object unchanged. The caller holds its address space's lock, so no
    // clone can share a frame meanwhile.
    os::ErrorOr<void> transfer_pages_to(MemoryObject& target, uint64_t first, uint64_t count,
                                        uint64_t target_first);

    // ---- Huge pages (anonymous objects) ------------------------------------

    // Makes the 2^order pages [first, first + 2^order) present at once with
    // one zeroed, naturally aligned block of that order, split into order-0
    // frames (PhysicalMemory::split_block) so that each page is shared,
    // copied and dropped on its own later like any other; returns the
    // block's physical address. Errors: kAlreadyExists (one of the pages is
    // present), kOutOfMemory (no free block that large, or no page-list
    // node), kOutOfRange, kUnsupported (not anonymous). On error nothing
    // changed.
    os::ErrorOr<hal::mm::PhysicalAddress> populate_block(uint64_t first, unsigned order);

    // True if every page of [first, first + count) is present and this
    // object holds the only reference to its frame (so one writable entry
    // may map them all).
    bool owns_exclusively(uint64_t first, uint64_t count) const;

    VmEnvironment& environment() const { return environment_; }

    // Makes this new object (no page yet) charge `account` per page (see
    // above). Its address space keeps the account alive for it.
    void set_account(MemoryAccount* account);
    MemoryAccount* account() const { return account_; }

    // Use the create_* functions; public only for create_object().
    MemoryObject(MemoryObjectKind kind, uint64_t page_count, VmEnvironment& environment);

private:
    ~MemoryObject() = default;
    template <typename T>
    friend void destroy_object(ObjectAllocator&, T*);

    static os::ErrorOr<MemoryObject*> create(MemoryObjectKind kind, uint64_t size,
                                             VmEnvironment& environment);
    os::ErrorOr<PageFrame*> zero_fill_locked(uint64_t index);
    // kPageCost per page to the account (if any), given back unless kept.
    os::ErrorOr<MemoryCharge> charge_pages(uint64_t count);
    void refund_pages(uint64_t count);

    VmEnvironment& environment_;
    const MemoryObjectKind kind_;
    const uint64_t page_count_;
    hal::mm::PhysicalAddress physical_base_ = 0;
    Pager* pager_ = nullptr;
    MemoryAccount* account_ = nullptr;  // set once, before the first page
    uint32_t references_ = 1;
    mutable SpinLock lock_;
    PageList pages_;  // guarded by lock_; empty for kPhysical
};

}  // namespace kernel::mm
