// The two cascaded 8259 PICs every PC still emulates. The HAL uses the
// APICs instead; the PICs must be silenced first, because after reset
// they deliver IRQ 0-7 on vectors 8-15, where the CPU exceptions are (the
// PIT's tick would look like a double fault).
#pragma once

#include <stdint.h>

namespace hal::x86_64::legacy_pic {

// Reinitializes both PICs onto vectors `first_vector`..+15 and masks every
// input. Safe whether or not PICs are present (absent ones ignore the ports).
void remap_and_mask(uint8_t first_vector);

}  // namespace hal::x86_64::legacy_pic
