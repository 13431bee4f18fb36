#include "hal/x86_64/acpi/madt.h"

#include <stddef.h>

#include "hal/x86_64/acpi/table_header.h"

namespace hal::x86_64::acpi {
namespace {

// The table: a header, then a list of variable-length "interrupt controller
// structures", each starting with its type and length.
struct [[gnu::packed]] Madt {
    TableHeader header;
    uint32_t local_apic_address;
    uint32_t flags;
};

struct [[gnu::packed]] EntryHeader {
    uint8_t type;
    uint8_t length;
};

constexpr uint8_t kProcessorLocalApic = 0;
constexpr uint8_t kProcessorLocalX2Apic = 9;

// Processor local APIC (5.2.12.2): 8 bytes, flags at offset 4.
// Processor local x2APIC (5.2.12.12): 16 bytes, flags at offset 8. Firmware
// describes each CPU with exactly one of the two (x2APIC for APIC IDs >= 255).
constexpr size_t kLocalApicLength = 8;
constexpr size_t kLocalApicFlagsOffset = 4;
constexpr size_t kLocalX2ApicLength = 16;
constexpr size_t kLocalX2ApicFlagsOffset = 8;

constexpr uint32_t kEnabled = 1 << 0;
constexpr uint32_t kOnlineCapable = 1 << 1;  // disabled now, may be brought up later

enum class EntryKind { kOther, kUsableCpu, kUnusableCpu, kMalformed };

// What an entry is; `entry` holds exactly the bytes its length field claims.
EntryKind classify(os::Bytes entry) {
    auto header = read_field<EntryHeader>(entry.data(), 0);
    size_t flags_offset;
    if (header.type == kProcessorLocalApic) {
        if (entry.size() < kLocalApicLength) return EntryKind::kMalformed;
        flags_offset = kLocalApicFlagsOffset;
    } else if (header.type == kProcessorLocalX2Apic) {
        if (entry.size() < kLocalX2ApicLength) return EntryKind::kMalformed;
        flags_offset = kLocalX2ApicFlagsOffset;
    } else {
        return EntryKind::kOther;
    }
    uint32_t flags = read_field<uint32_t>(entry.data(), flags_offset);
    return (flags & (kEnabled | kOnlineCapable)) ? EntryKind::kUsableCpu : EntryKind::kUnusableCpu;
}

}  // namespace

os::ErrorOr<uint32_t> count_madt_processors(os::Bytes madt) {
    if (madt.size() < sizeof(Madt)) return os::Error::kMalformed;
    uint32_t count = 0;
    for (size_t offset = sizeof(Madt); offset < madt.size();) {
        size_t remaining = madt.size() - offset;
        if (remaining < sizeof(EntryHeader)) return os::Error::kMalformed;
        size_t length = read_field<EntryHeader>(madt.data(), offset).length;
        if (length < sizeof(EntryHeader) || length > remaining) return os::Error::kMalformed;

        EntryKind kind = classify(madt.slice(offset, length));
        if (kind == EntryKind::kMalformed) return os::Error::kMalformed;
        if (kind == EntryKind::kUsableCpu) ++count;
        offset += length;
    }
    return count;
}

}  // namespace hal::x86_64::acpi
