#include "kernel/object/quota.h"

#include "kernel/object/allocator.h"

namespace kernel::object {

Quota::Quota(uint64_t bytes) : KernelObject(ObjectType::kQuota), total_(bytes), available_(bytes) {}

os::ErrorOr<Quota*> Quota::create(Quota* parent, uint64_t bytes) {
    return Allocator::create<Quota>(parent, bytes, bytes);
}

os::ErrorOr<void> Quota::charge(uint64_t bytes) {
    uint64_t left = __atomic_load_n(&available_, __ATOMIC_RELAXED);
    do {
        if (bytes > left) return os::Error::kQuotaExceeded;
    } while (!__atomic_compare_exchange_n(&available_, &left, left - bytes, true, __ATOMIC_ACQ_REL,
                                          __ATOMIC_RELAXED));
    return {};
}

void Quota::refund(uint64_t bytes) {
    __atomic_add_fetch(&available_, bytes, __ATOMIC_ACQ_REL);
}

void Quota::destroy() {
    Allocator::destroy(this);
}

}  // namespace kernel::object
