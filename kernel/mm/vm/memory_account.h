// Who pays for the memory a user address space makes the kernel allocate:
// page tables below the root and anonymous pages (abi/cairn/capability.h's
// accounting rule). The VM layer knows only this interface; the kernel's
// object::Quota implements it, host tests a counting fake.
//
// Invariants kept by kernel/mm (see address_space.h, memory_object.h):
//  - an account-carrying address space has charged kPageTableCost for every
//    table below its root that exists, and refunds it when the table is
//    freed (pruned by unmap, or at destroy);
//  - an account-carrying memory object (a private, anonymous-region object
//    of such a space) has charged kPageCost for every page in its page
//    list, and refunds it when the page leaves the list. Objects without an
//    account (memory objects made by cap_create / memory_take, charged
//    their whole size up front) charge nothing per page;
//  - the address space holds a reference on its account until destroy()
//    has refunded everything (its private objects die with it).
#pragma once

#include <stdint.h>

#include "cairn/capability.h"
#include "kernel/lib/error.h"
#include "kernel/lib/scoped_charge.h"

namespace kernel::mm {

class MemoryAccount {
public:
    // Takes `bytes`, or kQuotaExceeded with nothing taken.
    virtual os::ErrorOr<void> charge_memory(uint64_t bytes) = 0;
    // Gives back what an earlier charge_memory() took.
    virtual void refund_memory(uint64_t bytes) = 0;
    virtual void retain_account() = 0;
    virtual void release_account() = 0;

protected:
    ~MemoryAccount() = default;
};

// A charge on an account, refunded when the scope ends unless keep() hands
// it on (kernel/lib/scoped_charge.h).
using MemoryCharge =
    os::ScopedCharge<MemoryAccount, &MemoryAccount::charge_memory, &MemoryAccount::refund_memory>;

}  // namespace kernel::mm
