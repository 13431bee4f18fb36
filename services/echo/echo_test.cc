// echo_test (booted as init by :<arch>_echo_test): starts bin/echo_server
// with an endpoint and checks the Echo service through the generated stub —
// a short text (inline), a 3000-byte text (out of line), a capability moved
// in a request (rights checked by the server's decoder) — and that raw
// malformed requests get error replies while the server keeps serving.
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"
#include "services/echo/echo.ipc.h"
#include "tests/user/check.h"

namespace {

using cairn::CapSlot;
using cairn::Status;
namespace sys = cairn::sys;

constexpr uint64_t kSecond = 1000000000;

CapSlot create(cairn::ObjectType type) {
    cairn::Result result = sys::cap_create(cairn::kInitQuotaSlot, type);
    CHECK(result.ok());
    return result.ok() ? result.value() : 0;
}

uint64_t spawn_server(CapSlot endpoint, const char* role) {
    CapSlot server_end = sys::cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    cairn::Result result =
        sys::spawn_with_caps("bin/echo_server", role, &server_end, 1, 1, cairn::kInitQuotaSlot);
    CHECK(result.ok());
    return result.ok() ? result.value() : 0;
}

// Echo through the stub; returns the reply's call count (0 on failure).
uint64_t echo_text(echo::EchoClient& client, const char* text, size_t length) {
    echo::EchoRequest request;
    CHECK(request.text.assign(text, length));
    echo::EchoReply reply;
    if (!CHECK_EQ(static_cast<int64_t>(client.Echo(request, &reply)), 0)) return 0;
    CHECK_EQ(reply.text.size, length);
    CHECK(memcmp(reply.text.data, text, length) == 0);
    return reply.calls;
}

// A raw message the stub would never send; returns the error reply's status.
Status raw_call(CapSlot endpoint, uint64_t id, const void* data, uint32_t length) {
    cairn::Message message{};
    message.id = id;
    message.data_length = length;
    memcpy(message.data, data, length);
    if (!CHECK(sys::ipc_call(endpoint, &message, 5 * kSecond).ok())) return Status::kOk;
    CHECK_EQ(cairn::ipc::call_of(message.id), cairn::ipc::call_of(id));
    CHECK((message.id & cairn::ipc::kKindError) != 0);
    int32_t status = 0;
    memcpy(&status, message.data, 4);
    return static_cast<Status>(status);
}

}  // namespace

int main() {
    CapSlot endpoint = create(cairn::ObjectType::kEndpoint);
    uint64_t server = spawn_server(endpoint, "echo");
    echo::EchoClient client(endpoint);

    CHECK_EQ(echo_text(client, "hello, echo", 11), 1);
    static char long_text[3000];
    for (size_t i = 0; i < sizeof long_text; ++i)
        long_text[i] = static_cast<char>('a' + i % 26);
    CHECK_EQ(echo_text(client, long_text, sizeof long_text), 2);

    // A capability moved in a request: the server reports what it is.
    echo::InspectRequest inspect;
    inspect.capability.slot = create(cairn::ObjectType::kNotification);
    echo::InspectReply inspected;
    CHECK_EQ(static_cast<int64_t>(client.Inspect(inspect, &inspected)), 0);
    CHECK_EQ(inspected.type, static_cast<uint64_t>(cairn::ObjectType::kNotification));
    CHECK_EQ(inspected.rights, cairn::kAllRights);
    cairn::CapInfo gone{};
    CHECK_EQ(static_cast<int64_t>(sys::cap_info(inspect.capability.slot, &gone).status()),
             static_cast<int64_t>(Status::kNoCapability));  // moved away
    // Without READ (the field demands it) the server's decoder refuses it.
    CapSlot notification = create(cairn::ObjectType::kNotification);
    inspect.capability.slot =
        sys::cap_copy(notification, cairn::kRightWrite | cairn::kRightGrant).value();
    CHECK_EQ(static_cast<int64_t>(client.Inspect(inspect, &inspected)),
             static_cast<int64_t>(Status::kMalformed));

    // Malformed: a length over the 4096-byte bound, an unknown method.
    uint8_t oversized[4] = {0x01, 0x10, 0, 0};  // 4097
    CHECK_EQ(static_cast<int64_t>(raw_call(endpoint, echo::EchoInterface::kEchoId, oversized, 4)),
             static_cast<int64_t>(Status::kMalformed));
    CHECK_EQ(static_cast<int64_t>(
                 raw_call(endpoint, echo::EchoInterface::kEchoId ^ 0x10000, oversized, 4)),
             static_cast<int64_t>(Status::kNotFound));
    // ... and the server still answers.
    CHECK_EQ(echo_text(client, "still there", 11), 3);

    printf(
        "echo_test: 3 echoes (11, 3000 out of line, 11 bytes), a moved capability "
        "inspected and one without READ refused, 2 malformed requests answered\n");
    CHECK(server != 0);
    printf("echo_test: %s\n", utest::failures == 0 ? "passed" : "FAILED");
    return utest::failures == 0 ? 0 : 1;
}
