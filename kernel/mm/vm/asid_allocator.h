// Address-space identifiers (ASIDs on aarch64 and riscv64, PCIDs on x86_64):
// tags that let TLB entries of several address spaces coexist, so switching
// between them needs no flush.
//
// Generation-based, like Linux's arm64 allocator: an address space keeps its
// ASID as long as the allocator's generation does not change. When the ASIDs
// run out, a rollover starts a new generation: every ASID becomes free again
// except those running on a CPU at that moment (they stay reserved for their
// owners), and all TLBs are flushed once, so every ASID handed out in the
// new generation starts clean - this CPU at once, the others (when TLB
// flushes are local, see hal::mm::kTlbFlushBroadcasts) before they next
// activate an address space. Address spaces from older generations get a
// new ASID - or keep theirs if it is still free - the next time they run.
//
// asid_count == 1 means the CPU has none: everything runs as ASID 0 (also
// the kernel's) and every switch of address space must flush.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

// An address space's ASID as last handed out: (generation << 32) | asid.
// Zero-initialised by the owner; only the allocator changes it.
struct AsidContext {
    uint64_t id = 0;  // 0: never ran on any CPU, so no TLB holds its entries
};

// The id of a context that ran in no-ASID mode: generation 1, ASID 0.
inline constexpr uint64_t kRanWithoutAsids = uint64_t{1} << 32;

struct AsidAssignment {
    uint32_t asid = 0;
    // The ASID may tag another address space's TLB entries on this CPU: the
    // caller flushes it (hal::mm::flush_address_space) after activating the
    // root. Only in no-ASID mode; a rollover has already flushed everything.
    bool flush = false;
};

class AsidAllocator {
public:
    static constexpr uint32_t kMaxAsids = 65536;  // 16-bit ASIDs
    static constexpr uint32_t kMaxCpus = hal::kMaxCpus;

    // `asid_count` as hal::mm::asid_count() reports it (clamped to
    // kMaxAsids); `cpu_count` CPUs may run address spaces. With too few ASIDs
    // to keep one reserved per CPU across a rollover and still hand out
    // another, the allocator runs without ASIDs.
    AsidAllocator(uint32_t asid_count, uint32_t cpu_count);
    AsidAllocator(const AsidAllocator&) = delete;
    AsidAllocator& operator=(const AsidAllocator&) = delete;

    // The ASID to run `context`'s address space with on this CPU; called on
    // every switch to it, before activating its root, with interrupts masked.
    AsidAssignment assign(AsidContext& context);
    // The same for a caller that knows the CPU: `cpu` is this CPU's index
    // (hal::current_cpu_index()). Inline: the switch path takes it on every
    // switch of address space, and its common case is a few loads.
    inline AsidAssignment assign(AsidContext& context, uint32_t cpu);
    // assign(context, cpu) for a caller that knows has_asids() (the switch
    // path checks it once per address space, see AddressSpace::asids_).
    inline AsidAssignment assign_with_asids(AsidContext& context, uint32_t cpu);
    // assign_with_asids()'s fast path alone (no lock, no call): true and
    // *asid, or false with nothing changed when the slow path is needed.
    // For a caller that takes that path out of line (the IPC fast path's
    // switch, as_switch_masked_fast()).
    [[gnu::always_inline]] inline bool try_assign_fast(AsidContext& context, uint32_t cpu,
                                                       uint32_t* asid);
    // What assign() does without ASIDs: the context says its space has run.
    static void mark_ran_without_asids(AsidContext& context) {
        __atomic_store_n(&context.id, kRanWithoutAsids, __ATOMIC_RELEASE);
    }

    // The address space is being destroyed and runs on no CPU any more: its
    // ASID is flushed everywhere and may be handed out again.
    void release(AsidContext& context);

    bool has_asids() const { return count_ > 1; }
    uint64_t generation() const;

private:
    static constexpr uint32_t kGenerationShift = 32;
    static uint32_t asid_of(uint64_t id) { return static_cast<uint32_t>(id); }
    uint64_t generation_of(uint64_t id) const { return id >> kGenerationShift; }
    uint64_t current(uint32_t asid) const { return (generation_ << kGenerationShift) | asid; }

    // assign()'s slow path, under the lock, for this CPU (`cpu`).
    [[gnu::noinline]] AsidAssignment assign_locked(AsidContext& context, uint32_t cpu);
    bool is_used(uint32_t asid) const { return used_[asid / 64] & (uint64_t{1} << (asid % 64)); }
    void set_used(uint32_t asid, bool used);
    uint64_t new_id(uint64_t old_id);
    bool take_reserved(uint64_t old_id, uint64_t new_id);
    uint32_t find_free();
    void roll_over();

    mutable SpinLock lock_;
    const uint32_t cpu_count_;
    const uint32_t count_;     // 1: no ASIDs
    uint64_t generation_ = 1;  // guarded by lock_, as is everything below
    uint32_t next_ = 1;        // where the search for a free ASID resumes
    // What each CPU last assigned (0 after a rollover until it assigns
    // again; written atomically: assign()'s fast path takes no lock), and
    // what it ran at the last rollover (kept for that address space in the
    // new generation). generation_ is also read without the lock there.
    uint64_t active_[kMaxCpus] = {};
    uint64_t reserved_[kMaxCpus] = {};
    uint64_t used_[kMaxAsids / 64] = {};  // bit per ASID of this generation
    // CPUs that have not flushed their whole TLB since the last rollover:
    // they still hold entries of the old generation's owners of ASIDs that
    // are handed out again, so they flush before their next assignment.
    uint64_t stale_tlbs_ = 0;
};

inline AsidAssignment AsidAllocator::assign(AsidContext& context, uint32_t cpu) {
    if (!has_asids()) {
        // Every space shares ASID 0, but the context must still say that the
        // space has run (id != 0): its owner skips TLB flushes for spaces
        // that never ran.
        mark_ran_without_asids(context);
        return {.asid = 0, .flush = true};
    }
    return assign_with_asids(context, cpu);
}

inline bool AsidAllocator::try_assign_fast(AsidContext& context, uint32_t cpu, uint32_t* asid) {
    // The fast path, taken on almost every switch: the context's ASID is of
    // the current generation and no rollover has happened since this CPU
    // last assigned one. A rollover zeroes every active_ entry (under the
    // lock, before it frees any ASID), so the compare-exchange fails if one
    // comes between the checks and the exchange; and a CPU with a zero entry
    // (none since the last rollover) takes the slow path, which also does
    // its stale-TLB flush. The caller has interrupts masked: `cpu` stays
    // ours. No bounds check on `cpu` here: active_[cpu] is non-zero only
    // after assign_locked() (which asserts cpu < cpu_count_) ran for it.
    // Relaxed loads, as Linux's arm64 fast path has them: what makes the
    // check safe is the compare-exchange on active_[cpu] against the
    // rollover's exchange of the same word (atomic operations on one
    // location are totally ordered), not the order of these loads; a stale
    // id or generation can only send us to the slow path, which takes the
    // lock. (Acquire loads cost riscv64 a fence each, on every switch.)
    // (One test and branch each: combined, compilers make them flag
    // arithmetic, which costs riscv64 an instruction or two a test.)
    uint64_t id = __atomic_load_n(&context.id, __ATOMIC_RELAXED);
    if (id == 0) [[unlikely]]
        return false;
    uint64_t active = __atomic_load_n(&active_[cpu], __ATOMIC_RELAXED);
    if (active == 0) [[unlikely]]
        return false;
    if (generation_of(id) != __atomic_load_n(&generation_, __ATOMIC_RELAXED)) [[unlikely]]
        return false;
    if (!__atomic_compare_exchange_n(&active_[cpu], &active, id, false, __ATOMIC_RELAXED,
                                     __ATOMIC_RELAXED)) [[unlikely]]
        return false;
    *asid = asid_of(id);
    return true;
}

inline AsidAssignment AsidAllocator::assign_with_asids(AsidContext& context, uint32_t cpu) {
    uint32_t asid;
    if (try_assign_fast(context, cpu, &asid)) return {.asid = asid, .flush = false};
    return assign_locked(context, cpu);
}

}  // namespace kernel::mm
