#include "services/name_server/name_service.h"

namespace cairn::name_server {

Status NameService::Register(const cairn::ipc::CallContext& context,
                             const ::name_server::RegisterRequest& request,
                             ::name_server::RegisterReply* reply) {
    Slot endpoint = request.endpoint.slot;  // moved to us: kept, or released here
    Slot replaced = 0;
    Status status = registry_.register_name(request.name.data, request.name.size, endpoint,
                                            context.badge, &replaced);
    if (status != Status::kOk) {
        release_(endpoint);
        return status;
    }
    if (replaced != 0) release_(replaced);
    reply->replaced = replaced != 0;
    return Status::kOk;
}

Status NameService::Lookup(const cairn::ipc::CallContext&,
                           const ::name_server::LookupRequest& request,
                           ::name_server::LookupReply* reply) {
    Slot endpoint = 0;
    Status status = registry_.lookup(request.name.data, request.name.size, &endpoint);
    if (status != Status::kOk) return status;
    reply->endpoint.slot = endpoint;  // the reply carries a copy (no ipc.move): we keep ours
    return Status::kOk;
}

Status NameService::List(const cairn::ipc::CallContext&, const ::name_server::ListRequest& request,
                         ::name_server::ListReply* reply) {
    constexpr uint32_t kPage = decltype(reply->names)::kMaxCount;
    Registry::Entry entries[kPage];
    size_t count = registry_.list(request.after.data, request.after.size, entries, kPage);
    for (size_t i = 0; i < count; ++i)
        if (!reply->names.items[i].assign(entries[i].name, entries[i].name_length))
            return Status::kOutOfRange;
    reply->names.size = static_cast<uint32_t>(count);
    return Status::kOk;
}

Status NameService::Unregister(const cairn::ipc::CallContext& context,
                               const ::name_server::UnregisterRequest& request,
                               ::name_server::UnregisterReply* reply) {
    Slot released = 0;
    Status status =
        registry_.unregister(request.name.data, request.name.size, context.badge, &released);
    if (status != Status::kOk) return status;
    release_(released);
    reply->remaining = static_cast<uint32_t>(registry_.size());
    return Status::kOk;
}

}  // namespace cairn::name_server
