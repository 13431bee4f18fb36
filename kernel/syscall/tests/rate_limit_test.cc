#include "kernel/syscall/rate_limit.h"

#include <gtest/gtest.h>

namespace kernel::syscall {
namespace {

struct Account {
    uint64_t tokens = 0;
    uint64_t last_refill_ns = 0;
};

constexpr uint64_t kSecond = kNanosecondsPerSecond;
constexpr uint64_t kBoot = 5 * kSecond;  // "now" of the first call

// Calls at `now` until one is refused; how many went through.
uint64_t drain(Account& account, const RateLimit& limit, uint64_t now) {
    uint64_t calls = 0;
    while (take_token(account, limit, now) == 0)
        ++calls;
    return calls;
}

TEST(RateLimit, BurstIsATenthOfTheRateButAtLeastTheMinimum) {
    EXPECT_EQ(RateLimit::per_second(1'000'000).burst, 100'000u);
    EXPECT_EQ(RateLimit::per_second(100).burst, kMinimumBurst);
}

TEST(RateLimit, UnlimitedNeverWaits) {
    Account account;
    RateLimit off;
    for (int i = 0; i < 100000; ++i)
        ASSERT_EQ(take_token(account, off, kBoot), 0u);
    EXPECT_TRUE(take_token_fast(account, off));
}

TEST(RateLimit, NewThreadStartsWithAFullBucket) {
    Account account;
    RateLimit limit = RateLimit::per_second(1000);
    EXPECT_EQ(drain(account, limit, kBoot), limit.burst);
}

TEST(RateLimit, RefusedCallIsToldHowLongToWait) {
    Account account;
    RateLimit limit = RateLimit::per_second(1000);  // one token per ms
    drain(account, limit, kBoot);
    uint64_t wait = take_token(account, limit, kBoot);
    EXPECT_EQ(wait, 1'000'000u);
    EXPECT_EQ(take_token(account, limit, kBoot + 400'000), 600'000u);
    EXPECT_EQ(take_token(account, limit, kBoot + wait), 0u);
    EXPECT_NE(take_token(account, limit, kBoot + wait), 0u);
}

TEST(RateLimit, SustainedRateMatchesTheLimit) {
    Account account;
    RateLimit limit = RateLimit::per_second(10'000);
    uint64_t now = kBoot;
    drain(account, limit, now);
    // A caller that always waits as told gets exactly `rate` calls a second.
    uint64_t calls = 0;
    uint64_t end = now + 3 * kSecond;
    while (now < end) {
        uint64_t wait = take_token(account, limit, now);
        if (wait == 0) {
            ++calls;
        } else {
            now += wait;
        }
    }
    EXPECT_GE(calls, 3 * 10'000u - 1);
    EXPECT_LE(calls, 3 * 10'000u + 1);
}

TEST(RateLimit, OddRatesStillAddUp) {
    // 3 calls per second: each token takes 333,333,334 ns; fractions of a
    // token are not lost between refills.
    Account account;
    RateLimit limit = RateLimit::per_second(3);
    limit.burst = 1;
    uint64_t now = kBoot;
    uint64_t calls = 0;
    while (now < kBoot + 10 * kSecond) {
        uint64_t wait = take_token(account, limit, now);
        if (wait == 0) ++calls;
        now += wait == 0 ? 1 : wait;
    }
    EXPECT_GE(calls, 30u);
    EXPECT_LE(calls, 31u);
}

TEST(RateLimit, IdleTimeRefillsOnlyUpToTheBurst) {
    Account account;
    RateLimit limit = RateLimit::per_second(1000);
    drain(account, limit, kBoot);
    EXPECT_EQ(drain(account, limit, kBoot + 1000 * kSecond), limit.burst);
    // 10 ms later: 10 tokens.
    EXPECT_EQ(drain(account, limit, kBoot + 1000 * kSecond + 10'000'000), 10u);
}

TEST(RateLimit, FastPathTakesTokensWithoutTheClock) {
    Account account;
    account.tokens = 2;
    RateLimit limit = RateLimit::per_second(1000);
    EXPECT_TRUE(take_token_fast(account, limit));
    EXPECT_TRUE(take_token_fast(account, limit));
    EXPECT_FALSE(take_token_fast(account, limit));
    EXPECT_EQ(account.tokens, 0u);
}

TEST(RateLimit, HighestRateDoesNotOverflow) {
    Account account;
    RateLimit limit = RateLimit::per_second(1'000'000'000);
    EXPECT_EQ(drain(account, limit, ~uint64_t{0} / 2), limit.burst);
}

}  // namespace
}  // namespace kernel::syscall
