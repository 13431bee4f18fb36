#include "kernel/mm/vm/memory_object.h"

#include "kernel/debug/panic.h"
#include "kernel/mm/physical/physical_memory.h"

namespace kernel::mm {

using hal::mm::PhysicalAddress;

const char* to_string(MemoryObjectKind kind) {
    switch (kind) {
        case MemoryObjectKind::kAnonymous:
            return "anonymous";
        case MemoryObjectKind::kPhysical:
            return "physical";
        case MemoryObjectKind::kPagerBacked:
            return "pager-backed";
    }
    return "?";
}

MemoryObject::MemoryObject(MemoryObjectKind kind, uint64_t page_count, VmEnvironment& environment)
    : environment_(environment),
      kind_(kind),
      page_count_(page_count),
      pages_(*environment.frames, page_count) {}

os::ErrorOr<MemoryObject*> MemoryObject::create(MemoryObjectKind kind, uint64_t size,
                                                VmEnvironment& environment) {
    if (size == 0 || size % hal::mm::kPageSize != 0) return os::Error::kInvalidArgument;
    auto* object = create_object<MemoryObject>(*environment.objects, kind,
                                               size / hal::mm::kPageSize, environment);
    if (object == nullptr) return os::Error::kOutOfMemory;
    return object;
}

os::ErrorOr<MemoryObject*> MemoryObject::create_anonymous(uint64_t size,
                                                          VmEnvironment& environment) {
    return create(MemoryObjectKind::kAnonymous, size, environment);
}

os::ErrorOr<MemoryObject*> MemoryObject::create_physical(PhysicalAddress base, uint64_t size,
                                                         VmEnvironment& environment) {
    PhysicalAddress end;
    if (base % hal::mm::kPageSize != 0 || !os::checked_add(base, size, &end)) {
        return os::Error::kInvalidArgument;
    }
    MemoryObject* object = TRY(create(MemoryObjectKind::kPhysical, size, environment));
    object->physical_base_ = base;
    return object;
}

os::ErrorOr<MemoryObject*> MemoryObject::create_pager_backed(Pager& pager, uint64_t size,
                                                             VmEnvironment& environment) {
    MemoryObject* object = TRY(create(MemoryObjectKind::kPagerBacked, size, environment));
    object->pager_ = &pager;
    return object;
}

void MemoryObject::add_reference() {
    uint32_t before = __atomic_fetch_add(&references_, 1, __ATOMIC_RELAXED);
    KERNEL_ASSERT(before != 0);
}

void MemoryObject::release() {
    uint32_t remaining = __atomic_sub_fetch(&references_, 1, __ATOMIC_ACQ_REL);
    if (remaining != 0) return;
    // Nobody else can reach the object now: no lock needed to tear it down.
    refund_pages(pages_.resident_pages());
    destroy_object(*environment_.objects, this);  // ~PageList drops the pages
}

void MemoryObject::set_account(MemoryAccount* account) {
    KERNEL_ASSERT(account_ == nullptr && resident_pages() == 0);
    account_ = account;
}

os::ErrorOr<MemoryCharge> MemoryObject::charge_pages(uint64_t count) {
    return MemoryCharge::take(count != 0 ? account_ : nullptr, count * cairn::kPageCost);
}

void MemoryObject::refund_pages(uint64_t count) {
    if (account_ != nullptr && count != 0) account_->refund_memory(count * cairn::kPageCost);
}

PageFrame* MemoryObject::find_page(uint64_t index) const {
    if (index >= page_count_) return nullptr;
    SpinLockGuard guard(lock_);
    return pages_.find(index);
}

uint64_t MemoryObject::resident_pages() const {
    SpinLockGuard guard(lock_);
    return pages_.resident_pages();
}

os::ErrorOr<PageFrame*> MemoryObject::zero_fill_locked(uint64_t index) {
    // Paid for first: a page the account cannot pay for is never made.
    MemoryCharge charge = TRY(charge_pages(1));
    PageRequest request;
    request.zeroed = true;
    PageFrame* frame = TRY(environment_.frames->allocate(request));
    frame->set_usage(FrameUsage::kUserMemory);
    auto inserted = pages_.insert(index, frame);
    if (inserted.is_error()) {
        release_frame(*environment_.frames, frame);
        return inserted.error();
    }
    charge.keep();  // the page list's now
    return frame;
}

os::ErrorOr<PhysicalAddress> MemoryObject::acquire_page(uint64_t index) {
    if (index >= page_count_) return os::Error::kOutOfRange;
    PhysicalMemory& frames = *environment_.frames;
    switch (kind_) {
        case MemoryObjectKind::kPhysical:
            return physical_base_ + index * hal::mm::kPageSize;

        case MemoryObjectKind::kAnonymous: {
            SpinLockGuard guard(lock_);
            PageFrame* frame = pages_.find(index);
            if (frame == nullptr) frame = TRY(zero_fill_locked(index));
            return frames.address_of(frame);
        }

        case MemoryObjectKind::kPagerBacked: {
            if (PageFrame* frame = find_page(index)) return frames.address_of(frame);
            // The pager runs unlocked (a user-space pager will block). Two
            // faults may ask for the same page: the second supply_page()
            // fails with kAlreadyExists, and both find the page below.
            auto supplied = pager_->supply(*this, index);
            PageFrame* frame = find_page(index);
            if (frame != nullptr) return frames.address_of(frame);
            return supplied.is_error() ? supplied.error() : os::Error::kNotFound;
        }
    }
    return os::Error::kUnsupported;
}

os::ErrorOr<void> MemoryObject::supply_page(uint64_t index, os::Bytes data) {
    if (index >= page_count_ || data.size() > hal::mm::kPageSize) return os::Error::kOutOfRange;
    if (kind_ == MemoryObjectKind::kPhysical) return os::Error::kUnsupported;
    PhysicalMemory& frames = *environment_.frames;
    // Fill the frame before taking the lock: the copy is the slow part.
    PageFrame* frame = TRY(frames.allocate(PageRequest{}));
    frame->set_usage(FrameUsage::kUserMemory);
    auto* bytes = static_cast<uint8_t*>(frames.virtual_address_of(frame));
    __builtin_memcpy(bytes, data.data(), data.size());
    __builtin_memset(bytes + data.size(), 0, hal::mm::kPageSize - data.size());

    os::ErrorOr<void> inserted = os::Error::kAlreadyExists;
    {
        SpinLockGuard guard(lock_);
        if (pages_.find(index) == nullptr) {
            auto charge = charge_pages(1);
            if (charge.is_error()) {
                inserted = charge.error();
            } else {
                inserted = pages_.insert(index, frame);
                if (!inserted.is_error()) charge.value().keep();
            }
        }
    }
    if (inserted.is_error()) release_frame(frames, frame);
    return inserted;
}

PageFrame* MemoryObject::replace_page(uint64_t index, PageFrame* frame) {
    SpinLockGuard guard(lock_);
    return pages_.replace(index, frame);
}

void MemoryObject::release_pages(uint64_t first, uint64_t count) {
    SpinLockGuard guard(lock_);
    PhysicalMemory& frames = *environment_.frames;
    uint64_t removed = 0;
    pages_.remove_range(first, count, [&frames, &removed](uint64_t, PageFrame* frame) {
        release_frame(frames, frame);
        ++removed;
    });
    refund_pages(removed);
}

os::ErrorOr<PhysicalAddress> MemoryObject::populate_block(uint64_t first, unsigned order) {
    if (kind_ != MemoryObjectKind::kAnonymous) return os::Error::kUnsupported;
    const uint64_t count = uint64_t{1} << order;
    if (order > kMaxOrder || first >= page_count_ || count > page_count_ - first) {
        return os::Error::kOutOfRange;
    }
    PhysicalMemory& frames = *environment_.frames;
    SpinLockGuard guard(lock_);
    bool any_present = false;
    pages_.for_each(first, count, [&any_present](uint64_t, PageFrame*) { any_present = true; });
    if (any_present) return os::Error::kAlreadyExists;

    MemoryCharge charge = TRY(charge_pages(count));
    PageRequest request;
    request.order = order;
    request.zeroed = true;
    PageFrame* head = TRY(frames.allocate(request));
    head->set_usage(FrameUsage::kUserMemory);
    const PhysicalAddress base = frames.address_of(head);
    frames.split_block(head);  // from here on `count` frames with a reference each
    for (uint64_t i = 0; i < count; ++i) {
        auto inserted = pages_.insert(first + i, frames.frame_of(base + i * hal::mm::kPageSize));
        if (inserted.is_error()) {
            pages_.remove_range(
                first, i, [&frames](uint64_t, PageFrame* frame) { release_frame(frames, frame); });
            for (uint64_t rest = i; rest < count; ++rest) {
                release_frame(frames, frames.frame_of(base + rest * hal::mm::kPageSize));
            }
            return inserted.error();
        }
    }
    charge.keep();  // the page list's now
    return base;
}

bool MemoryObject::owns_exclusively(uint64_t first, uint64_t count) const {
    if (first >= page_count_ || count > page_count_ - first) return false;
    SpinLockGuard guard(lock_);
    uint64_t exclusive = 0;
    pages_.for_each(first, count, [&exclusive](uint64_t, PageFrame* frame) {
        if (frame->reference_count() == 1) ++exclusive;
    });
    return exclusive == count;
}

os::ErrorOr<void> MemoryObject::share_pages_with(MemoryObject& target, uint64_t first,
                                                 uint64_t count, PageCallback shared,
                                                 void* context) {
    KERNEL_ASSERT(target.page_count_ == page_count_);
    // Both locks: this one, then the new object's, which nobody else can
    // reach yet, so the order cannot deadlock.
    SpinLockGuard guard(lock_);
    SpinLockGuard target_guard(target.lock_);
    os::ErrorOr<void> result;
    pages_.for_each(first, count, [&](uint64_t index, PageFrame* frame) {
        if (result.is_error()) return;
        // The target pays for each page it holds (a clone's copy-on-write
        // page may become a copy of its own).
        auto charge = target.charge_pages(1);
        if (charge.is_error()) {
            result = charge.error();
            return;
        }
        result = target.pages_.insert(index, frame);
        if (result.is_error()) return;
        charge.value().keep();
        frame->add_reference();
        shared(context, index, frame);
    });
    return result;
}

os::ErrorOr<void> MemoryObject::transfer_pages_to(MemoryObject& target, uint64_t first,
                                                  uint64_t count, uint64_t target_first) {
    if (first > page_count_ || count > page_count_ - first || target_first > target.page_count_ ||
        count > target.page_count_ - target_first) {
        return os::Error::kOutOfRange;
    }
    PhysicalMemory& frames = *environment_.frames;
    // This lock, then the new object's, which nobody else can reach yet:
    // the order cannot deadlock.
    SpinLockGuard guard(lock_);
    SpinLockGuard target_guard(target.lock_);
    os::ErrorOr<void> result;
    pages_.for_each(first, count, [&](uint64_t index, PageFrame* frame) {
        if (result.is_error()) return;
        // memory_take's target was paid for whole and charges nothing here;
        // this object refunds the page when the caller drops it.
        auto charge = target.charge_pages(1);
        if (charge.is_error()) {
            result = charge.error();
            return;
        }
        PageFrame* given = frame;
        if (frame->reference_count() == 1) {
            frame->add_reference();  // the caller drops this object's afterwards
        } else {
            auto copy = frames.allocate(PageRequest{});
            if (copy.is_error()) {
                result = copy.error();
                return;
            }
            given = copy.value();
            given->set_usage(FrameUsage::kUserMemory);
            __builtin_memcpy(frames.virtual_address_of(given), frames.virtual_address_of(frame),
                             hal::mm::kPageSize);
        }
        result = target.pages_.insert(target_first + (index - first), given);
        if (result.is_error()) {
            release_frame(frames, given);
            return;
        }
        charge.value().keep();
    });
    return result;
}

}  // namespace kernel::mm
