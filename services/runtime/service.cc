// service::connect and service::register_endpoint: the generated NameServer
// client on the capability the service manager put in kNameServerSlot.
#include "services/runtime/service.h"

#include <string.h>

#include "services/name_server/name_server.ipc.h"

namespace cairn::service {
namespace {

Result failure(Status status) {
    return {static_cast<int64_t>(status)};
}

bool set_name(::name_server::LookupRequest& request, const char* name) {
    return request.name.assign(name, strlen(name));
}

}  // namespace

Result connect(const char* name) {
    ::name_server::LookupRequest request;
    if (!set_name(request, name)) return failure(Status::kInvalidArgument);
    ::name_server::LookupReply reply;
    Status status = ::name_server::NameServerClient(kNameServerSlot).Lookup(request, &reply);
    if (status != Status::kOk) return failure(status);
    return {static_cast<int64_t>(reply.endpoint.slot)};
}

Result register_endpoint(const char* name) {
    ::name_server::RegisterRequest request;
    if (!request.name.assign(name, strlen(name))) return failure(Status::kInvalidArgument);
    Result endpoint = sys::cap_create(kQuotaSlot, ObjectType::kEndpoint);
    if (!endpoint) return endpoint;
    // The name server's copy: WRITE and GRANT (it hands out callable copies),
    // REVOKE and DELETE (when the name goes, it revokes those copies, so
    // every client's capability dies with it, then deletes its own).
    Result copy =
        sys::cap_copy(endpoint.value(), kRightWrite | kRightGrant | kRightRevoke | kRightDelete);
    if (!copy) {
        (void)sys::cap_delete(endpoint.value());
        return copy;
    }
    request.endpoint.slot = copy.value();
    ::name_server::RegisterReply reply;
    Status status = ::name_server::NameServerClient(kNameServerSlot).Register(request, &reply);
    if (status != Status::kOk) {
        // Moved unless the kernel refused the send; either way not ours.
        (void)sys::cap_delete(copy.value());
        (void)sys::cap_delete(endpoint.value());
        return failure(status);
    }
    return endpoint;
}

}  // namespace cairn::service
