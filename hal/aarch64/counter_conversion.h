// Conversions between generic-timer counter ticks and nanoseconds
// (timer.cc), header-only and free of system registers so that host tests
// check them at the frequencies real boards use.
#pragma once

#include <stdint.h>

namespace hal::aarch64 {

inline constexpr uint64_t kNanosecondsPerSecond = 1000000000;
// The conversions are exact and overflow-free for every frequency below
// this (CNTFRQ_EL0 is 62.5 MHz on QEMU 7.2, 1 GHz from QEMU 9 and Armv8.6).
inline constexpr uint64_t kMaxCounterFrequency = uint64_t{1} << 34;

// Ticks -> nanoseconds, rounded down. The remainder times 10^9 stays below
// 2^64 for frequencies below 2^34.
constexpr uint64_t ticks_to_ns(uint64_t ticks, uint64_t frequency) {
    return ticks / frequency * kNanosecondsPerSecond +
           ticks % frequency * kNanosecondsPerSecond / frequency;
}

// Nanoseconds -> ticks, rounded up (a timer must never fire early);
// saturates instead of wrapping for delays of centuries.
constexpr uint64_t ns_to_ticks(uint64_t ns, uint64_t frequency) {
    uint64_t seconds = ns / kNanosecondsPerSecond;
    uint64_t rest = ns % kNanosecondsPerSecond;
    if (seconds >= ~uint64_t{0} / frequency) return ~uint64_t{0};
    return seconds * frequency +
           (rest * frequency + kNanosecondsPerSecond - 1) / kNanosecondsPerSecond;
}

// Nanoseconds per tick, rounded up, at least 1.
constexpr uint64_t tick_resolution_ns(uint64_t frequency) {
    uint64_t ns = (kNanosecondsPerSecond + frequency - 1) / frequency;
    return ns == 0 ? 1 : ns;
}

}  // namespace hal::aarch64
