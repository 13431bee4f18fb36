// The Echo service's implementation of the generated echo::EchoServer,
// shared by the service program (echo_main.cc) and the test harness
// (echo_server.cc).
#pragma once

#include <stdint.h>

#include "services/echo/echo.ipc.h"

namespace echo {

class EchoService : public EchoServer {
public:
    cairn::Status Echo(const cairn::ipc::CallContext& context, const EchoRequest& request,
                       EchoReply* reply) override;
    cairn::Status Inspect(const cairn::ipc::CallContext& context, const InspectRequest& request,
                          InspectReply* reply) override;
    // Faults (a store to address 0): the kernel ends the process as it
    // would for any crash, the caller's ipc_call fails with kPeerGone.
    cairn::Status Crash(const cairn::ipc::CallContext& context, const CrashRequest& request,
                        CrashReply* reply) override;

private:
    uint64_t calls_ = 0;
};

}  // namespace echo
