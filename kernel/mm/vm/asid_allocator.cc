#include "kernel/mm/vm/asid_allocator.h"

#include "hal/cpu.h"
#include "hal/mm.h"
#include "kernel/debug/panic.h"

namespace kernel::mm {
namespace {

uint32_t clamp(uint32_t value, uint32_t low, uint32_t high) {
    return value < low ? low : value > high ? high : value;
}

// A rollover keeps up to one ASID per CPU reserved and must still find one
// more, besides ASID 0 (the kernel's): with fewer, run without ASIDs.
uint32_t usable_asids(uint32_t asid_count, uint32_t cpu_count) {
    asid_count = clamp(asid_count, 1, AsidAllocator::kMaxAsids);
    return asid_count > cpu_count + 1 ? asid_count : 1;
}

}  // namespace

AsidAllocator::AsidAllocator(uint32_t asid_count, uint32_t cpu_count)
    : cpu_count_(clamp(cpu_count, 1, kMaxCpus)), count_(usable_asids(asid_count, cpu_count_)) {
    set_used(0, true);
}

AsidAssignment AsidAllocator::assign(AsidContext& context) {
    return assign(context, hal::current_cpu_index());
}

// Out of line: its lock and the rollover need a stack frame and saved
// registers that the inline fast path (asid_allocator.h) then does without.
AsidAssignment AsidAllocator::assign_locked(AsidContext& context, uint32_t cpu) {
    KERNEL_ASSERT(cpu < cpu_count_);
    SpinLockGuard guard(lock_);
    if (context.id == 0 || generation_of(context.id) != generation_) {
        // Atomic: TLB shootdowns read it without this lock (tlb_shootdown.h).
        __atomic_store_n(&context.id, new_id(context.id), __ATOMIC_RELEASE);
    }
    if (stale_tlbs_ & (uint64_t{1} << cpu)) {
        // A rollover happened elsewhere since this CPU last flushed.
        stale_tlbs_ &= ~(uint64_t{1} << cpu);
        hal::mm::flush_all();
    }
    __atomic_store_n(&active_[cpu], context.id, __ATOMIC_RELEASE);
    return {.asid = asid_of(context.id), .flush = false};
}

void AsidAllocator::release(AsidContext& context) {
    if (!has_asids() || context.id == 0) return;
    SpinLockGuard guard(lock_);
    const uint64_t id = context.id;
    // The ASID is this context's in the current generation if it was handed
    // out in it or reserved for it at the last rollover.
    bool owned = generation_of(id) == generation_;
    for (uint32_t cpu = 0; cpu < cpu_count_; ++cpu) {
        if (reserved_[cpu] == id) {
            reserved_[cpu] = 0;
            owned = true;
        }
        // Only if still ours: another CPU's fast path may have replaced it.
        uint64_t expected = id;
        __atomic_compare_exchange_n(&active_[cpu], &expected, uint64_t{0}, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_RELAXED);
    }
    if (owned) {
        // Its entries must be gone before another address space gets it.
        hal::mm::flush_address_space(asid_of(id));
        set_used(asid_of(id), false);
    }
    __atomic_store_n(&context.id, uint64_t{0}, __ATOMIC_RELEASE);
}

uint64_t AsidAllocator::generation() const {
    SpinLockGuard guard(lock_);
    return generation_;
}

void AsidAllocator::set_used(uint32_t asid, bool used) {
    const uint64_t bit = uint64_t{1} << (asid % 64);
    if (used) {
        used_[asid / 64] |= bit;
    } else {
        used_[asid / 64] &= ~bit;
    }
}

// An id of the current generation for a context whose id is `old_id`
// (0: never had one): its old ASID if that is reserved for it or still free,
// otherwise a free one, rolling over if there is none.
uint64_t AsidAllocator::new_id(uint64_t old_id) {
    if (old_id != 0) {
        const uint64_t renewed = current(asid_of(old_id));
        if (take_reserved(old_id, renewed)) return renewed;
        if (!is_used(asid_of(old_id))) {
            set_used(asid_of(old_id), true);
            return renewed;
        }
    }
    uint32_t asid = find_free();
    if (asid == 0) {
        roll_over();
        asid = find_free();
        KERNEL_ASSERT(asid != 0);  // the constructor left room for one
    }
    set_used(asid, true);
    return current(asid);
}

// If the rollover reserved `old_id`'s ASID for it (it was running then),
// renames every such reservation to `new_id`.
bool AsidAllocator::take_reserved(uint64_t old_id, uint64_t new_id) {
    bool found = false;
    for (uint32_t cpu = 0; cpu < cpu_count_; ++cpu) {
        if (reserved_[cpu] == old_id) {
            reserved_[cpu] = new_id;
            found = true;
        }
    }
    return found;
}

// A free ASID of this generation, searching onwards from the last one handed
// out (not from 1 again, past all the ASIDs taken so far); 0 if there is none.
uint32_t AsidAllocator::find_free() {
    for (int pass = 0; pass < 2; ++pass) {
        const uint32_t end = pass == 0 ? count_ : next_;
        for (uint32_t asid = pass == 0 ? next_ : 1; asid < end;) {
            if (used_[asid / 64] == ~uint64_t{0}) {
                asid = (asid / 64 + 1) * 64;
            } else if (!is_used(asid)) {
                next_ = asid + 1;
                return asid;
            } else {
                ++asid;
            }
        }
    }
    return 0;
}

// A new generation: ASIDs in use on a CPU stay with their address spaces,
// every other is free again, and every TLB is flushed so that no entry of
// an older generation's owner survives.
void AsidAllocator::roll_over() {
    __atomic_store_n(&generation_, generation_ + 1, __ATOMIC_RELEASE);
    for (uint64_t& word : used_)
        word = 0;
    set_used(0, true);
    for (uint32_t cpu = 0; cpu < cpu_count_; ++cpu) {
        // Zeroed, so that the CPU's next assign() takes the slow path (see
        // there). Zero already: the CPU has not assigned since the last
        // rollover and still runs what was reserved for it then.
        uint64_t running = __atomic_exchange_n(&active_[cpu], uint64_t{0}, __ATOMIC_ACQ_REL);
        if (running == 0) running = reserved_[cpu];
        reserved_[cpu] = running;
        if (running != 0) set_used(asid_of(running), true);
    }
    next_ = 1;
    hal::mm::flush_all();
    if (!hal::mm::kTlbFlushBroadcasts) {
        const uint64_t all = cpu_count_ == 64 ? ~uint64_t{0} : (uint64_t{1} << cpu_count_) - 1;
        stale_tlbs_ = all & ~(uint64_t{1} << hal::current_cpu_index());
    }
}

}  // namespace kernel::mm
