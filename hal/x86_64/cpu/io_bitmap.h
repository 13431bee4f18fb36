// The TSS I/O permission bitmap (Intel SDM vol. 1, 19.5.2): one bit per
// port, 0 = user mode may use it, 1 = #GP. A multi-byte access (inw, inl)
// needs the bits of every port it touches clear. The CPU may read the byte
// after the one holding the last port's bit, so the bitmap ends with an
// extra 0xff byte that the TSS limit covers.
//
// Pure (no privileged instructions): the host tests use it too.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::x86_64 {

inline constexpr size_t kIoBitmapBytes = 65536 / 8;

// Sets the bits of ports [first, first + count) to "allowed" (0) or
// "denied" (1). The caller keeps first + count <= 65536.
inline void set_port_bits(uint8_t* bitmap, uint32_t first, uint32_t count, bool allowed) {
    uint32_t port = first;
    uint32_t end = first + count;
    // Single bits up to a byte boundary, whole bytes, then single bits.
    for (; port < end && port % 8 != 0; ++port) {
        uint8_t bit = static_cast<uint8_t>(1u << (port % 8));
        bitmap[port / 8] = allowed ? bitmap[port / 8] & ~bit : bitmap[port / 8] | bit;
    }
    for (; port + 8 <= end; port += 8)
        bitmap[port / 8] = allowed ? 0x00 : 0xff;
    for (; port < end; ++port) {
        uint8_t bit = static_cast<uint8_t>(1u << (port % 8));
        bitmap[port / 8] = allowed ? bitmap[port / 8] & ~bit : bitmap[port / 8] | bit;
    }
}

// Whether user mode may access `width` bytes of ports from `port` (what the
// CPU checks for in/out).
inline bool ports_allowed(const uint8_t* bitmap, uint32_t port, uint32_t width) {
    for (uint32_t p = port; p < port + width; ++p) {
        if (p >= 65536 || (bitmap[p / 8] >> (p % 8)) & 1) return false;
    }
    return true;
}

}  // namespace hal::x86_64
