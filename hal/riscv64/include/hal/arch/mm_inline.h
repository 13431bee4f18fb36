// hal/mm.h's activate_user_root on riscv64, inline: a few instructions that
// a call would cost more than (every switch of address space runs it).
// Included by hal/mm.h; include that instead.
#pragma once

#include <stdint.h>

// satp's MODE field for user roots, in place: computed once by
// initialize_paging() (mmu/paging.cc), read-only afterwards.
extern "C" uint64_t riscv64_user_satp_mode;

namespace hal::mm {

// satp = MODE | ASID | PPN of root. The ASID goes in unmasked: callers pass
// one below asid_count() (kernel/mm/vm/asid_allocator.h), which is 1 << the
// ASID bits that stick in satp and at most 1 << 16, so it never reaches the
// MODE field. ASID 0 is the kernel's: a user root comes with it only when
// it has no ASID of its own (none left, or asid_count() == 1), and then the
// previous space's translations must go (hal/mm.h): ASID 0's non-global
// entries are dropped (the kernel's are global and stay). Any other ASID is
// flushed everywhere before it changes hands (kernel/mm/vm/asid_allocator.h):
// no flush here, and no test but that one. The "memory" clobber keeps the page-table
// stores before the write of satp.
inline UserRoot make_user_root(PhysicalAddress root, uint32_t asid) {
    constexpr unsigned kSatpAsidShift = 44;  // RISCV64_SATP_ASID_SHIFT, checked in paging.cc
    return {riscv64_user_satp_mode | (uint64_t{asid} << kSatpAsidShift) | (root >> kPageShift),
            asid};
}

inline void activate_user_root(const UserRoot& root) {
    asm volatile("csrw satp, %0" : : "r"(root.value) : "memory");
    if (root.asid == 0) {
        // rs2 must be a register holding 0, not x0 (which would flush every
        // ASID, global entries too): hence the scratch register.
        uint64_t asid_zero;
        asm volatile("li %0, 0\n\tsfence.vma zero, %0" : "=&r"(asid_zero) : : "memory");
    }
}

}  // namespace hal::mm
