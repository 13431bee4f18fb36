// What goes into each start slot of a service (services/runtime/service.h),
// as pure data (host-tested): the manager turns every entry into a
// capability and hands them over in slot order. Slots without a capability
// still need an entry (kEmpty): kNullSlot in process_spawn_with_caps, which
// leaves that slot of the child empty.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "services/service_manager/manifest.h"

namespace cairn::service_manager {

enum class SlotContent : uint8_t {
    kEmpty,               // nothing: the slot stays empty
    kQuota,               // slot 1: a quota of its own
    kNameServerServe,     // slot 2 of the name server: its endpoint (READ|WRITE|GRANT)
    kNameServerLookup,    // slot 2, needs=nameserver: unbadged (WRITE)
    kNameServerRegister,  // slot 2, needs=register: badged with the service's owner badge
    kPlatform,            // slot 3, needs=platform
    kIrqHandler,          // irq:<device>: the handler, then
    kIrqNotification,     //   the notification it signals
    kIoPorts,             // ioports:<device> (then kEmpty)
    kDeviceRegisters,     // device:<device>: device memory or I/O ports (then kEmpty)
};

struct StartPlan {
    static constexpr size_t kMaxSlots = 3 + 2 * ServiceSpec::kMaxNeeds;

    SlotContent slots[kMaxSlots];  // slots[i] is slot i + 1
    const Need* needs[kMaxSlots];  // the device need of a device slot, else null
    size_t count;                  // up to the last slot that holds something
};

// The name of the service the manager starts first and hands its endpoint to.
inline constexpr const char* kNameServerService = "nameserver";

// The plan for `spec` (a valid manifest entry).
StartPlan plan_start(const ServiceSpec& spec);

const char* slot_content_name(SlotContent content);

}  // namespace cairn::service_manager
