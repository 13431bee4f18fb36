#include "hal/x86_64/acpi/soft_off_sleep_type.h"

#include <stddef.h>

namespace hal::x86_64::acpi {
namespace {

// AML encodings (ACPI 6.5, chapter 20).
constexpr uint8_t kNameOp = 0x08;
constexpr uint8_t kRootPrefix = '\\';
constexpr uint8_t kPackageOp = 0x12;
constexpr uint8_t kZeroOp = 0x00;
constexpr uint8_t kOneOp = 0x01;
constexpr uint8_t kBytePrefix = 0x0a;
constexpr uint8_t kWordPrefix = 0x0b;
constexpr uint8_t kDWordPrefix = 0x0c;

constexpr uint32_t kMaxSleepType = 7;  // SLP_TYP is a 3-bit field

// Reads AML bytes in order; running off the end is an error, never a read.
class AmlCursor {
public:
    AmlCursor(os::Bytes aml, size_t offset) : aml_(aml), offset_(offset) {}

    os::ErrorOr<uint8_t> next_byte() {
        if (offset_ >= aml_.size()) return os::Error::kMalformed;
        return aml_[offset_++];
    }

    os::ErrorOr<void> skip(size_t count) {
        if (count > aml_.size() - offset_) return os::Error::kMalformed;
        offset_ += count;
        return {};
    }

    // A little-endian integer of `size` bytes.
    os::ErrorOr<uint32_t> next_integer(size_t size) {
        uint32_t value = 0;
        for (size_t index = 0; index < size; ++index) {
            value |= uint32_t{TRY(next_byte())} << (8 * index);
        }
        return value;
    }

private:
    os::Bytes aml_;
    size_t offset_;
};

// One package element that must be a constant fitting SLP_TYP.
os::ErrorOr<uint8_t> read_sleep_type(AmlCursor& cursor) {
    uint32_t value;
    switch (TRY(cursor.next_byte())) {
        case kZeroOp:
            value = 0;
            break;
        case kOneOp:
            value = 1;
            break;
        case kBytePrefix:
            value = TRY(cursor.next_integer(1));
            break;
        case kWordPrefix:
            value = TRY(cursor.next_integer(2));
            break;
        case kDWordPrefix:
            value = TRY(cursor.next_integer(4));
            break;
        default:
            return os::Error::kUnsupported;
    }
    if (value > kMaxSleepType) return os::Error::kMalformed;
    return static_cast<uint8_t>(value);
}

// The package after the name: PackageOp PkgLength NumElements elements...
os::ErrorOr<SleepType> read_sleep_type_package(AmlCursor cursor) {
    if (TRY(cursor.next_byte()) != kPackageOp) return os::Error::kUnsupported;
    // PkgLength: bits 7-6 of the lead byte count the bytes that follow it.
    uint8_t lead = TRY(cursor.next_byte());
    TRY(cursor.skip(lead >> 6));
    uint8_t element_count = TRY(cursor.next_byte());
    if (element_count == 0) return os::Error::kMalformed;

    SleepType sleep_type;
    sleep_type.pm1a = TRY(read_sleep_type(cursor));
    if (element_count >= 2) sleep_type.pm1b = TRY(read_sleep_type(cursor));
    return sleep_type;
}

// Whether the name at `offset` is being defined (Name(_S5_, ...)) rather
// than referred to.
bool follows_name_op(os::Bytes aml, size_t offset) {
    if (offset >= 1 && aml[offset - 1] == kNameOp) return true;
    return offset >= 2 && aml[offset - 1] == kRootPrefix && aml[offset - 2] == kNameOp;
}

}  // namespace

os::ErrorOr<SleepType> find_soft_off_sleep_type(os::Bytes aml) {
    constexpr char kName[4] = {'_', 'S', '5', '_'};
    for (size_t offset = 0; offset + sizeof(kName) <= aml.size(); ++offset) {
        if (__builtin_memcmp(aml.data() + offset, kName, sizeof(kName)) != 0) continue;
        if (!follows_name_op(aml, offset)) continue;
        return read_sleep_type_package(AmlCursor(aml, offset + sizeof(kName)));
    }
    return os::Error::kNotFound;
}

}  // namespace hal::x86_64::acpi
