// Tick <-> nanosecond conversions of the aarch64 clock against 128-bit
// reference arithmetic, at QEMU's, typical boards' and the largest supported
// counter frequencies.
#include "hal/aarch64/counter_conversion.h"

#include <gtest/gtest.h>

#include <random>

namespace hal::aarch64 {
namespace {

using u128 = unsigned __int128;

constexpr uint64_t kFrequencies[] = {24000000, 62500000, 100000000, 1000000000,
                                     kMaxCounterFrequency - 1};

uint64_t reference_ticks_to_ns(uint64_t ticks, uint64_t frequency) {
    return static_cast<uint64_t>(u128{ticks} * kNanosecondsPerSecond / frequency);
}

uint64_t reference_ns_to_ticks(uint64_t ns, uint64_t frequency) {
    u128 ticks = (u128{ns} * frequency + kNanosecondsPerSecond - 1) / kNanosecondsPerSecond;
    return ticks > ~uint64_t{0} ? ~uint64_t{0} : static_cast<uint64_t>(ticks);
}

TEST(CounterConversion, QemuFrequency) {
    constexpr uint64_t kQemu = 62500000;
    EXPECT_EQ(ticks_to_ns(kQemu, kQemu), 1000000000u);
    EXPECT_EQ(ticks_to_ns(1, kQemu), 16u);
    EXPECT_EQ(ns_to_ticks(0, kQemu), 0u);
    EXPECT_EQ(ns_to_ticks(1, kQemu), 1u);
    EXPECT_EQ(ns_to_ticks(16, kQemu), 1u);
    EXPECT_EQ(ns_to_ticks(17, kQemu), 2u);
    EXPECT_EQ(ns_to_ticks(10000000, kQemu), 625000u);  // a 100 Hz tick
    EXPECT_EQ(tick_resolution_ns(kQemu), 16u);
    EXPECT_EQ(tick_resolution_ns(24000000), 42u);
    EXPECT_EQ(tick_resolution_ns(1000000000), 1u);
    EXPECT_EQ(tick_resolution_ns(kMaxCounterFrequency - 1), 1u);
}

TEST(CounterConversion, MatchesWideArithmeticEverywhere) {
    std::mt19937_64 random(42);
    for (uint64_t frequency : kFrequencies) {
        for (int i = 0; i < 20000; ++i) {
            // Values of every magnitude, up to the whole 64-bit range.
            uint64_t value = random() >> (random() % 64);
            EXPECT_EQ(ticks_to_ns(value, frequency), reference_ticks_to_ns(value, frequency))
                << value << " ticks at " << frequency << " Hz";
            EXPECT_EQ(ns_to_ticks(value, frequency), reference_ns_to_ticks(value, frequency))
                << value << " ns at " << frequency << " Hz";
        }
        EXPECT_EQ(ticks_to_ns(~uint64_t{0}, frequency),
                  reference_ticks_to_ns(~uint64_t{0}, frequency));
        EXPECT_EQ(ns_to_ticks(~uint64_t{0}, frequency),
                  reference_ns_to_ticks(~uint64_t{0}, frequency));
    }
}

// A one-shot armed for `ns` fires after the counter advanced ns_to_ticks(ns)
// ticks, which the clock reads as at least `ns` later: never early.
TEST(CounterConversion, OneShotsNeverFireEarly) {
    std::mt19937_64 random(7);
    for (uint64_t frequency : kFrequencies) {
        for (int i = 0; i < 20000; ++i) {
            uint64_t start = random() >> 8;
            uint64_t ns = random() % (uint64_t{1} << 40);
            uint64_t fire = start + ns_to_ticks(ns, frequency);
            EXPECT_GE(ticks_to_ns(fire, frequency) - ticks_to_ns(start, frequency), ns);
        }
    }
}

}  // namespace
}  // namespace hal::aarch64
