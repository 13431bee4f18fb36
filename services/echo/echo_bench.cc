// echo_bench (booted as init by //tests/benchmarks:idl_<arch>, -icount): a
// generated-stub call round trip (PingClient -> PingServer, 8 bytes each
// way) against the same exchange on raw messages (ipc_call to a hand-written
// reply_receive loop), each server in its own process. Under -icount the
// guest clock counts instructions: the figures are instructions per call.
#include <stdio.h>
#include <string.h>

#include "cairn/message.h"
#include "cairn/sys.h"
#include "services/echo/echo.ipc.h"

namespace {

using cairn::CapSlot;
namespace sys = cairn::sys;

constexpr uint64_t kCalls = 20000;
constexpr uint64_t kWarmUp = 100;

CapSlot start_server(const char* role) {
    static constexpr char kPath[] = "bin/echo_server";
    CapSlot endpoint = sys::cap_create(cairn::kInitQuotaSlot, cairn::ObjectType::kEndpoint).value();
    cairn::SpawnArguments arguments{};
    arguments.path = kPath;
    arguments.path_length = sizeof kPath - 1;
    arguments.argument = role;
    arguments.argument_length = strlen(role);
    arguments.caps[0] = sys::cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    arguments.cap_count = 1;
    arguments.cap_move = 1;
    arguments.quota = cairn::kInitQuotaSlot;
    if (!sys::process_spawn_with_caps(arguments).ok())
        printf("echo_bench: spawn %s failed\n", role);
    return endpoint;
}

// Returns instructions per call, 0 if a call failed.
uint64_t stub_calls(CapSlot endpoint) {
    echo::PingClient client(endpoint);
    echo::PingReply reply;
    uint64_t start = 0;
    for (uint64_t i = 0; i < kCalls + kWarmUp; ++i) {
        if (i == kWarmUp) start = sys::clock_monotonic();
        if (client.Ping(echo::PingRequest{i}, &reply) != cairn::Status::kOk || reply.value != i + 1)
            return 0;
    }
    return (sys::clock_monotonic() - start) / kCalls;
}

uint64_t raw_calls(CapSlot endpoint) {
    cairn::Message& message = *cairn::ipc_buffer();  // the fast path's Message
    uint64_t start = 0;
    for (uint64_t i = 0; i < kCalls + kWarmUp; ++i) {
        if (i == kWarmUp) start = sys::clock_monotonic();
        message.id = 1;
        message.cap_count = 0;
        message.cap_move = 0;
        message.buffer = 0;
        message.buffer_length = 0;
        message.data_length = 8;
        memcpy(message.data, &i, 8);
        if (!sys::ipc_call(endpoint, &message).ok()) return 0;
        uint64_t value;
        memcpy(&value, message.data, 8);
        if (value != i + 1) return 0;
    }
    return (sys::clock_monotonic() - start) / kCalls;
}

// The Echo service with a 3000-byte text (out of line both ways, server on
// ipc_reply + ipc_receive): for scale, no raw counterpart.
uint64_t long_echo_calls(CapSlot endpoint) {
    constexpr uint64_t kLongCalls = 2000;
    static echo::EchoClient client(endpoint);
    static echo::EchoRequest request;
    static echo::EchoReply reply;
    for (uint32_t i = 0; i < 3000; ++i)
        request.text.data[i] = static_cast<char>('a' + i % 26);
    request.text.size = 3000;
    uint64_t start = 0;
    for (uint64_t i = 0; i < kLongCalls + kWarmUp; ++i) {
        if (i == kWarmUp) start = sys::clock_monotonic();
        if (client.Echo(request, &reply) != cairn::Status::kOk || reply.text.size != 3000) return 0;
    }
    return (sys::clock_monotonic() - start) / kLongCalls;
}

}  // namespace

int main() {
    CapSlot raw = start_server("raw");
    CapSlot stub = start_server("ping");
    uint64_t raw_cost = raw_calls(raw);
    uint64_t stub_cost = stub_calls(stub);
    printf("echo_bench: raw ipc_call round trip  %7llu instructions/call (%llu calls)\n",
           static_cast<unsigned long long>(raw_cost), static_cast<unsigned long long>(kCalls));
    printf("echo_bench: stub Ping round trip     %7llu instructions/call (%llu calls)\n",
           static_cast<unsigned long long>(stub_cost), static_cast<unsigned long long>(kCalls));
    uint64_t long_cost = long_echo_calls(start_server("echo"));
    printf("echo_bench: stub Echo 3000 bytes     %7llu instructions/call (out of line)\n",
           static_cast<unsigned long long>(long_cost));
    if (raw_cost != 0 && stub_cost != 0)
        printf("echo_bench: stub overhead %lld instructions (%lld.%lld%%)\n",
               static_cast<long long>(stub_cost - raw_cost),
               static_cast<long long>((stub_cost - raw_cost) * 100 / raw_cost),
               static_cast<long long>((stub_cost - raw_cost) * 1000 / raw_cost % 10));
    return raw_cost != 0 && stub_cost != 0 && long_cost != 0 ? 0 : 1;
}
