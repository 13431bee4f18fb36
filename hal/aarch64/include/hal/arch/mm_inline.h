// hal/mm.h's activate_user_root on aarch64, inline: one register write
// and its barrier, which a call would cost more than (every switch of
// address space runs it). Included by hal/mm.h; include that instead.
#pragma once

#include <stdint.h>

namespace hal {

namespace aarch64 {
inline constexpr unsigned kTtbrAsidShift = 48;  // TTBR0_EL1.ASID (16 bits; 8 with TCR.AS = 0)
}  // namespace aarch64

namespace mm {

inline UserRoot make_user_root(PhysicalAddress root, uint32_t asid) {
    return {root | (uint64_t{asid} << aarch64::kTtbrAsidShift), asid};
}

inline void activate_user_root(const UserRoot& root) {
    // Base and ASID change in one register write, so no walk can pair the
    // new table with the old ASID; entries of other ASIDs stay in the TLB.
    asm volatile("msr ttbr0_el1, %0\n\tisb" : : "r"(root.value) : "memory");
    if (root.asid == 0) [[unlikely]] {
        // ASID 0 is shared (hal/mm.h): what an earlier root left under it
        // goes, on this CPU (a shootdown reaches the others).
        asm volatile("tlbi aside1, xzr\n\tdsb nsh\n\tisb" : : : "memory");
    }
}

}  // namespace mm
}  // namespace hal
