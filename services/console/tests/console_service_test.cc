#include "services/console/console_service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cairn/ipc.h"
#include "cairn/syscalls.h"

namespace cairn::console_service {
namespace {

// A device whose receive() answers from a script, one entry per call: some
// bytes, or a status (kTimedOut, ...), or "woken without input" (empty).
class FakeDevice final : public ConsoleDevice {
public:
    struct Step {
        std::string bytes;
        int64_t status = 0;  // used when bytes is empty
    };

    size_t write(const void* bytes, size_t length) override {
        written.append(static_cast<const char*>(bytes), length);
        return length;
    }
    int64_t receive(uint8_t* bytes, size_t capacity, uint64_t timeout_ns) override {
        timeouts.push_back(timeout_ns);
        clock += 1000;
        if (steps.empty()) return static_cast<int64_t>(Status::kTimedOut);
        Step step = steps.front();
        steps.erase(steps.begin());
        if (step.bytes.empty()) return step.status;
        size_t count = step.bytes.size() < capacity ? step.bytes.size() : capacity;
        step.bytes.copy(reinterpret_cast<char*>(bytes), count);
        return static_cast<int64_t>(count);
    }
    uint64_t now_ns() override { return clock; }

    std::string written;
    std::vector<Step> steps;
    std::vector<uint64_t> timeouts;
    uint64_t clock = 0;
};

::console::ReadRequest read_request(uint32_t max_bytes, uint64_t timeout_ns) {
    ::console::ReadRequest request;
    request.max_bytes = max_bytes;
    request.timeout_ns = timeout_ns;
    return request;
}

std::string text(const ::console::ReadReply& reply) {
    return std::string(reinterpret_cast<const char*>(reply.data.data), reply.data.size);
}

TEST(ConsoleService, WriteSendsTheBytesAndCountsThem) {
    FakeDevice device;
    ConsoleService service(device);
    ::console::WriteRequest request;
    request.data.assign("cairn> ", 7);
    ::console::WriteReply reply;
    EXPECT_EQ(service.Write({}, request, &reply), Status::kOk);
    EXPECT_EQ(reply.written, 7u);
    EXPECT_EQ(device.written, "cairn> ");
}

TEST(ConsoleService, ReadKeepsWhatDidNotFitForTheNextRead) {
    FakeDevice device;
    device.steps = {{"hello", 0}};
    ConsoleService service(device);
    ::console::ReadReply reply;
    ASSERT_EQ(service.Read({}, read_request(2, kForever), &reply), Status::kOk);
    EXPECT_EQ(text(reply), "he");
    EXPECT_EQ(service.pending(), 3u);
    ASSERT_EQ(service.Read({}, read_request(256, kForever), &reply), Status::kOk);
    EXPECT_EQ(text(reply), "llo");
    // One receive for both: the second read did not wait.
    EXPECT_EQ(device.timeouts, (std::vector<uint64_t>{kForever}));
}

TEST(ConsoleService, ReadRefusesCountsOutsideItsBound) {
    FakeDevice device;
    ConsoleService service(device);
    ::console::ReadReply reply;
    EXPECT_EQ(service.Read({}, read_request(0, kForever), &reply), Status::kInvalidArgument);
    EXPECT_EQ(service.Read({}, read_request(257, kForever), &reply), Status::kInvalidArgument);
    EXPECT_TRUE(device.timeouts.empty());
}

TEST(ConsoleService, AWakeUpWithoutInputWaitsForTheRestOfTheTimeout) {
    FakeDevice device;
    device.steps = {{"", 0}, {"x", 0}};
    ConsoleService service(device);
    ::console::ReadReply reply;
    ASSERT_EQ(service.Read({}, read_request(16, 5000), &reply), Status::kOk);
    EXPECT_EQ(text(reply), "x");
    // The fake clock advanced 1000 ns during the first wait.
    EXPECT_EQ(device.timeouts, (std::vector<uint64_t>{5000, 4000}));
}

TEST(ConsoleService, NothingInTimeIsTimedOut) {
    FakeDevice device;
    device.steps = {{"", static_cast<int64_t>(Status::kTimedOut)}};
    ConsoleService service(device);
    ::console::ReadReply reply;
    EXPECT_EQ(service.Read({}, read_request(16, 5000), &reply), Status::kTimedOut);
    // A zero timeout polls: the driver's kWouldBlock reads as kTimedOut too.
    device.steps = {{"", static_cast<int64_t>(Status::kWouldBlock)}};
    EXPECT_EQ(service.Read({}, read_request(16, kNoWait), &reply), Status::kTimedOut);
    EXPECT_EQ(device.timeouts.back(), kNoWait);
    // Woken without input once the time is up: no further wait.
    device.steps = {{"", 0}};
    device.timeouts.clear();
    EXPECT_EQ(service.Read({}, read_request(16, 500), &reply), Status::kTimedOut);
    EXPECT_EQ(device.timeouts.size(), 2u);
}

TEST(ConsoleService, ADeviceFailurePassesThrough) {
    FakeDevice device;
    device.steps = {{"", static_cast<int64_t>(Status::kNoCapability)}};
    ConsoleService service(device);
    ::console::ReadReply reply;
    EXPECT_EQ(service.Read({}, read_request(16, kForever), &reply), Status::kNoCapability);
}

}  // namespace
}  // namespace cairn::console_service
