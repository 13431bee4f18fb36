// The supervisor: first starts, restarts after crashes with backoff, clean
// exits, failed spawns, giving up, and an operator's restart.
#include "services/service_manager/supervisor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn::service_manager {
namespace {

using State = Supervisor::State;

class SupervisorTest : public ::testing::Test {
protected:
    Manifest manifest{};

    void SetUp() override {
        std::string text =
            "nameserver nameserver restart=always backoff=10ms..1s\n"
            "echo echo restart=on-failure limit=3/10s backoff=100ms..400ms\n"
            "once once restart=never\n";
        ManifestError error{};
        ASSERT_TRUE(parse_manifest(text.data(), text.size(), &manifest, &error)) << error.message;
    }

    static std::vector<size_t> due(const Supervisor& supervisor, uint64_t now) {
        size_t indexes[Manifest::kMaxServices];
        size_t count = supervisor.due(now, indexes, Manifest::kMaxServices);
        return std::vector<size_t>(indexes, indexes + count);
    }
};

TEST_F(SupervisorTest, EverythingIsDueAtFirst) {
    Supervisor supervisor(manifest);
    ASSERT_EQ(supervisor.size(), 3u);
    EXPECT_EQ(due(supervisor, 0), (std::vector<size_t>{0, 1, 2}));
    EXPECT_EQ(supervisor.next_wakeup_ns(), 0u);
    EXPECT_STREQ(supervisor.service(1).spec->name, "echo");
    for (size_t i = 0; i < 3; ++i)
        supervisor.started(i, 100 + i, 0);
    EXPECT_TRUE(due(supervisor, 1000 * kSecond).empty());
    EXPECT_EQ(supervisor.next_wakeup_ns(), Supervisor::kNever);
    EXPECT_EQ(supervisor.service(2).state, State::kRunning);
    EXPECT_EQ(supervisor.service(2).process_id, 102u);
}

TEST_F(SupervisorTest, CrashRestartsAfterTheBackoff) {
    Supervisor supervisor(manifest);
    for (size_t i = 0; i < 3; ++i)
        supervisor.started(i, 100 + i, 0);
    EXPECT_EQ(supervisor.exited(101, 134, kSecond), 1u);
    const Supervisor::Service& echo = supervisor.service(1);
    EXPECT_EQ(echo.state, State::kPending);
    EXPECT_EQ(echo.last_status, 134);
    EXPECT_EQ(supervisor.next_wakeup_ns(), kSecond + 100 * kMillisecond);
    EXPECT_TRUE(due(supervisor, kSecond + 99 * kMillisecond).empty());
    EXPECT_EQ(due(supervisor, kSecond + 100 * kMillisecond), (std::vector<size_t>{1}));
    supervisor.started(1, 200, kSecond + 100 * kMillisecond);
    EXPECT_EQ(echo.starts, 2u);
    EXPECT_EQ(supervisor.exited(101, 1, 2 * kSecond), Supervisor::kNotOurs)
        << "the old process id is no longer the service's";
}

TEST_F(SupervisorTest, CleanExitFollowsThePolicy) {
    Supervisor supervisor(manifest);
    for (size_t i = 0; i < 3; ++i)
        supervisor.started(i, 100 + i, 0);
    supervisor.exited(100, 0, kSecond);  // always: back after 10 ms
    supervisor.exited(101, 0, kSecond);  // on-failure: stays down
    supervisor.exited(102, 9, kSecond);  // never: stays down even after a crash
    EXPECT_EQ(supervisor.service(0).state, State::kPending);
    EXPECT_EQ(supervisor.service(1).state, State::kDown);
    EXPECT_EQ(supervisor.service(2).state, State::kDown);
    EXPECT_EQ(supervisor.next_wakeup_ns(), kSecond + 10 * kMillisecond);
}

TEST_F(SupervisorTest, GivesUpAndTheOperatorRevives) {
    Supervisor supervisor(manifest);
    uint64_t now = 0;
    uint64_t pid = 500;
    for (int crash = 0; crash < 3; ++crash) {
        supervisor.started(1, ++pid, now);
        now += kSecond;
        supervisor.exited(pid, 1, now);
        now = supervisor.service(1).start_at_ns;
    }
    EXPECT_EQ(supervisor.service(1).state, State::kFailed);
    EXPECT_EQ(supervisor.service(1).tracker.restarts(), 2u);
    EXPECT_TRUE(due(supervisor, now + 100 * kSecond).size() == 2u) << "the other two still due";
    EXPECT_FALSE(supervisor.restart_by_operator(0, now)) << "pending: nothing to revive";
    EXPECT_TRUE(supervisor.restart_by_operator(1, now));
    EXPECT_EQ(supervisor.service(1).state, State::kPending);
    EXPECT_EQ(due(supervisor, now), (std::vector<size_t>{0, 1, 2}));
}

TEST_F(SupervisorTest, FailedSpawnBacksOffLikeACrash) {
    Supervisor supervisor(manifest);
    supervisor.start_failed(1, -5, 0);  // kNotFound: no such program
    EXPECT_EQ(supervisor.service(1).state, State::kPending);
    EXPECT_EQ(supervisor.service(1).start_at_ns, 100 * kMillisecond);
    supervisor.start_failed(1, 0, 100 * kMillisecond);
    EXPECT_EQ(supervisor.service(1).start_at_ns, 300 * kMillisecond) << "doubled: 200 ms";
    supervisor.start_failed(1, -5, 300 * kMillisecond);
    EXPECT_EQ(supervisor.service(1).state, State::kFailed) << "3 within 10 s";
    EXPECT_EQ(supervisor.service(1).starts, 0u);
}

TEST_F(SupervisorTest, UnknownProcessIsNotOurs) {
    Supervisor supervisor(manifest);
    EXPECT_EQ(supervisor.exited(7, 1, 0), Supervisor::kNotOurs) << "nothing runs yet";
}

TEST(Supervisor, EmptyManifest) {
    Manifest manifest{};
    Supervisor supervisor(manifest);
    EXPECT_EQ(supervisor.size(), 0u);
    EXPECT_EQ(supervisor.next_wakeup_ns(), Supervisor::kNever);
}

}  // namespace
}  // namespace cairn::service_manager
