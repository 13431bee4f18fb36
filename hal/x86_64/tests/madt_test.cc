// Counting processors in hand-made MADTs, well-formed and damaged.
#include "hal/x86_64/acpi/interrupt_controllers.h"

#include <gtest/gtest.h>

#include "hal/x86_64/tests/madt_builder.h"

#include <stdint.h>

#include <initializer_list>
#include <vector>

namespace hal::x86_64::acpi {
namespace {

constexpr uint32_t kEnabled = 1;
constexpr uint32_t kOnlineCapable = 2;

os::ErrorOr<uint32_t> count(const std::vector<uint8_t>& madt) {
    return count_madt_processors(os::Bytes(madt.data(), madt.size()));
}

TEST(Madt, CountsEnabledAndOnlineCapableProcessors) {
    auto madt = MadtBuilder()
                    .local_apic(0, kEnabled)
                    .io_apic(0, 0xfec00000, 0)
                    .local_apic(1, kEnabled)
                    .local_apic(2, 0)  // present but unusable
                    .local_apic(3, kOnlineCapable)
                    .bytes();
    auto result = count(madt);
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value(), 3u);
}

TEST(Madt, CountsX2ApicEntries) {
    auto madt = MadtBuilder().local_apic(0, kEnabled).local_x2apic(300, kEnabled).bytes();
    auto result = count(madt);
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value(), 2u);
}

TEST(Madt, NoEntriesCountsZero) {
    auto result = count(MadtBuilder().bytes());
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value(), 0u);
}

TEST(Madt, ShorterThanFixedPartIsMalformed) {
    EXPECT_EQ(count(std::vector<uint8_t>(43, 0)).error(), os::Error::kMalformed);
}

TEST(Madt, ZeroLengthEntryIsMalformedNotAnEndlessLoop) {
    auto madt = MadtBuilder().local_apic(0, kEnabled).raw({0, 0, 0, 0, 0, 0, 0, 0}).bytes();
    EXPECT_EQ(count(madt).error(), os::Error::kMalformed);
}

TEST(Madt, EntryPastTheEndIsMalformed) {
    auto madt = MadtBuilder().local_apic(0, kEnabled).raw({1, 12, 0, 0}).bytes();
    EXPECT_EQ(count(madt).error(), os::Error::kMalformed);
}

TEST(Madt, ProcessorEntryTooShortForItsFlagsIsMalformed) {
    EXPECT_EQ(count(MadtBuilder().raw({0, 6, 0, 0, 1, 0}).bytes()).error(), os::Error::kMalformed);
    EXPECT_EQ(count(MadtBuilder().raw({9, 8, 0, 0, 0, 0, 0, 0}).bytes()).error(),
              os::Error::kMalformed);
}

TEST(Madt, LoneTrailingByteIsMalformed) {
    EXPECT_EQ(count(MadtBuilder().local_apic(0, kEnabled).raw({0}).bytes()).error(),
              os::Error::kMalformed);
}

TEST(Madt, EveryTruncationFailsCleanlyOrCountsWhatIsWhole) {
    auto full = MadtBuilder()
                    .local_apic(0, kEnabled)
                    .io_apic(0, 0xfec00000, 0)
                    .local_x2apic(256, kEnabled)
                    .local_apic(1, kEnabled)
                    .bytes();
    for (size_t length = 0; length <= full.size(); ++length) {
        // An exactly-sized copy, so that a read past the end is a read past the allocation.
        std::vector<uint8_t> truncated(full.begin(), full.begin() + length);
        auto result = count(truncated);
        // Only cuts at entry boundaries leave a well-formed table.
        bool at_boundary =
            length == 44 || length == 52 || length == 64 || length == 80 || length == full.size();
        EXPECT_EQ(result.is_error(), !at_boundary) << "length " << length;
    }
}

}  // namespace
}  // namespace hal::x86_64::acpi
