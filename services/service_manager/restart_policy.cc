#include "services/service_manager/restart_policy.h"

namespace cairn::service_manager {

RestartTracker::Decision RestartTracker::ended(int64_t exit_status, uint64_t now_ns) {
    if (gave_up_) return {Action::kGiveUp, 0};
    if (exit_status == 0) {
        // A clean exit ends a row of crashes and is no crash itself.
        crashes_in_a_row_ = 0;
        if (policy_.mode != RestartMode::kAlways) return {Action::kStayDown, 0};
        ++restarts_;
        return {Action::kRestart, now_ns + policy_.initial_backoff_ns};
    }
    if (policy_.mode == RestartMode::kNever) return {Action::kStayDown, 0};

    if (now_ns - started_at_ns_ >= policy_.crash_window_ns) crashes_in_a_row_ = 0;
    ++crashes_in_a_row_;
    crash_times_[next_crash_] = now_ns;
    next_crash_ = (next_crash_ + 1) % kMaxCrashHistory;
    if (crash_count_ < kMaxCrashHistory) ++crash_count_;

    // Give up when this crash is the max_crashes-th within the window: the
    // max_crashes-th newest crash (this one counts) is recent enough.
    uint32_t limit = policy_.max_crashes;
    if (limit == 0) limit = 1;
    if (limit > kMaxCrashHistory) limit = kMaxCrashHistory;
    if (crash_count_ >= limit) {
        uint64_t oldest = crash_times_[(next_crash_ + kMaxCrashHistory - limit) % kMaxCrashHistory];
        if (now_ns - oldest < policy_.crash_window_ns) {
            gave_up_ = true;
            return {Action::kGiveUp, 0};
        }
    }
    ++restarts_;
    return {Action::kRestart, now_ns + backoff_ns()};
}

uint64_t RestartTracker::backoff_ns() const {
    // initial * 2^(row - 1), capped; no doubling past half the cap, so no overflow.
    uint64_t cap = policy_.max_backoff_ns;
    uint64_t wait = policy_.initial_backoff_ns;
    for (uint32_t i = 1; i < crashes_in_a_row_; ++i) {
        if (wait > cap / 2) return cap;
        wait *= 2;
    }
    return wait < cap ? wait : cap;
}

void RestartTracker::reset() {
    next_crash_ = crash_count_ = 0;
    crashes_in_a_row_ = 0;
    gave_up_ = false;
}

}  // namespace cairn::service_manager
