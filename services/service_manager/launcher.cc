// Invariants: every capability made for a start is moved to the child or
// deleted on the way out (a failed start leaks nothing, so a service that
// keeps failing can be retried for ever); the manager keeps no capability
// of a running service except those it started with (quota, platform, the
// name server's endpoint), so a service's device objects die with it and
// its restart can bind the same IRQ line and ports again.
#include "services/service_manager/launcher.h"

#include <string.h>

#include "cairn/runtime.h"
#include "services/runtime/slots.h"
#include "services/service_manager/start_plan.h"

namespace cairn::service_manager {
namespace {

// The 16550 of x86_64 PCs (COM1), reached through I/O ports.
constexpr uint64_t kCom1Port = 0x3f8;
constexpr uint64_t kCom1PortCount = 8;
constexpr uint64_t kSerialKindPortIo = 1;

// The capabilities being made for one start, deleted unless handed over.
struct Made {
    CapSlot slots[StartPlan::kMaxSlots] = {};
    size_t count = 0;

    ~Made() {
        for (size_t i = 0; i < count; ++i)
            if (slots[i] != 0) (void)sys::cap_delete(slots[i]);
    }
};

bool is_serial(const Need& need) {
    return strcmp(need.device, "serial") == 0 || strcmp(need.device, "com1") == 0;
}

Result launch_failure(const char** reason, const char* why, Status status) {
    *reason = why;
    return {static_cast<int64_t>(status)};
}

}  // namespace

Result Launcher::launch(const ServiceSpec& spec, uint64_t badge, const char** reason) {
    const StartPlan plan = plan_start(spec);
    if (plan.count > kMaxSpawnCaps)
        return launch_failure(reason, "too many device needs", Status::kInvalidArgument);
    const PlatformInfo& platform = context_.platform_info;
    Made made;
    made.count = plan.count;
    // The notification an IRQ handler signals, made with the handler and
    // handed over in the slot after it.
    CapSlot irq_notification = 0;
    for (size_t i = 0; i < plan.count; ++i) {
        const Need* need = plan.needs[i];
        Result slot{static_cast<int64_t>(Status::kInvalidArgument)};
        switch (plan.slots[i]) {
            case SlotContent::kEmpty:
                slot = Result{static_cast<int64_t>(kNullSlot)};  // the child finds it empty
                break;
            case SlotContent::kQuota:
                slot = sys::cap_create(context_.quota, ObjectType::kQuota, spec.quota_bytes);
                break;
            case SlotContent::kNameServerServe:
                slot =
                    sys::cap_copy(context_.names_endpoint, kRightRead | kRightWrite | kRightGrant);
                break;
            case SlotContent::kNameServerLookup:
                // GRANT only because spawning hands over nothing without it.
                slot = sys::cap_derive(context_.names_endpoint, kRightWrite | kRightGrant, 0);
                break;
            case SlotContent::kNameServerRegister:
                slot = sys::cap_derive(context_.names_endpoint, kRightWrite | kRightGrant, badge);
                break;
            case SlotContent::kPlatform:
                slot = sys::cap_copy(context_.platform);
                break;
            case SlotContent::kIrqHandler: {
                if (!is_serial(*need) || platform.serial_irq_line == 0)
                    return launch_failure(reason, "unknown device for irq:", Status::kNotFound);
                Result notification = sys::cap_create(context_.quota, ObjectType::kNotification);
                if (!notification)
                    return launch_failure(reason, "no notification", notification.status());
                irq_notification = notification.value();
                slot =
                    sys::irq_register(context_.platform, platform.serial_irq_line, irq_notification,
                                      service::kIrqNotificationBit, context_.quota);
                if (!slot) {
                    (void)sys::cap_delete(irq_notification);
                    return launch_failure(reason, "irq_register failed", slot.status());
                }
                break;
            }
            case SlotContent::kIrqNotification:
                slot = {static_cast<int64_t>(irq_notification)};
                break;
            case SlotContent::kIoPorts:
            case SlotContent::kDeviceRegisters: {
                if (!is_serial(*need))
                    return launch_failure(reason, "unknown device", Status::kNotFound);
                bool port_io =
                    platform.serial_kind == kSerialKindPortIo && platform.serial_physical_base == 0;
                if (port_io) {
                    slot = sys::io_port_create(context_.platform, kCom1Port, kCom1PortCount,
                                               context_.quota);
                } else if (plan.slots[i] == SlotContent::kIoPorts) {
                    return launch_failure(reason, "no I/O ports on this platform",
                                          Status::kNotFound);
                } else {
                    slot =
                        sys::memory_create_device(context_.platform, platform.serial_physical_base,
                                                  page_size(), context_.quota);
                }
                break;
            }
        }
        if (!slot) return launch_failure(reason, slot_content_name(plan.slots[i]), slot.status());
        made.slots[i] = slot.value();
    }

    // Every slot goes over with the spawn itself, before the child's first
    // instruction (capabilities inserted afterwards could collide with the
    // child's own first ones).
    char path[sizeof("bin/") + ServiceSpec::kMaxProgram];
    strcpy(path, "bin/");
    strcat(path, spec.program);
    uint64_t moves = 0;  // every capability made here moves; empty slots cannot
    // The service is charged to the quota it is given (its process, main
    // thread and program pages, then whatever it makes), not to ours.
    CapSlot quota = context_.quota;
    for (size_t i = 0; i < plan.count; ++i) {
        if (made.slots[i] != kNullSlot) moves |= uint64_t{1} << i;
        if (plan.slots[i] == SlotContent::kQuota) quota = made.slots[i];
    }
    Result process =
        sys::spawn_with_caps(path, spec.argument, made.slots, plan.count, moves, quota);
    if (!process) return launch_failure(reason, "spawn failed", process.status());
    for (size_t i = 0; i < plan.count; ++i)
        made.slots[i] = 0;  // moved
    return process;
}

}  // namespace cairn::service_manager
