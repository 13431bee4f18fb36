// hal/mm.h's activate_user_root on host: out of line, in the host HAL (included by hal/mm.h;
// include that instead).
#pragma once

#include <stdint.h>

namespace hal::mm {

void activate_user_root(PhysicalAddress root, uint32_t asid);

}  // namespace hal::mm
