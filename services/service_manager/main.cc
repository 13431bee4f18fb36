// service_manager: started by init with slot 1 = a quota (the services'
// kernel objects come from it), slot 3 = the platform capability (their
// device needs). Reads the image's manifest (etc/services), starts the name
// server first and every other service with the capabilities it declares
// (launcher.h, services/runtime/slots.h), restarts those that end as their
// policy says (manager.h), and serves the ServiceManager interface as
// "services" (control_service.h). README.md has the whole story.
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"
#include "cairn/thread.h"
#include "services/name_server/name_server.ipc.h"
#include "services/runtime/slots.h"
#include "services/service_manager/control_service.h"
#include "services/service_manager/launcher.h"
#include "services/service_manager/manager.h"
#include "services/service_manager/manifest.h"
#include "services/service_manager/start_plan.h"

namespace {

using namespace cairn;
using namespace cairn::service_manager;

constexpr const char* kManifestPath = "etc/services";
constexpr size_t kMaxManifestBytes = 8192;

char manifest_text[kMaxManifestBytes];
Manifest manifest;

// The manifest's bytes; -status if it cannot be read (or is too long).
int64_t read_manifest() {
    size_t length = 0;
    for (;;) {
        Result read = sys::boot_file_read(kManifestPath, length, manifest_text + length,
                                          kMaxManifestBytes - length);
        if (!read) return read.raw;
        if (read.value() == 0) return static_cast<int64_t>(length);
        length += read.value();
        if (length == kMaxManifestBytes) return static_cast<int64_t>(Status::kOutOfRange);
    }
}

// The ServiceManager interface's endpoint, served by the control thread
// and registered as "services" whenever the name server (re)starts.
CapSlot control_endpoint = 0;

// Started hook (manager.h): runs on the main loop before the next service
// starts, so "services" is registered before any client can look for it.
// The call waits until the new name server receives; with the manager's own
// owner badge it replaces the registration of a previous name server run
// (a restarted name server has none: its registry starts empty).
void register_control(void* context, const ServiceSpec& spec) {
    if (strcmp(spec.name, kNameServerService) != 0 || control_endpoint == 0) return;
    auto& manager = *static_cast<Manager*>(context);
    Result owner = sys::cap_derive(manager.launcher().context().names_endpoint,
                                   kRightWrite | kRightGrant, Manager::kManagerBadge);
    Result copy =
        sys::cap_copy(control_endpoint, kRightWrite | kRightGrant | kRightRevoke | kRightDelete);
    Status status = !owner ? owner.status() : copy.status();
    if (owner && copy) {
        ::name_server::RegisterRequest request;
        (void)request.name.assign("services", 8);
        request.endpoint.slot = copy.value();
        ::name_server::RegisterReply reply;
        status = ::name_server::NameServerClient(owner.value()).Register(request, &reply);
    }
    if (owner) (void)sys::cap_delete(owner.value());
    // Moved on success; otherwise maybe still ours (a send the kernel refused).
    if (copy && status != Status::kOk) (void)sys::cap_delete(copy.value());
    if (status == Status::kOk) {
        printf("service_manager: registered \"services\"\n");
    } else {
        printf("service_manager: registering \"services\" failed: %s\n", status_name(status));
    }
}

int64_t serve_control(void* argument) {
    static ControlService service(*static_cast<Manager*>(argument));
    Status status = service.serve(control_endpoint);
    printf("service_manager: \"services\" endpoint failed: %s\n", status_name(status));
    return 1;
}

Result create(ObjectType type) {
    return sys::cap_create(service::kQuotaSlot, type);
}

}  // namespace

int main() {
    int64_t length = read_manifest();
    if (length < 0) {
        printf("service_manager: cannot read %s: %s\n", kManifestPath,
               status_name(static_cast<Status>(length)));
        return 1;
    }
    ManifestError error{};
    if (!parse_manifest(manifest_text, static_cast<size_t>(length), &manifest, &error)) {
        // All or nothing: half a system is harder to debug than none.
        printf("service_manager: %s line %zu: %s; starting no services\n", kManifestPath,
               error.line, error.message);
        return 1;
    }
    if (manifest.find(kNameServerService) == nullptr)
        printf("service_manager: no \"%s\" in %s: services cannot find each other\n",
               kNameServerService, kManifestPath);

    LaunchContext context{};
    context.quota = service::kQuotaSlot;
    context.platform = service::kPlatformSlot;
    (void)sys::platform_info(&context.platform_info);
    Result events = create(ObjectType::kNotification);
    Result names = create(ObjectType::kEndpoint);
    if (!events || !names) {
        printf("service_manager: cannot create its objects: %s\n",
               status_name(!events ? events.status() : names.status()));
        return 1;
    }
    context.names_endpoint = names.value();
    printf("service_manager: %zu services in %s\n", manifest.count, kManifestPath);

    static Manager manager(manifest, Launcher(context), events.value());
    Result endpoint = create(ObjectType::kEndpoint);
    if (endpoint) control_endpoint = endpoint.value();
    static Thread control;
    Result started = endpoint ? control.start(&serve_control, &manager) : endpoint;
    if (started) {
        manager.set_started_hook(&register_control, &manager);
    } else {
        printf("service_manager: no \"services\" interface: %s\n", status_name(started.status()));
    }
    manager.run();
}
