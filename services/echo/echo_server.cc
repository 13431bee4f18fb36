// echo_server: the test and benchmark harness's server: the Echo service
// (argument "echo") or the Ping service ("ping") on the endpoint its
// parent hands it in slot 1, implemented with the generated server classes;
// also "raw": a hand-written Ping for the stub benchmark. (The service the
// service manager starts is echo_main.cc.)
#include <stdio.h>
#include <string.h>

#include "cairn/message.h"
#include "cairn/sys.h"
#include "services/echo/echo.ipc.h"
#include "services/echo/echo_service.h"

namespace {

constexpr cairn::CapSlot kEndpoint = 1;

class PingService : public echo::PingServer {
public:
    cairn::Status Ping(const cairn::ipc::CallContext&, const echo::PingRequest& request,
                       echo::PingReply* reply) override {
        reply->value = request.value + 1;
        return cairn::Status::kOk;
    }
};

echo::EchoService echo_service;
PingService ping_service;

// The hand-written equivalent of PingService on raw messages: the
// benchmark's baseline (8 inline bytes each way, reply_receive).
int serve_raw() {
    cairn::Message& message = *cairn::ipc_buffer();  // the fast path's Message
    message = cairn::Message{};
    if (!cairn::sys::ipc_receive(kEndpoint, &message).ok()) return 1;
    for (;;) {
        uint64_t value;
        memcpy(&value, message.data, 8);
        ++value;
        message.id = 1;
        message.cap_count = 0;
        message.cap_move = 0;
        message.buffer = 0;
        message.buffer_length = 0;
        message.data_length = 8;
        memcpy(message.data, &value, 8);
        if (!cairn::sys::ipc_reply_receive(kEndpoint, &message).ok()) return 2;
    }
}

}  // namespace

int main(int argc, char** argv) {
    const char* role = argc > 1 ? argv[1] : "echo";
    cairn::Status status;
    if (strcmp(role, "raw") == 0) return serve_raw();
    if (strcmp(role, "ping") == 0)
        status = ping_service.serve(kEndpoint);
    else
        status = echo_service.serve(kEndpoint);
    printf("echo_server %s: endpoint failed: %s\n", role, cairn::status_name(status));
    return 1;
}
