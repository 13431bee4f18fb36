#include "kernel/object/allocator.h"

#include "cairn/capability.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/object/quota.h"

namespace kernel::object {

os::ErrorOr<uint64_t> Allocator::charge_for(Quota* quota, uint64_t extra_bytes) {
    if (quota == nullptr) return uint64_t{0};
    uint64_t charge = 0;
    if (!os::checked_add(cairn::kObjectCost, extra_bytes, &charge)) {
        return os::Error::kQuotaExceeded;
    }
    return charge;
}

os::ErrorOr<void*> Allocator::allocate(Quota* quota, size_t size, size_t alignment,
                                       uint64_t charge) {
    if (quota != nullptr) TRY(quota->charge(charge));
    void* memory = alignment <= 16 ? kmalloc(size) : kmalloc_aligned(size, alignment);
    if (memory == nullptr) {
        if (quota != nullptr) quota->refund(charge);
        return os::Error::kOutOfMemory;
    }
    if (quota != nullptr) quota->retain();
    return memory;
}

void Allocator::free(void* memory, Quota* quota, uint64_t charge) {
    kfree(memory);
    // Dropping our reference may destroy the quota, which then refunds and
    // releases its own parent, and so on up. A loop, not release() ->
    // destroy() -> free() recursion: user space can nest quotas as deep as
    // its budget allows, and the kernel stack is small.
    while (quota != nullptr) {
        quota->refund(charge);
        KernelObject* base = quota;
        if (__atomic_sub_fetch(&base->references_, 1, __ATOMIC_ACQ_REL) != 0) return;
        Quota* parent = base->quota_;
        charge = base->charge_;
        quota->~Quota();
        kfree(quota);
        quota = parent;
    }
}

}  // namespace kernel::object
