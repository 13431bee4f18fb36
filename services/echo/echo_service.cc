#include "services/echo/echo_service.h"

#include <stdio.h>

#include "cairn/sys.h"

namespace echo {

cairn::Status EchoService::Echo(const cairn::ipc::CallContext&, const EchoRequest& request,
                                EchoReply* reply) {
    reply->text = request.text;
    reply->calls = ++calls_;
    return cairn::Status::kOk;
}

cairn::Status EchoService::Inspect(const cairn::ipc::CallContext&, const InspectRequest& request,
                                   InspectReply* reply) {
    cairn::CapInfo info{};
    cairn::Result result = cairn::sys::cap_info(request.capability.slot, &info);
    // The capability was moved to us: done with it either way.
    (void)cairn::sys::cap_delete(request.capability.slot);
    if (!result.ok()) return result.status();
    reply->type = static_cast<uint64_t>(info.type);
    reply->rights = info.rights;
    return cairn::Status::kOk;
}

cairn::Status EchoService::Crash(const cairn::ipc::CallContext&, const CrashRequest&, CrashReply*) {
    printf("echo: crashing on request\n");
    // volatile: the compiler may not drop or trap-optimise the store.
    *static_cast<volatile uint64_t*>(nullptr) = 1;
    return cairn::Status::kOk;  // not reached
}

}  // namespace echo
