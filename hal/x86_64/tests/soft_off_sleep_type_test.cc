// The \_S5_ scan over hand-made AML: the encodings firmware uses, and
// damaged or unexpected ones, which must give an error rather than a value.
#include "hal/x86_64/acpi/soft_off_sleep_type.h"

#include <gtest/gtest.h>

#include <stdint.h>

#include <vector>

namespace hal::x86_64::acpi {
namespace {

using Aml = std::vector<uint8_t>;

os::ErrorOr<SleepType> scan(const Aml& aml) {
    return find_soft_off_sleep_type(os::Bytes(aml.data(), aml.size()));
}

// Name (_S5, Package (0x04) {Zero, Zero, Zero, Zero}), as QEMU generates it.
const Aml kQemuS5 = {0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00};

TEST(SoftOffSleepType, ReadsQemuEncoding) {
    auto result = scan(kQemuS5);
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value().pm1a, 0);
    EXPECT_EQ(result.value().pm1b, 0);
}

TEST(SoftOffSleepType, ReadsBytePrefixedValuesAfterRootPrefix) {
    // Name (\_S5, Package () {0x05, 0x07, Zero, Zero}) inside a longer body.
    Aml aml = {0x10, 0x20, 0x08, '\\', '_',  'S',  '5',  '_',  0x12,
               0x0a, 0x04, 0x0a, 0x05, 0x0a, 0x07, 0x00, 0x00, 0x5b};
    auto result = scan(aml);
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value().pm1a, 5);
    EXPECT_EQ(result.value().pm1b, 7);
}

TEST(SoftOffSleepType, ReadsOneOpAndMultiBytePackageLength) {
    // PkgLength lead byte 0x40: one more length byte follows.
    Aml aml = {0x08, '_', 'S', '5', '_', 0x12, 0x40, 0x01, 0x02, 0x01, 0x0b, 0x03, 0x00};
    auto result = scan(aml);
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value().pm1a, 1);
    EXPECT_EQ(result.value().pm1b, 3);
}

TEST(SoftOffSleepType, SkipsReferencesAndFindsTheDefinition) {
    // A use of the name (no NameOp before it), then the definition.
    Aml aml = {0x70, '_', 'S', '5', '_', 0x60};
    aml.insert(aml.end(), {0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x02, 0x0a, 0x06, 0x0a, 0x06});
    auto result = scan(aml);
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value().pm1a, 6);
}

TEST(SoftOffSleepType, SinglePackageElementLeavesPm1bZero) {
    auto result = scan({0x08, '_', 'S', '5', '_', 0x12, 0x03, 0x01, 0x0a, 0x02});
    ASSERT_FALSE(result.is_error());
    EXPECT_EQ(result.value().pm1a, 2);
    EXPECT_EQ(result.value().pm1b, 0);
}

TEST(SoftOffSleepType, MissingObjectIsNotFound) {
    EXPECT_EQ(scan({}).error(), os::Error::kNotFound);
    EXPECT_EQ(scan({0x08, '_', 'S', '3', '_', 0x12, 0x03, 0x01, 0x00}).error(),
              os::Error::kNotFound);
    EXPECT_EQ(scan({'_', 'S', '5', '_', 0x12, 0x03, 0x01, 0x00}).error(), os::Error::kNotFound);
}

TEST(SoftOffSleepType, ValueWiderThanSlpTypIsMalformed) {
    auto result = scan({0x08, '_', 'S', '5', '_', 0x12, 0x04, 0x02, 0x0a, 0x08, 0x00});
    EXPECT_EQ(result.error(), os::Error::kMalformed);
}

TEST(SoftOffSleepType, NonConstantsAreUnsupported) {
    // A method invocation where a constant was expected; a name bound to a non-package.
    EXPECT_EQ(scan({0x08, '_', 'S', '5', '_', 0x12, 0x04, 0x02, 0x5b, 0x00}).error(),
              os::Error::kUnsupported);
    EXPECT_EQ(scan({0x08, '_', 'S', '5', '_', 0x0a, 0x05}).error(), os::Error::kUnsupported);
}

TEST(SoftOffSleepType, EmptyPackageIsMalformed) {
    EXPECT_EQ(scan({0x08, '_', 'S', '5', '_', 0x12, 0x01, 0x00}).error(), os::Error::kMalformed);
}

TEST(SoftOffSleepType, EveryTruncationFailsCleanly) {
    // The package declares four elements; the first two must be present.
    constexpr size_t kBytesNeeded = 10;
    for (size_t length = 0; length < kQemuS5.size(); ++length) {
        // An exactly-sized copy, so that a read past the end is a read past the allocation.
        Aml truncated(kQemuS5.begin(), kQemuS5.begin() + length);
        auto result = scan(truncated);
        EXPECT_EQ(result.is_error(), length < kBytesNeeded) << "length " << length;
    }
}

TEST(SoftOffSleepType, PackageLengthPastTheEndIsMalformed) {
    // Lead byte 0xc0 claims three more length bytes; only one follows.
    EXPECT_EQ(scan({0x08, '_', 'S', '5', '_', 0x12, 0xc0, 0x01}).error(), os::Error::kMalformed);
}

}  // namespace
}  // namespace hal::x86_64::acpi
