// How the HAL uses the 224 interrupt vectors above the CPU exceptions.
//
// The local APIC prioritizes by vector / 16, so the HAL's own vectors sit
// at the top: the spurious vector, the IPI and the timer outrank devices.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

// Device lines: GSI g arrives on vector kFirstDeviceVector + g.
inline constexpr uint32_t kFirstDeviceVector = 32;
// Where the legacy 8259 PICs are remapped to (they stay masked, and the
// local APIC's LINT0 that would carry them too): even a spurious IRQ 7/15
// from them lands here, away from the exceptions and the device vectors.
inline constexpr uint32_t kLegacyPicFirstVector = 0xe0;
inline constexpr uint32_t kLegacyPicVectorCount = 16;
// One past the last device vector: GSIs beyond what fits are not offered.
inline constexpr uint32_t kDeviceVectorEnd = kLegacyPicFirstVector;
inline constexpr uint32_t kTimerVector = 0xf0;
inline constexpr uint32_t kIpiVector = 0xf1;
// The local APIC's spurious vector; its low 4 bits must be 1s on old APICs.
inline constexpr uint32_t kSpuriousVector = 0xff;

inline constexpr uint32_t kMaxDeviceLines = kDeviceVectorEnd - kFirstDeviceVector;

}  // namespace hal::x86_64
