// The commands that talk to the service manager ("services",
// service_manager.proto): services (List), kill (Kill), restart (Restart).
#include "services/service_manager/service_manager.ipc.h"
#include "services/shell/format.h"
#include "services/shell/shell.h"

namespace cairn::shell {

namespace {

constexpr Column kServiceColumns[] = {
    {"NAME", 12, false},   {"STATE", 7, false}, {"PID", 5, true},
    {"RESTARTS", 8, true}, {"LAST", 0, false},
};

// A failed call: its status. A manager that went away is looked up anew
// next time.
int report(Shell& shell, const char* what, Status status, OutputBuffer& out) {
    if (status == Status::kPeerGone) shell.drop_service_manager();
    out.put(what);
    out.put(": ");
    out.put(status_name(status));
    out.put("\r\n");
    return 1;
}

}  // namespace

int run_services(void* context, size_t, char**, OutputBuffer& out) {
    Shell& shell = *static_cast<Shell*>(context);
    CapSlot endpoint = shell.service_manager();
    if (endpoint == 0) return 1;
    service_manager::ServiceManagerClient manager(endpoint);
    TableWriter table(kServiceColumns, sizeof(kServiceColumns) / sizeof(kServiceColumns[0]), out);
    table.header();
    service_manager::ListRequest request;
    service_manager::ListReply reply;
    request.first = 0;
    // A page at a time (8 services): the list may change between pages, a
    // service then shows twice or not at all, which an operator's look can bear.
    for (;;) {
        Status status = manager.List(request, &reply);
        if (status != Status::kOk) return report(shell, "services", status, out);
        for (uint32_t i = 0; i < reply.services.size; ++i) {
            const service_manager::ServiceStatus& service = reply.services.items[i];
            bool running = service.state == service_manager::ServiceState::SERVICE_RUNNING;
            table.text(service.name.c_str());
            table.text(service_state_name(static_cast<uint64_t>(service.state)));
            if (running) {
                table.number(service.process_id);
            } else {
                table.text("-");
            }
            table.number(service.starts > 0 ? service.starts - 1 : 0);
            // The last end's status, once there was one.
            if (service.starts > 1 || !running) {
                if (const char* word = exit_status_name(service.last_status)) {
                    table.text(word);
                } else {
                    table.signed_number(service.last_status);
                }
            } else {
                table.text("-");
            }
            table.end_row();
        }
        request.first += reply.services.size;
        if (reply.services.size == 0 || request.first >= reply.total) break;
    }
    return 0;
}

int run_kill(void* context, size_t argc, char** argv, OutputBuffer& out) {
    Shell& shell = *static_cast<Shell*>(context);
    if (argc != 2) {
        out.put("usage: kill <service|pid>\r\n");
        return 1;
    }
    CapSlot endpoint = shell.service_manager();
    if (endpoint == 0) return 1;
    service_manager::ServiceManagerClient manager(endpoint);
    service_manager::KillRequest request;
    service_manager::KillReply reply;
    if (!request.target.assign(argv[1]))
        return report(shell, argv[1], Status::kInvalidArgument, out);
    Status status = manager.Kill(request, &reply);
    if (status != Status::kOk) return report(shell, argv[1], status, out);
    out.put("killed process ");
    out.put_number(reply.process_id);
    out.put("\r\n");
    return 0;
}

int run_restart(void* context, size_t argc, char** argv, OutputBuffer& out) {
    Shell& shell = *static_cast<Shell*>(context);
    if (argc != 2) {
        out.put("usage: restart <service>\r\n");
        return 1;
    }
    CapSlot endpoint = shell.service_manager();
    if (endpoint == 0) return 1;
    service_manager::ServiceManagerClient manager(endpoint);
    service_manager::RestartRequest request;
    service_manager::RestartReply reply;
    if (!request.name.assign(argv[1])) return report(shell, argv[1], Status::kInvalidArgument, out);
    Status status = manager.Restart(request, &reply);
    if (status != Status::kOk) return report(shell, argv[1], status, out);
    out.put("restarting ");
    out.put(argv[1]);
    out.put("\r\n");
    return 0;
}

}  // namespace cairn::shell
