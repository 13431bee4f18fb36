// hal/mm.h's activate_user_root on x86_64: out of line, in mmu/activate_user_root.S (included by
// hal/mm.h; include that instead).
#pragma once

#include <stdint.h>

namespace hal::mm {

void activate_user_root(PhysicalAddress root, uint32_t asid);

}  // namespace hal::mm
