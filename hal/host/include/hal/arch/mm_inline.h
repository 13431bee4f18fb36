// hal/mm.h's activate_user_root on host: out of line, in the host HAL (included by hal/mm.h;
// include that instead).
#pragma once

#include <stdint.h>

namespace hal::mm {

inline UserRoot make_user_root(PhysicalAddress root, uint32_t asid) {
    return {root, asid};
}
void activate_user_root(const UserRoot& root);

}  // namespace hal::mm
