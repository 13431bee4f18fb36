// service_check: run from the shell by tests/system's boot tests, on a
// system the service manager started. Checks, through the name server and
// the generated echo stub, that
//   - a lookup of a name nobody registered fails cleanly (kNotFound);
//   - the echo service answers;
//   - a call to an echo server that crashes during the call fails with
//     kPeerGone instead of hanging;
//   - the service manager restarts echo, and the client reconnects by name
//     to the new server (whose call count starts again at 1).
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"
#include "services/echo/echo.ipc.h"
#include "services/runtime/service.h"
#include "tests/user/check.h"

namespace {

namespace sys = cairn::sys;
using cairn::Status;

constexpr uint64_t kMillisecond = 1000000;
constexpr uint64_t kReconnectLimitNs = 20000 * kMillisecond;

// Echo `text` on `endpoint`; the status, and the reply's call count.
Status echo_once(cairn::CapSlot endpoint, const char* text, uint64_t* calls) {
    echo::EchoClient client(endpoint);
    echo::EchoRequest request;
    request.text.assign(text);
    echo::EchoReply reply;
    Status status = client.Echo(request, &reply);
    if (status == Status::kOk) {
        CHECK(reply.text.size == strlen(text) &&
              memcmp(reply.text.data, text, reply.text.size) == 0);
        *calls = reply.calls;
    }
    return status;
}

}  // namespace

int main() {
    cairn::Result unknown = cairn::service::connect("no-such-service");
    CHECK_EQ(static_cast<int64_t>(unknown.status()), static_cast<int64_t>(Status::kNotFound));
    printf("service_check: lookup of an unknown name: %s\n", cairn::status_name(unknown.status()));

    cairn::Result first = cairn::service::connect("echo");
    if (!CHECK(first.ok())) return 1;
    uint64_t calls = 0;
    CHECK_EQ(static_cast<int64_t>(echo_once(first.value(), "before", &calls)), 0);
    printf("service_check: echo answered (call %llu)\n", static_cast<unsigned long long>(calls));

    echo::EchoClient client(first.value());
    echo::CrashRequest crash;
    echo::CrashReply ignored;
    Status crashed = client.Crash(crash, &ignored);
    CHECK_EQ(static_cast<int64_t>(crashed), static_cast<int64_t>(Status::kPeerGone));
    printf("service_check: the call that crashed echo failed: %s\n", cairn::status_name(crashed));
    (void)sys::cap_delete(first.value());

    // Reconnect by name until the restarted server answers. Until the
    // manager has seen the crash, the name may still lead to the dead
    // server's endpoint: those calls fail (never hang), and we try again.
    const uint64_t start = sys::clock_monotonic();
    uint64_t attempts = 0;
    Status last = Status::kNotFound;
    while (sys::clock_monotonic() - start < kReconnectLimitNs) {
        ++attempts;
        cairn::Result endpoint = cairn::service::connect("echo");
        if (endpoint.ok()) {
            last = echo_once(endpoint.value(), "after restart", &calls);
            (void)sys::cap_delete(endpoint.value());
            if (last == Status::kOk) break;
        } else {
            last = endpoint.status();
        }
        (void)sys::thread_sleep(20 * kMillisecond);
    }
    if (!CHECK_EQ(static_cast<int64_t>(last), 0)) {
        printf("service_check: echo did not come back: %s\n", cairn::status_name(last));
    } else {
        CHECK_EQ(calls, 1);  // a new server process
        printf(
            "service_check: reconnected by name after %llu ms (%llu attempts); the new echo "
            "answered (call %llu)\n",
            static_cast<unsigned long long>((sys::clock_monotonic() - start) / kMillisecond),
            static_cast<unsigned long long>(attempts), static_cast<unsigned long long>(calls));
    }
    printf("service_check: %s\n", utest::failures == 0 ? "passed" : "FAILED");
    return utest::failures == 0 ? 0 : 1;
}
