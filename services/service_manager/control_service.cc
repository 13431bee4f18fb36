#include "services/service_manager/control_service.h"

#include <string.h>

namespace cairn::service_manager {
namespace {

::service_manager::ServiceState state_of(Supervisor::State state) {
    switch (state) {
        case Supervisor::State::kPending:
            return ::service_manager::ServiceState::SERVICE_PENDING;
        case Supervisor::State::kRunning:
            return ::service_manager::ServiceState::SERVICE_RUNNING;
        case Supervisor::State::kDown:
            return ::service_manager::ServiceState::SERVICE_DOWN;
        case Supervisor::State::kFailed:
            return ::service_manager::ServiceState::SERVICE_FAILED;
    }
    return ::service_manager::ServiceState::SERVICE_DOWN;
}

}  // namespace

Status ControlService::List(const ipc::CallContext&, const ::service_manager::ListRequest& request,
                            ::service_manager::ListReply* reply) {
    constexpr size_t kPage = decltype(reply->services)::kMaxCount;
    Manager::Snapshot services[kPage];
    size_t count = manager_.snapshot(request.first, services, kPage);
    for (size_t i = 0; i < count; ++i) {
        ::service_manager::ServiceStatus status{};
        const ServiceSpec& spec = *services[i].spec;
        if (!status.name.assign(spec.name, strlen(spec.name)) ||
            !status.program.assign(spec.program, strlen(spec.program)))
            return Status::kOutOfRange;
        status.state = state_of(services[i].state);
        status.process_id =
            services[i].state == Supervisor::State::kRunning ? services[i].process_id : 0;
        status.starts = services[i].starts;
        status.last_status = services[i].last_status;
        if (!reply->services.push_back(status)) return Status::kOutOfRange;
    }
    reply->total = static_cast<uint32_t>(manager_.size());
    return Status::kOk;
}

Status ControlService::Kill(const ipc::CallContext&, const ::service_manager::KillRequest& request,
                            ::service_manager::KillReply* reply) {
    return manager_.kill(request.target.data, request.target.size, &reply->process_id);
}

Status ControlService::Restart(const ipc::CallContext&,
                               const ::service_manager::RestartRequest& request,
                               ::service_manager::RestartReply*) {
    return manager_.restart(request.name.data, request.name.size);
}

}  // namespace cairn::service_manager
