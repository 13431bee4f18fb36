// The ServiceManager interface (service_manager.proto) on the Manager:
// served on its own thread, registered with the name server as "services".
#pragma once

#include "services/service_manager/manager.h"
#include "services/service_manager/service_manager.ipc.h"

namespace cairn::service_manager {

class ControlService final : public ::service_manager::ServiceManagerServer {
public:
    explicit ControlService(Manager& manager) : manager_(manager) {}

    Status List(const ipc::CallContext& context, const ::service_manager::ListRequest& request,
                ::service_manager::ListReply* reply) override;
    Status Kill(const ipc::CallContext& context, const ::service_manager::KillRequest& request,
                ::service_manager::KillReply* reply) override;
    Status Restart(const ipc::CallContext& context,
                   const ::service_manager::RestartRequest& request,
                   ::service_manager::RestartReply* reply) override;

private:
    Manager& manager_;
};

}  // namespace cairn::service_manager
