// The restart policy: who is restarted, after how long, and when the
// manager gives up.
#include "services/service_manager/restart_policy.h"

#include <gtest/gtest.h>

namespace cairn::service_manager {
namespace {

using Action = RestartTracker::Action;

RestartPolicy policy(RestartMode mode) {
    RestartPolicy result;
    result.mode = mode;
    return result;
}

TEST(RestartPolicy, OnFailureRestartsCrashesOnly) {
    RestartTracker tracker(policy(RestartMode::kOnFailure));
    tracker.started(0);
    RestartTracker::Decision decision = tracker.ended(1, 5 * kSecond);
    EXPECT_EQ(decision.action, Action::kRestart);
    EXPECT_EQ(decision.restart_at_ns, 5 * kSecond + 100 * kMillisecond);
    tracker.started(decision.restart_at_ns);
    EXPECT_EQ(tracker.ended(0, 6 * kSecond).action, Action::kStayDown);
    EXPECT_EQ(tracker.restarts(), 1u);
}

TEST(RestartPolicy, NegativeStatusIsACrash) {
    RestartTracker tracker(policy(RestartMode::kOnFailure));
    tracker.started(0);
    EXPECT_EQ(tracker.ended(-134, kSecond).action, Action::kRestart);
}

TEST(RestartPolicy, NeverStaysDown) {
    RestartTracker tracker(policy(RestartMode::kNever));
    tracker.started(0);
    EXPECT_EQ(tracker.ended(1, kSecond).action, Action::kStayDown);
    EXPECT_EQ(tracker.ended(0, kSecond).action, Action::kStayDown);
    EXPECT_EQ(tracker.restarts(), 0u);
}

TEST(RestartPolicy, AlwaysRestartsCleanExitsWithoutCountingThem) {
    RestartPolicy always = policy(RestartMode::kAlways);
    always.max_crashes = 2;
    RestartTracker tracker(always);
    uint64_t now = 0;
    for (int i = 0; i < 10; ++i) {
        tracker.started(now);
        now += kMillisecond;
        RestartTracker::Decision decision = tracker.ended(0, now);
        ASSERT_EQ(decision.action, Action::kRestart) << i;
        EXPECT_EQ(decision.restart_at_ns, now + always.initial_backoff_ns);
        now = decision.restart_at_ns;
    }
    EXPECT_FALSE(tracker.gave_up());
}

TEST(RestartPolicy, BackoffDoublesUpToTheCap) {
    RestartPolicy doubling = policy(RestartMode::kOnFailure);
    doubling.max_crashes = 32;
    doubling.crash_window_ns = 1000 * kSecond;
    doubling.initial_backoff_ns = 100 * kMillisecond;
    doubling.max_backoff_ns = kSecond;
    RestartTracker tracker(doubling);
    const uint64_t expected_ms[] = {100, 200, 400, 800, 1000, 1000, 1000};
    uint64_t now = 0;
    for (uint64_t wait_ms : expected_ms) {
        tracker.started(now);
        now += kMillisecond;
        RestartTracker::Decision decision = tracker.ended(1, now);
        ASSERT_EQ(decision.action, Action::kRestart);
        EXPECT_EQ(decision.restart_at_ns - now, wait_ms * kMillisecond);
        now = decision.restart_at_ns;
    }
    EXPECT_EQ(tracker.crashes_in_a_row(), 7u);
}

TEST(RestartPolicy, ALongRunEndsTheRow) {
    RestartPolicy row = policy(RestartMode::kOnFailure);
    RestartTracker tracker(row);
    tracker.started(0);
    EXPECT_EQ(tracker.ended(1, kSecond).restart_at_ns, kSecond + 100 * kMillisecond);
    tracker.started(2 * kSecond);
    EXPECT_EQ(tracker.ended(1, 3 * kSecond).restart_at_ns, 3 * kSecond + 200 * kMillisecond);
    // Up for a whole window: the next crash waits the initial backoff.
    tracker.started(4 * kSecond);
    uint64_t late = 4 * kSecond + row.crash_window_ns;
    EXPECT_EQ(tracker.ended(1, late).restart_at_ns, late + 100 * kMillisecond);
    EXPECT_EQ(tracker.crashes_in_a_row(), 1u);
}

TEST(RestartPolicy, CleanExitEndsTheRow) {
    RestartTracker tracker(policy(RestartMode::kAlways));
    tracker.started(0);
    tracker.ended(1, kSecond);
    tracker.started(2 * kSecond);
    tracker.ended(1, 3 * kSecond);
    EXPECT_EQ(tracker.crashes_in_a_row(), 2u);
    tracker.started(4 * kSecond);
    tracker.ended(0, 5 * kSecond);
    EXPECT_EQ(tracker.crashes_in_a_row(), 0u);
    tracker.started(6 * kSecond);
    EXPECT_EQ(tracker.ended(1, 7 * kSecond).restart_at_ns, 7 * kSecond + 100 * kMillisecond);
}

TEST(RestartPolicy, GivesUpAfterMaxCrashesWithinTheWindow) {
    RestartPolicy limited = policy(RestartMode::kOnFailure);
    limited.max_crashes = 3;
    limited.crash_window_ns = 10 * kSecond;
    RestartTracker tracker(limited);
    uint64_t now = 0;
    for (int i = 0; i < 2; ++i) {
        tracker.started(now);
        now += kSecond;
        RestartTracker::Decision decision = tracker.ended(1, now);
        ASSERT_EQ(decision.action, Action::kRestart) << i;
        now = decision.restart_at_ns;
    }
    tracker.started(now);
    EXPECT_EQ(tracker.ended(1, now + kSecond).action, Action::kGiveUp);
    EXPECT_TRUE(tracker.gave_up());
    EXPECT_EQ(tracker.ended(0, now + 2 * kSecond).action, Action::kGiveUp) << "stays given up";
    EXPECT_EQ(tracker.restarts(), 2u);
    // An operator's restart starts over.
    tracker.reset();
    tracker.started(now + 3 * kSecond);
    RestartTracker::Decision decision = tracker.ended(1, now + 4 * kSecond);
    EXPECT_EQ(decision.action, Action::kRestart);
    EXPECT_EQ(decision.restart_at_ns, now + 4 * kSecond + 100 * kMillisecond);
}

TEST(RestartPolicy, CrashesSpreadOverTimeNeverGiveUp) {
    RestartPolicy limited = policy(RestartMode::kOnFailure);
    limited.max_crashes = 3;
    limited.crash_window_ns = 10 * kSecond;
    RestartTracker tracker(limited);
    uint64_t now = 0;
    for (int i = 0; i < 50; ++i) {
        tracker.started(now);
        now += 4 * kSecond;  // two crashes per window at most... 3 within 10 s never
        RestartTracker::Decision decision = tracker.ended(1, now);
        ASSERT_EQ(decision.action, Action::kRestart) << i;
        now = decision.restart_at_ns + kSecond;
    }
    EXPECT_EQ(tracker.restarts(), 50u);
}

TEST(RestartPolicy, ExactlyAtTheWindowEdgeIsOutside) {
    RestartPolicy limited = policy(RestartMode::kOnFailure);
    limited.max_crashes = 2;
    limited.crash_window_ns = 10 * kSecond;
    RestartTracker tracker(limited);
    tracker.started(0);
    ASSERT_EQ(tracker.ended(1, kSecond).action, Action::kRestart);
    tracker.started(2 * kSecond);
    EXPECT_EQ(tracker.ended(1, 11 * kSecond).action, Action::kRestart) << "10 s apart";
    tracker.started(12 * kSecond);
    EXPECT_EQ(tracker.ended(1, 12 * kSecond + 1).action, Action::kGiveUp);
}

TEST(RestartPolicy, OneCrashLimitGivesUpAtOnce) {
    RestartPolicy once = policy(RestartMode::kAlways);
    once.max_crashes = 1;
    RestartTracker tracker(once);
    tracker.started(0);
    EXPECT_EQ(tracker.ended(7, kSecond).action, Action::kGiveUp);
}

TEST(RestartPolicy, HugeCapDoesNotOverflow) {
    RestartPolicy huge = policy(RestartMode::kOnFailure);
    huge.max_crashes = 32;
    huge.crash_window_ns = ~uint64_t{0};
    huge.initial_backoff_ns = uint64_t{1} << 62;
    huge.max_backoff_ns = ~uint64_t{0} >> 1;
    RestartTracker tracker(huge);
    tracker.started(0);
    tracker.ended(1, 1);
    tracker.started(2);
    RestartTracker::Decision decision = tracker.ended(1, 3);
    EXPECT_EQ(decision.restart_at_ns - 3, huge.max_backoff_ns);
}

}  // namespace
}  // namespace cairn::service_manager
