// Starting one service: the capabilities of its start plan (start_plan.h),
// made from what the manager holds, handed over in slot order.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/sys.h"
#include "services/service_manager/manifest.h"

namespace cairn::service_manager {

struct LaunchContext {
    CapSlot quota;           // the manager's (WRITE): services' quotas, notifications
    CapSlot platform;        // the manager's (WRITE): device needs
    CapSlot names_endpoint;  // the name server's endpoint (all rights)
    PlatformInfo platform_info;
};

class Launcher {
public:
    explicit Launcher(const LaunchContext& context) : context_(context) {}

    // Spawns bin/<spec.program> with its start capabilities; `badge` is the
    // owner badge of its name-server registrations. Returns the process id;
    // on failure *reason says why (a static string) and nothing is left over.
    Result launch(const ServiceSpec& spec, uint64_t badge, const char** reason);

    const LaunchContext& context() const { return context_; }

private:
    LaunchContext context_;
};

}  // namespace cairn::service_manager
