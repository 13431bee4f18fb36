// How every kernel object type is made and freed: one heap allocation
// (kmalloc + placement new) charged to a quota (quota.h) with
// cairn::kObjectCost plus the object's payload bytes. destroy() hands the
// memory and the charge back.
//
//   class Endpoint final : public object::KernelObject {
//       friend class object::Allocator;   // reaches the private constructor
//       Endpoint();
//       void destroy() override { object::Allocator::destroy(this); }
//   };
//   auto endpoint = TRY(object::Allocator::create<Endpoint>(quota, 0));
//
// The new object has one reference (its creator's) and no capability; the
// quota (if any) is retained until the object is destroyed.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/utility.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {

class Allocator {
public:
    // Charges `quota` (nullptr: an uncharged kernel-made object)
    // kObjectCost + extra_bytes and constructs T(arguments...).
    // kQuotaExceeded, kOutOfMemory (then nothing stays charged).
    template <typename T, typename... Arguments>
    static os::ErrorOr<T*> create(Quota* quota, uint64_t extra_bytes, Arguments&&... arguments) {
        uint64_t charge = TRY(charge_for(quota, extra_bytes));
        void* memory = TRY(allocate(quota, sizeof(T), alignof(T), charge));
        T* object = new (memory) T(os::forward<Arguments>(arguments)...);
        KernelObject* base = object;
        base->quota_ = quota;
        base->charge_ = charge;
        return object;
    }

    // Runs T's destructor, frees the memory and refunds the charge. From
    // T::destroy() only (the last reference is gone).
    template <typename T>
    static void destroy(T* object) {
        KernelObject* base = object;
        Quota* quota = base->quota_;
        uint64_t charge = base->charge_;
        object->~T();
        free(object, quota, charge);
    }

    // What an object with `extra_bytes` of payload costs (kInvalidArgument
    // on overflow); 0 for uncharged objects.
    static os::ErrorOr<uint64_t> charge_for(Quota* quota, uint64_t extra_bytes);

private:
    // Charges `quota`, retains it and allocates; undoes all on failure.
    static os::ErrorOr<void*> allocate(Quota* quota, size_t size, size_t alignment,
                                       uint64_t charge);
    static void free(void* memory, Quota* quota, uint64_t charge);
};

}  // namespace kernel::object
