#include "kernel/mm/vm/asid_allocator.h"

#include "kernel/debug/panic.h"

namespace kernel::mm {
namespace {

uint32_t clamp(uint32_t value, uint32_t low, uint32_t high) {
    return value < low ? low : value > high ? high : value;
}

}  // namespace

AsidAllocator::AsidAllocator(uint32_t asid_count) : count_(clamp(asid_count, 1, kMaxAsids)) {
    set_used(0, true);  // the kernel's
}

uint32_t AsidAllocator::allocate() {
    if (!has_asids()) return 0;
    SpinLockGuard guard(lock_);
    // Onwards from the last one handed out, so that one just released is
    // the last to come back; whole words at a time past full ones.
    for (uint32_t searched = 0, asid = next_; searched < count_;) {
        if (asid == count_) asid = 0;
        if (asid % 64 == 0 && used_[asid / 64] == ~uint64_t{0} && asid + 64 <= count_) {
            asid += 64;
            searched += 64;
            continue;
        }
        if (!is_used(asid)) {
            set_used(asid, true);
            ++held_;
            next_ = asid + 1;
            return asid;
        }
        ++asid;
        ++searched;
    }
    return 0;  // all held: ASID 0 (see the header)
}

void AsidAllocator::release(uint32_t asid) {
    if (asid == 0) return;
    SpinLockGuard guard(lock_);
    KERNEL_ASSERT(asid < count_ && is_used(asid));
    set_used(asid, false);
    --held_;
}

uint32_t AsidAllocator::in_use() const {
    SpinLockGuard guard(lock_);
    return held_;
}

void AsidAllocator::set_used(uint32_t asid, bool used) {
    const uint64_t bit = uint64_t{1} << (asid % 64);
    if (used) {
        used_[asid / 64] |= bit;
    } else {
        used_[asid / 64] &= ~bit;
    }
}

}  // namespace kernel::mm
