// The timer's fixed-point conversions: exact for round rates, within one
// unit of the exact result otherwise, rounding up when asked, saturating.
#include "hal/x86_64/timer/rate.h"

#include <gtest/gtest.h>

#include <stdint.h>

namespace hal::x86_64 {
namespace {

constexpr uint64_t kNanosecondsPerSecond = 1000000000;

TEST(Rate, RoundRatesAreExact) {
    Rate ticks_per_ns(2 * kNanosecondsPerSecond, kNanosecondsPerSecond);  // 2 GHz
    EXPECT_EQ(ticks_per_ns.apply(1000), 2000u);
    Rate ns_per_tick(kNanosecondsPerSecond, 2 * kNanosecondsPerSecond);
    EXPECT_EQ(ns_per_tick.apply(2000), 1000u);
    EXPECT_EQ(ns_per_tick.apply_rounding_up(2000), 1000u);
}

// A 2.097539 GHz TSC (what QEMU's TCG showed): a second of ticks is a
// second of nanoseconds, give or take one.
TEST(Rate, OddRatesStayWithinOneUnit) {
    constexpr uint64_t kTscHz = 2097539123;
    Rate ns_per_tick(kNanosecondsPerSecond, kTscHz);
    Rate ticks_per_ns(kTscHz, kNanosecondsPerSecond);
    uint64_t second = ns_per_tick.apply(kTscHz);
    EXPECT_LE(second, kNanosecondsPerSecond);
    EXPECT_GE(second, kNanosecondsPerSecond - 1);
    // An hour, where the error of the fraction would show.
    uint64_t hour_ns = 3600 * kNanosecondsPerSecond;
    uint64_t hour_ticks = ticks_per_ns.apply(hour_ns);
    EXPECT_NEAR(static_cast<double>(hour_ticks), 3600.0 * kTscHz, 3600.0 * kTscHz * 1e-9);
}

TEST(Rate, RoundingUpNeverComesOutShort) {
    Rate ns_per_tick(kNanosecondsPerSecond, 3000000000);  // 1/3 ns per tick
    EXPECT_EQ(ns_per_tick.apply(1), 0u);
    EXPECT_EQ(ns_per_tick.apply_rounding_up(1), 1u);
    EXPECT_EQ(ns_per_tick.apply_rounding_up(0), 0u);
    for (uint64_t ticks = 1; ticks < 100000; ticks += 7) {
        // ceil(ticks / 3), allowing the fraction's truncation to lose at
        // most one unit the other way.
        uint64_t exact_up = (ticks + 2) / 3;
        uint64_t got = ns_per_tick.apply_rounding_up(ticks);
        EXPECT_TRUE(got == exact_up || got + 1 == exact_up) << ticks;
        EXPECT_GE(ns_per_tick.apply_rounding_up(ticks), ns_per_tick.apply(ticks));
    }
}

TEST(Rate, SaturatesInsteadOfWrapping) {
    Rate ticks_per_ns(4 * kNanosecondsPerSecond, kNanosecondsPerSecond);
    EXPECT_EQ(ticks_per_ns.apply(~uint64_t{0}), ~uint64_t{0});
    EXPECT_EQ(ticks_per_ns.apply_rounding_up(~uint64_t{0} / 2), ~uint64_t{0});
}

TEST(Rate, DefaultIsZero) {
    EXPECT_EQ(Rate().apply(12345), 0u);
}

}  // namespace
}  // namespace hal::x86_64
