// The per-thread system call rate limit: a token bucket per thread
// (sched::SyscallAccount) refilled at `rate` tokens per second up to
// `burst`. A call with a token left costs one and goes on; a call that
// finds the bucket empty is throttled: its thread sleeps until a token has
// accrued, and the call then proceeds (never fails).
//
// Cost: the fast path (a token left) reads no clock, it only decrements;
// the clock is read when the bucket runs dry, and then the refill for all
// the time since the last one is added at once (lazy refill). A new thread
// starts with a full bucket (its last refill lies "long ago").
//
// Kernel command line: `syscall_rate=<calls per second>` (0: no limit);
// default kDefaultRate. The burst is a tenth of a second's worth, at least
// kMinimumBurst.
#pragma once

#include <stdint.h>

namespace kernel::syscall {

// Calls per second and thread: far above what a program doing useful work
// makes (a system call costs ~100 ns and more on real hardware), low enough
// that one thread cannot monopolise the kernel's entry path.
inline constexpr uint64_t kDefaultRate = 10'000'000;
inline constexpr uint64_t kMinimumBurst = 64;
inline constexpr uint64_t kNanosecondsPerSecond = 1'000'000'000;

struct RateLimit {
    uint64_t rate = 0;  // tokens per second; 0: unlimited
    uint64_t burst = 0;

    static RateLimit per_second(uint64_t rate) {
        RateLimit limit;
        limit.rate = rate;
        limit.burst = rate / 10 > kMinimumBurst ? rate / 10 : kMinimumBurst;
        return limit;
    }
};

// Takes a token for one call at time `now_ns`. Returns 0 if the call may
// proceed (a token was taken), else how long to wait (ns) before asking
// again. Counts nothing itself (the caller counts calls and throttles).
// `Account` is sched::SyscallAccount (tokens, last_refill_ns); a template
// so the bucket builds and is tested without the scheduler.
template <typename Account>
uint64_t take_token(Account& account, const RateLimit& limit, uint64_t now_ns) {
    if (limit.rate == 0) return 0;
    if (account.tokens == 0) {
        uint64_t elapsed = now_ns >= account.last_refill_ns ? now_ns - account.last_refill_ns : 0;
        // Past one second the bucket is full anyway (burst <= rate); the
        // cap keeps elapsed * rate from overflowing (rate <= 1e9).
        if (elapsed > kNanosecondsPerSecond) elapsed = kNanosecondsPerSecond;
        uint64_t earned = elapsed * limit.rate / kNanosecondsPerSecond;
        if (earned > 0) {
            account.tokens = earned < limit.burst ? earned : limit.burst;
            // Only the time that earned whole tokens is used up, so a slow
            // trickle of calls still adds up to the rate.
            bool full = elapsed == kNanosecondsPerSecond || earned >= limit.burst;
            account.last_refill_ns =
                full ? now_ns
                     : account.last_refill_ns + earned * kNanosecondsPerSecond / limit.rate;
        }
    }
    if (account.tokens == 0) {
        uint64_t per_token = (kNanosecondsPerSecond + limit.rate - 1) / limit.rate;
        uint64_t since = now_ns - account.last_refill_ns;
        return since < per_token ? per_token - since : 1;
    }
    --account.tokens;
    return 0;
}

// The fast path inline: a token left, or no limit.
template <typename Account>
inline bool take_token_fast(Account& account, const RateLimit& limit) {
    if (limit.rate == 0) return true;
    if (account.tokens == 0) return false;
    --account.tokens;
    return true;
}

}  // namespace kernel::syscall
