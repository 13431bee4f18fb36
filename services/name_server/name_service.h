// The NameServer interface (name_server.proto) on the Registry: the
// generated server class with the caller's badge as the registry's owner.
// Host-tested (tests/name_service_test.cc); bin/name_server serves it.
//
// Access by badge (README.md): a request's Message::badge is the badge of
// the endpoint capability the client called with; the generated dispatch
// hands it to every method as CallContext::badge. Badge 0 (an unbadged
// copy) may Lookup and List; Register and Unregister answer
// kPermissionDenied (Registry: owner 0). Any other badge registers as that
// owner, and only that owner may replace or unregister its names.
#pragma once

#include <stdint.h>

#include "cairn/status.h"
#include "services/name_server/name_server.ipc.h"
#include "services/name_server/registry.h"

namespace cairn::name_server {

class NameService final : public ::name_server::NameServerServer {
public:
    // `release` deletes an endpoint capability the service no longer keeps
    // (refused, replaced or unregistered): cap_delete on Cairn.
    explicit NameService(void (*release)(Slot)) : release_(release) {}

    Status Register(const cairn::ipc::CallContext& context,
                    const ::name_server::RegisterRequest& request,
                    ::name_server::RegisterReply* reply) override;
    Status Lookup(const cairn::ipc::CallContext& context,
                  const ::name_server::LookupRequest& request,
                  ::name_server::LookupReply* reply) override;
    Status List(const cairn::ipc::CallContext& context, const ::name_server::ListRequest& request,
                ::name_server::ListReply* reply) override;
    Status Unregister(const cairn::ipc::CallContext& context,
                      const ::name_server::UnregisterRequest& request,
                      ::name_server::UnregisterReply* reply) override;

    const Registry& registry() const { return registry_; }

private:
    void (*release_)(Slot);
    Registry registry_;
};

}  // namespace cairn::name_server
