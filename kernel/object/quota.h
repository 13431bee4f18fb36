// Quotas: a budget of kernel memory in bytes. Every object a process makes
// through a system call (cap_create, memory_take, memory_create_device,
// irq_register, io_port_create, cap_obtain, ipc_save_reply) is charged to a
// quota capability the call names: cairn::kObjectCost plus its payload (a
// memory object's bytes, the bytes moved into a new quota). Processes,
// threads, address spaces, capability-space chunks, and the page tables
// and anonymous pages of the process's address spaces (through
// mm::MemoryAccount) are charged to the memory quota of their process
// (kernel/process). So a process can only make the kernel allocate out of
// memory it was given; init starts with half of the memory free at boot.
// The full rule: kernel/object/README.md and abi/cairn/capability.h.
//
// Accounting invariants:
//  - available() only moves by charge()/refund(); it never exceeds the
//    bytes the quota was made with (refunds pair with charges);
//  - every object charged to a quota holds a reference on it, so a quota
//    outlives everything charged to it, and when it is destroyed nothing is
//    charged to it any more: it refunds its own charge (cost + the bytes it
//    was given) to its parent, and the memory flows back up the chain.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/scoped_charge.h"
#include "kernel/mm/vm/memory_account.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {

// Also the MemoryAccount of its processes' address spaces (kernel/mm
// charges page tables and anonymous pages to it).
class Quota final : public KernelObject, public mm::MemoryAccount {
public:
    // A quota of `bytes` carved out of `parent` (which is charged
    // kObjectCost + bytes: kQuotaExceeded), or a root quota when `parent`
    // is nullptr (init's, made by the kernel). kOutOfMemory.
    static os::ErrorOr<Quota*> create(Quota* parent, uint64_t bytes);

    // Takes `bytes` from the budget, or kQuotaExceeded (nothing taken).
    os::ErrorOr<void> charge(uint64_t bytes);
    // Gives back what an earlier charge() took.
    void refund(uint64_t bytes);
    uint64_t available() const { return __atomic_load_n(&available_, __ATOMIC_RELAXED); }
    // The bytes it was made with.
    uint64_t total() const { return total_; }

    // A new quota of `bytes` taken from this one (create(this, bytes)).
    os::ErrorOr<Quota*> split(uint64_t bytes) { return create(this, bytes); }

    uint64_t info_size() const override { return available(); }

    // mm::MemoryAccount: the same budget.
    os::ErrorOr<void> charge_memory(uint64_t bytes) override { return charge(bytes); }
    void refund_memory(uint64_t bytes) override { refund(bytes); }
    void retain_account() override { retain(); }
    void release_account() override { release(); }

private:
    friend class Allocator;
    explicit Quota(uint64_t bytes);
    void destroy() override;

    const uint64_t total_;
    uint64_t available_;
};

// A charge on a quota, refunded when the scope ends unless keep() hands it
// on (kernel/lib/scoped_charge.h).
using ScopedCharge = os::ScopedCharge<Quota, &Quota::charge, &Quota::refund>;

}  // namespace kernel::object
