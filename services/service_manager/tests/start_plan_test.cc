// The start plan: which capability lands in which slot (services/runtime/
// slots.h), from manifest lines as parse_manifest reads them.
#include "services/service_manager/start_plan.h"

#include <string.h>

#include "gtest/gtest.h"
#include "services/runtime/slots.h"

namespace cairn::service_manager {
namespace {

ServiceSpec parse_one(const char* line) {
    static Manifest manifest;
    ManifestError error{};
    EXPECT_TRUE(parse_manifest(line, strlen(line), &manifest, &error))
        << line << ": " << (error.message != nullptr ? error.message : "");
    return manifest.services[0];
}

TEST(StartPlan, ServiceWithoutNeedsGetsOnlyItsQuota) {
    StartPlan plan = plan_start(parse_one("idle idle"));
    ASSERT_EQ(plan.count, 1u);
    EXPECT_EQ(plan.slots[service::kQuotaSlot - 1], SlotContent::kQuota);
}

TEST(StartPlan, NameServerServesOnSlotTwo) {
    StartPlan plan = plan_start(parse_one("nameserver name_server restart=always"));
    ASSERT_EQ(plan.count, 2u);
    EXPECT_EQ(plan.slots[service::kNameServerSlot - 1], SlotContent::kNameServerServe);
}

TEST(StartPlan, RegisterWinsOverLookup) {
    EXPECT_EQ(plan_start(parse_one("echo echo needs=nameserver,register")).slots[1],
              SlotContent::kNameServerRegister);
    EXPECT_EQ(plan_start(parse_one("shell shell needs=nameserver")).slots[1],
              SlotContent::kNameServerLookup);
}

TEST(StartPlan, ConsoleDevicesTwoSlotsEachInManifestOrder) {
    StartPlan plan =
        plan_start(parse_one("console console needs=irq:serial,register,device:serial"));
    ASSERT_EQ(plan.count, 6u);
    EXPECT_EQ(plan.slots[0], SlotContent::kQuota);
    EXPECT_EQ(plan.slots[1], SlotContent::kNameServerRegister);
    EXPECT_EQ(plan.slots[2], SlotContent::kEmpty);  // no platform: left empty
    EXPECT_EQ(plan.slots[service::device_slot(0) - 1], SlotContent::kIrqHandler);
    EXPECT_EQ(plan.slots[service::device_slot(0)], SlotContent::kIrqNotification);
    // `register` between them takes no device slot: device:serial is need 1.
    EXPECT_EQ(plan.slots[service::device_slot(1) - 1], SlotContent::kDeviceRegisters);
    ASSERT_NE(plan.needs[service::device_slot(1) - 1], nullptr);
    EXPECT_STREQ(plan.needs[service::device_slot(1) - 1]->device, "serial");
}

TEST(StartPlan, TrailingEmptySlotIsNotCounted) {
    // device:<dev> uses one of its two slots: the plan ends after it.
    StartPlan plan = plan_start(parse_one("uart uart needs=platform,ioports:com1"));
    ASSERT_EQ(plan.count, 4u);
    EXPECT_EQ(plan.slots[1], SlotContent::kEmpty);
    EXPECT_EQ(plan.slots[2], SlotContent::kPlatform);
    EXPECT_EQ(plan.slots[3], SlotContent::kIoPorts);
}

TEST(StartPlan, EveryNeedFitsOneSpawn) {
    StartPlan plan = plan_start(
        parse_one("big big needs=register,platform,irq:a,irq:b,device:c,device:d,ioports:e,irq:f"));
    // 3 + 2 * 6 device needs, the last one's second slot in use (irq).
    EXPECT_EQ(plan.count, 15u);
    EXPECT_LE(plan.count, StartPlan::kMaxSlots);
    EXPECT_STREQ(slot_content_name(plan.slots[14]), "irq notification");
}

}  // namespace
}  // namespace cairn::service_manager
