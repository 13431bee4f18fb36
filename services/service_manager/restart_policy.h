// When the service manager restarts a service that ended, and when it
// gives up: pure logic over the exit status and a clock in nanoseconds
// (host-tested).
//
// - never: a service that ends stays down.
// - on-failure: restart after a crash (exit status != 0: an error exit, a
//   fault, a kill); a clean exit (0) leaves it down.
// - always: restart after clean exits too (they do not count as crashes).
// Crashes back off exponentially: the first restart waits `initial_backoff`,
// each further crash in a row doubles the wait up to `max_backoff`. A run
// that lasted at least `crash_window` ends the row (the next crash waits
// `initial_backoff` again). If `max_crashes` crashes fall within
// `crash_window`, the manager gives up: the service stays down (until an
// operator restarts it, which reset() models).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace cairn::service_manager {

constexpr uint64_t kMillisecond = 1'000'000;
constexpr uint64_t kSecond = 1'000'000'000;

enum class RestartMode : uint8_t { kNever, kOnFailure, kAlways };

struct RestartPolicy {
    RestartMode mode = RestartMode::kOnFailure;
    uint32_t max_crashes = 5;  // 1..kMaxCrashHistory
    uint64_t crash_window_ns = 60 * kSecond;
    uint64_t initial_backoff_ns = 100 * kMillisecond;
    uint64_t max_backoff_ns = 10 * kSecond;  // >= initial_backoff_ns
};

class RestartTracker {
public:
    static constexpr size_t kMaxCrashHistory = 32;

    enum class Action {
        kRestart,   // start it again at restart_at_ns
        kStayDown,  // ended as its policy allows (clean exit, or never)
        kGiveUp,    // crashed too often: stays down, report it
    };
    struct Decision {
        Action action;
        uint64_t restart_at_ns;  // kRestart only
    };

    RestartTracker() = default;
    explicit RestartTracker(const RestartPolicy& policy) : policy_(policy) {}

    // The service was (re)started at `now_ns`.
    void started(uint64_t now_ns) { started_at_ns_ = now_ns; }
    // The service ended with `exit_status` at `now_ns` (>= its start).
    Decision ended(int64_t exit_status, uint64_t now_ns);
    // An operator's restart: the crash history and the backoff start over.
    void reset();

    uint32_t restarts() const { return restarts_; }
    uint32_t crashes_in_a_row() const { return crashes_in_a_row_; }
    bool gave_up() const { return gave_up_; }

private:
    uint64_t backoff_ns() const;

    RestartPolicy policy_;
    uint64_t started_at_ns_ = 0;
    // The most recent crash times, a ring: crash_times_[(next_crash_ - 1) % N] is the newest.
    uint64_t crash_times_[kMaxCrashHistory] = {};
    size_t next_crash_ = 0;
    size_t crash_count_ = 0;  // min(crashes so far, kMaxCrashHistory)
    uint32_t crashes_in_a_row_ = 0;
    uint32_t restarts_ = 0;
    bool gave_up_ = false;
};

}  // namespace cairn::service_manager
