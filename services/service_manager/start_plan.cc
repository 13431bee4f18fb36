#include "services/service_manager/start_plan.h"

#include "services/runtime/slots.h"

namespace cairn::service_manager {
namespace {

bool same(const char* a, const char* b) {
    while (*a != '\0' && *a == *b)
        ++a, ++b;
    return *a == *b;
}

void put(StartPlan& plan, size_t slot, SlotContent content, const Need* need = nullptr) {
    plan.slots[slot - 1] = content;
    plan.needs[slot - 1] = need;
    if (content != SlotContent::kEmpty && slot > plan.count) plan.count = slot;
}

}  // namespace

StartPlan plan_start(const ServiceSpec& spec) {
    StartPlan plan{};
    for (size_t i = 0; i < StartPlan::kMaxSlots; ++i)
        plan.slots[i] = SlotContent::kEmpty;
    put(plan, service::kQuotaSlot, SlotContent::kQuota);
    if (same(spec.name, kNameServerService)) {
        put(plan, service::kNameServerSlot, SlotContent::kNameServerServe);
    } else if (spec.find_need(NeedKind::kRegister) != nullptr) {
        // Registering includes looking up (the badge only adds rights).
        put(plan, service::kNameServerSlot, SlotContent::kNameServerRegister);
    } else if (spec.find_need(NeedKind::kNameServer) != nullptr) {
        put(plan, service::kNameServerSlot, SlotContent::kNameServerLookup);
    }
    if (spec.find_need(NeedKind::kPlatform) != nullptr)
        put(plan, service::kPlatformSlot, SlotContent::kPlatform);
    size_t device_index = 0;
    for (size_t i = 0; i < spec.need_count; ++i) {
        const Need& need = spec.needs[i];
        size_t slot = service::device_slot(device_index);
        switch (need.kind) {
            case NeedKind::kIrq:
                put(plan, slot, SlotContent::kIrqHandler, &need);
                put(plan, slot + 1, SlotContent::kIrqNotification, &need);
                break;
            case NeedKind::kIoPorts:
                put(plan, slot, SlotContent::kIoPorts, &need);
                break;
            case NeedKind::kDevice:
                put(plan, slot, SlotContent::kDeviceRegisters, &need);
                break;
            default:
                continue;  // not a device need: no slots
        }
        ++device_index;
    }
    return plan;
}

const char* slot_content_name(SlotContent content) {
    switch (content) {
        case SlotContent::kEmpty:
            return "empty";
        case SlotContent::kQuota:
            return "quota";
        case SlotContent::kNameServerServe:
            return "name server endpoint";
        case SlotContent::kNameServerLookup:
            return "name server lookup";
        case SlotContent::kNameServerRegister:
            return "name server registration";
        case SlotContent::kPlatform:
            return "platform";
        case SlotContent::kIrqHandler:
            return "irq handler";
        case SlotContent::kIrqNotification:
            return "irq notification";
        case SlotContent::kIoPorts:
            return "I/O ports";
        case SlotContent::kDeviceRegisters:
            return "device registers";
    }
    return "?";
}

}  // namespace cairn::service_manager
