// Converting between counters and nanoseconds without division: a rate as
// a 32.32 fixed-point factor, applied with one 64x64->128-bit multiplication
// (a freestanding kernel has no 128-bit division). Header-only and free of
// privileged instructions, so host tests check it.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

class Rate {
public:
    constexpr Rate() = default;
    // `numerator` / `denominator` units per unit, e.g. (tsc_hz, 10^9) for
    // TSC ticks per nanosecond. The quotient's integer part must fit 32
    // bits; the fraction keeps 32 bits (below 2^-32 relative error for
    // rates of 1 or more).
    constexpr Rate(uint64_t numerator, uint64_t denominator)
        : factor_(((numerator / denominator) << 32) +
                  ((numerator % denominator) << 32) / denominator) {}

    // value * rate, rounded down; saturates at 2^64 - 1.
    constexpr uint64_t apply(uint64_t value) const { return saturate(product(value) >> 32); }
    // Rounded up: a delay converted this way never comes out short.
    constexpr uint64_t apply_rounding_up(uint64_t value) const {
        return saturate((product(value) + 0xffffffff) >> 32);
    }

private:
    constexpr unsigned __int128 product(uint64_t value) const {
        return static_cast<unsigned __int128>(value) * factor_;
    }
    static constexpr uint64_t saturate(unsigned __int128 value) {
        return value > ~uint64_t{0} ? ~uint64_t{0} : static_cast<uint64_t>(value);
    }

    uint64_t factor_ = 0;
};

}  // namespace hal::x86_64
