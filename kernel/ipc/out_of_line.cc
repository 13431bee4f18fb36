#include "kernel/ipc/out_of_line.h"

#include "cairn/ipc.h"
#include "hal/cpu.h"
#include "hal/mm.h"
#include "kernel/ipc/thread_state.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/vm_environment.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::ipc {

using PinnedPage = mm::AddressSpace::PinnedPage;
constexpr uint64_t kPage = hal::mm::kPageSize;

// One kmalloc'd block: this header, then page_count PinnedPages (at most
// 257 for 1 MiB that does not start on a page boundary).
struct OutOfLine {
    uint64_t length = 0;
    uint64_t offset = 0;  // of the first byte in the first page
    uint64_t page_count = 0;
    uint32_t references = 2;  // the lender's and the holder's
    // ---- ipc_lock() ----
    bool returned = false;
    sched::Thread* waiter = nullptr;  // the lender, blocked in wait_given_back
    uint64_t wait_sequence = 0;

    PinnedPage* pages() { return reinterpret_cast<PinnedPage*>(this + 1); }
    const PinnedPage* pages() const { return reinterpret_cast<const PinnedPage*>(this + 1); }
};

namespace {

void unpin(OutOfLine& range, uint64_t count) {
    for (uint64_t index = 0; index < count; ++index)
        mm::release_frame(*mm::vm_environment().frames, range.pages()[index].frame);
    range.page_count = 0;
}

void drop_reference(OutOfLine* range) {
    if (__atomic_sub_fetch(&range->references, 1, __ATOMIC_ACQ_REL) != 0) return;
    range->~OutOfLine();
    kfree(range);
}

// ipc_lock() held.
void mark_returned(OutOfLine& range) {
    range.returned = true;
    if (range.waiter == nullptr) return;
    sched::wake(*range.waiter, range.wait_sequence);
    range.waiter = nullptr;
}

// Pins all pages, faulting in those not present with a one-byte checked
// read (which reports a bad page as the lender's kBadAddress). A page that
// reads but still cannot be pinned (not RAM) is refused.
os::ErrorOr<void> pin_all(mm::AddressSpace& space, OutOfLine& range, uint64_t address) {
    uint64_t first_page = address - range.offset;
    uint64_t pinned = 0;
    uint64_t touched = UINT64_MAX;  // the page last faulted in
    while (pinned < range.page_count) {
        pinned += space.pin_pages(first_page + pinned * kPage, range.page_count - pinned,
                                  /*writable=*/false, range.pages() + pinned);
        if (pinned == range.page_count) break;
        if (touched == pinned) {  // faulted in, yet not pinnable
            unpin(range, pinned);
            return os::Error::kBadAddress;
        }
        touched = pinned;
        uint64_t probe = pinned == 0 ? address : first_page + pinned * kPage;
        uint8_t byte;
        os::ErrorOr<void> read = syscall::copy_in(&byte, probe, 1);
        if (read.is_error()) {
            unpin(range, pinned);
            return read.error();
        }
    }
    return {};
}

}  // namespace

os::ErrorOr<OutOfLine*> lend(uint64_t address, uint64_t length) {
    if (length == 0 || length > cairn::kMaxOutOfLineBytes) return os::Error::kInvalidArgument;
    if (!syscall::is_user_range(address, length)) return os::Error::kBadAddress;
    mm::AddressSpace* space = mm::current_address_space();
    if (space == nullptr) return os::Error::kBadAddress;
    uint64_t offset = address % kPage;
    uint64_t page_count = (offset + length + kPage - 1) / kPage;
    void* memory = kmalloc(sizeof(OutOfLine) + page_count * sizeof(PinnedPage));
    if (memory == nullptr) return os::Error::kOutOfMemory;
    auto* range = new (memory) OutOfLine;
    range->length = length;
    range->offset = offset;
    range->page_count = page_count;
    os::ErrorOr<void> pinned = pin_all(*space, *range, address);
    if (pinned.is_error()) {
        range->~OutOfLine();
        kfree(range);
        return pinned.error();
    }
    return range;
}

os::ErrorOr<void> copy_to_user(const OutOfLine& range, uint64_t destination) {
    uint64_t copied = 0;
    for (uint64_t index = 0; copied < range.length; ++index) {
        uint64_t start = index == 0 ? range.offset : 0;
        uint64_t chunk = os::min(kPage - start, range.length - copied);
        TRY(syscall::copy_out(destination + copied, range.pages()[index].bytes + start, chunk));
        copied += chunk;
    }
    return {};
}

void give_back(OutOfLine* range) {
    unpin(*range, range->page_count);
    {
        SpinLockGuard guard(ipc_lock());
        mark_returned(*range);
    }
    drop_reference(range);
}

void give_back_locked(OutOfLine* range) {
    unpin(*range, range->page_count);
    mark_returned(*range);
    drop_reference(range);
}

void wait_given_back(OutOfLine* range) {
    {
        SpinLock& lock = ipc_lock();
        SpinLockGuard guard(lock);
        sched::Thread& self = sched::current();
        // A killed lender stops waiting: it never returns to user space, so
        // nothing can rewrite the bytes through it, and the holder's
        // reference keeps the range (and its pins) until it gives it back.
        while (!range->returned && !sched::kill_pending(self)) {
            uint64_t sequence = sched::begin_wait();
            range->wait_sequence = sequence;
            range->waiter = &self;
            // Interrupts stay masked from here to the switch (as in
            // wait_until_done).
            lock.unlock(hal::disable_interrupts());
            sched::end_wait(sequence, sched::kNoDeadline);
            (void)lock.lock();
            range->waiter = nullptr;
        }
    }
    drop_reference(range);
}

}  // namespace kernel::ipc
