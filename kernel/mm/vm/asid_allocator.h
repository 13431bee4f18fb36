// Address-space identifiers (ASIDs on aarch64 and riscv64, PCIDs on x86_64):
// tags that let TLB entries of several address spaces coexist, so switching
// between them needs no flush.
//
// Each address space takes its own ASID when it is made and keeps it until
// it is destroyed, as Zircon's do: a switch only loads it (no generation to
// check, nothing shared to write, no lock), and the same ASID means the same
// space on every CPU, so TLB maintenance that broadcasts (aarch64's ...IS
// forms) reaches every copy. Its owner flushes it from every TLB that may
// hold it before it gives it back (AddressSpace::destroy()), so a space that
// takes it later starts clean.
//
// When they are all taken (x86_64 has 4095, riscv64 and aarch64 up to 65535),
// or the CPU has none (asid_count == 1), a space gets ASID 0, the kernel's:
// every switch to it drops the user entries cached under 0 (hal/mm.h), so it
// is slower to switch to, never refused.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

class AsidAllocator {
public:
    static constexpr uint32_t kMaxAsids = 65536;  // 16-bit ASIDs

    // `asid_count` as hal::mm::asid_count() reports it (clamped to
    // 1..kMaxAsids); ASID 0 is never handed out.
    explicit AsidAllocator(uint32_t asid_count);
    AsidAllocator(const AsidAllocator&) = delete;
    AsidAllocator& operator=(const AsidAllocator&) = delete;

    // An ASID nobody holds, or 0 if there is none (see above). Its entries
    // were flushed everywhere when it was released.
    uint32_t allocate();
    // `asid` (allocate()'s, 0 is ignored) may go to another address space:
    // the caller has flushed it from every TLB that may cache it.
    void release(uint32_t asid);

    bool has_asids() const { return count_ > 1; }
    // The ASIDs it hands out and 0: `asid_count`, clamped.
    uint32_t count() const { return count_; }
    // How many are held now (tests, statistics).
    uint32_t in_use() const;

private:
    bool is_used(uint32_t asid) const { return used_[asid / 64] & (uint64_t{1} << (asid % 64)); }
    void set_used(uint32_t asid, bool used);

    mutable SpinLock lock_;
    const uint32_t count_;  // 1: no ASIDs
    uint32_t next_ = 1;     // where the search for a free one resumes (guarded by lock_)
    uint32_t held_ = 0;     // guarded by lock_, as is used_
    uint64_t used_[kMaxAsids / 64] = {};
};

}  // namespace kernel::mm
