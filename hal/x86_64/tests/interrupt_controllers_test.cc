// Reading I/O APICs, ISA overrides and processor APIC IDs from hand-made
// MADTs, well-formed and damaged.
#include "hal/x86_64/acpi/interrupt_controllers.h"

#include <gtest/gtest.h>

#include "hal/x86_64/tests/madt_builder.h"

#include <stdint.h>

#include <initializer_list>
#include <vector>

namespace hal::x86_64::acpi {
namespace {

os::ErrorOr<void> parse(const std::vector<uint8_t>& madt, InterruptControllers* out) {
    return parse_interrupt_controllers(os::Bytes(madt.data(), madt.size()), out);
}

// What QEMU's q35 machine reports: IRQ 0 on GSI 2, the PCI-routed ISA IRQs
// 5, 9, 10 and 11 level-triggered, active high (flags 0xd).
TEST(InterruptControllers, ReadsAQemuLikeTable) {
    auto madt = MadtBuilder(0xfee00000, 1)
                    .local_apic(0, 1)
                    .local_apic(1, 1)
                    .io_apic(0, 0xfec00000, 0)
                    .source_override(0, 0, 2, 0)
                    .source_override(0, 5, 5, 0xd)
                    .source_override(0, 9, 9, 0xd)
                    .bytes();
    InterruptControllers controllers;
    ASSERT_FALSE(parse(madt, &controllers).is_error());
    EXPECT_EQ(controllers.local_apic_address, 0xfee00000u);
    EXPECT_TRUE(controllers.has_legacy_pics);
    ASSERT_EQ(controllers.io_apic_count, 1u);
    EXPECT_EQ(controllers.io_apics[0].address, 0xfec00000u);
    EXPECT_EQ(controllers.io_apics[0].gsi_base, 0u);
    ASSERT_EQ(controllers.processor_count, 2u);
    EXPECT_EQ(controllers.processor_apic_ids[1], 1u);

    EXPECT_EQ(controllers.isa[0].gsi, 2u);
    EXPECT_TRUE(controllers.isa[0].overridden);
    EXPECT_EQ(controllers.isa[1].gsi, 1u);  // no override: identity
    EXPECT_FALSE(controllers.isa[1].overridden);
    EXPECT_EQ(controllers.isa[5].trigger, Trigger::kLevel);
    EXPECT_EQ(controllers.isa[5].polarity, Polarity::kActiveHigh);
}

TEST(InterruptControllers, GsiModesFollowOverridesThenBusDefaults) {
    auto madt = MadtBuilder()
                    .io_apic(0, 0xfec00000, 0)
                    .source_override(0, 0, 2, 0)      // conforms: edge, high
                    .source_override(0, 9, 9, 0xf)    // level, active low
                    .source_override(0, 11, 20, 0x5)  // edge, high, onto a PCI GSI
                    .bytes();
    InterruptControllers controllers;
    ASSERT_FALSE(parse(madt, &controllers).is_error());
    GsiMode timer = gsi_mode(controllers, 2);
    EXPECT_EQ(timer.trigger, Trigger::kEdge);
    EXPECT_EQ(timer.polarity, Polarity::kActiveHigh);
    GsiMode sci = gsi_mode(controllers, 9);
    EXPECT_EQ(sci.trigger, Trigger::kLevel);
    EXPECT_EQ(sci.polarity, Polarity::kActiveLow);
    GsiMode isa_default = gsi_mode(controllers, 4);
    EXPECT_EQ(isa_default.trigger, Trigger::kEdge);
    EXPECT_EQ(isa_default.polarity, Polarity::kActiveHigh);
    GsiMode overridden_pci = gsi_mode(controllers, 20);
    EXPECT_EQ(overridden_pci.trigger, Trigger::kEdge);
    GsiMode pci = gsi_mode(controllers, 16);
    EXPECT_EQ(pci.trigger, Trigger::kLevel);
    EXPECT_EQ(pci.polarity, Polarity::kActiveLow);
}

// CPU indices: the boot CPU first, then table order without it, without
// IDs above 0xfe, and no more than asked for.
TEST(InterruptControllers, NumbersCpusBootCpuFirst) {
    auto madt = MadtBuilder()
                    .local_apic(0, 1)
                    .local_apic(1, 1)
                    .local_apic(2, 1)
                    .local_x2apic(300, 1)
                    .local_apic(3, 1)
                    .bytes();
    InterruptControllers controllers;
    ASSERT_FALSE(parse(madt, &controllers).is_error());
    uint32_t ids[8] = {};
    ASSERT_EQ(number_cpus(controllers, 2, ids, 8), 4u);
    EXPECT_EQ(ids[0], 2u);
    EXPECT_EQ(ids[1], 0u);
    EXPECT_EQ(ids[2], 1u);
    EXPECT_EQ(ids[3], 3u);
    EXPECT_EQ(number_cpus(controllers, 2, ids, 2), 2u);
    EXPECT_EQ(number_cpus(InterruptControllers{}, 7, ids, 8), 1u);  // no MADT: the boot CPU
    EXPECT_EQ(ids[0], 7u);
}

TEST(InterruptControllers, SeveralIoApicsAndX2ApicProcessors) {
    auto madt = MadtBuilder()
                    .io_apic(2, 0xfec00000, 0)
                    .io_apic(3, 0xfec01000, 24)
                    .local_x2apic(300, 1)
                    .local_x2apic(301, 0)  // disabled: not listed
                    .local_x2apic(302, 2)  // online capable
                    .bytes();
    InterruptControllers controllers;
    ASSERT_FALSE(parse(madt, &controllers).is_error());
    ASSERT_EQ(controllers.io_apic_count, 2u);
    EXPECT_EQ(controllers.io_apics[1].id, 3u);
    EXPECT_EQ(controllers.io_apics[1].gsi_base, 24u);
    ASSERT_EQ(controllers.processor_count, 2u);
    EXPECT_EQ(controllers.processor_apic_ids[0], 300u);
    EXPECT_EQ(controllers.processor_apic_ids[1], 302u);
}

TEST(InterruptControllers, AddressOverrideWinsWherever) {
    auto madt = MadtBuilder(0xfee00000).address_override(0x1'2345'6000).local_apic(0, 1).bytes();
    InterruptControllers controllers;
    ASSERT_FALSE(parse(madt, &controllers).is_error());
    EXPECT_EQ(controllers.local_apic_address, 0x1'2345'6000u);
}

TEST(InterruptControllers, RejectsTruncatedAndImpossibleEntries) {
    InterruptControllers controllers;
    std::vector<uint8_t> short_table(43, 0);
    EXPECT_EQ(parse(short_table, &controllers).error(), os::Error::kMalformed);
    // An I/O APIC entry claiming 8 bytes cannot hold its GSI base.
    auto short_io_apic = MadtBuilder().raw({1, 8, 0, 0, 0, 0, 0xc0, 0xfe}).bytes();
    EXPECT_EQ(parse(short_io_apic, &controllers).error(), os::Error::kMalformed);
    // Length 0 would loop forever; a length past the end reads outside.
    auto zero_length = MadtBuilder().raw({1, 0}).bytes();
    EXPECT_EQ(parse(zero_length, &controllers).error(), os::Error::kMalformed);
    auto past_end = MadtBuilder().raw({2, 10, 0, 0}).bytes();
    EXPECT_EQ(parse(past_end, &controllers).error(), os::Error::kMalformed);
}

TEST(InterruptControllers, RejectsOverridesOutsideTheIsaBus) {
    InterruptControllers controllers;
    auto high_source = MadtBuilder().source_override(0, 16, 16, 0).bytes();
    EXPECT_EQ(parse(high_source, &controllers).error(), os::Error::kInvalidArgument);
    auto other_bus = MadtBuilder().source_override(1, 3, 3, 0).bytes();
    EXPECT_EQ(parse(other_bus, &controllers).error(), os::Error::kInvalidArgument);
}

TEST(InterruptControllers, TooManyIoApicsIsNoSpace) {
    MadtBuilder builder;
    for (uint32_t index = 0; index <= kMaxIoApics; ++index)
        builder.io_apic(uint8_t(index), 0xfec00000 + index * 0x1000, index * 24);
    InterruptControllers controllers;
    EXPECT_EQ(parse(builder.bytes(), &controllers).error(), os::Error::kNoSpace);
}

}  // namespace
}  // namespace hal::x86_64::acpi
