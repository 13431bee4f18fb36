#include "hal/x86_64/acpi/interrupt_controllers.h"

#include <stddef.h>

#include "hal/x86_64/acpi/table_header.h"

namespace hal::x86_64::acpi {
namespace {

// The fixed part after the header: the 32-bit local APIC address and flags.
constexpr size_t kFixedPartLength = sizeof(TableHeader) + 8;
constexpr size_t kLocalApicAddressOffset = sizeof(TableHeader);
constexpr size_t kFlagsOffset = sizeof(TableHeader) + 4;
constexpr uint32_t kPcatCompatible = 1 << 0;

// Entry types and the lengths their fields need (5.2.12.x).
constexpr uint8_t kProcessorLocalApic = 0;        // uid u8, apic id u8, flags u32
constexpr uint8_t kIoApic = 1;                    // id u8, reserved, address u32, gsi base u32
constexpr uint8_t kInterruptSourceOverride = 2;   // bus u8, source u8, gsi u32, flags u16
constexpr uint8_t kLocalApicAddressOverride = 5;  // reserved u16, address u64
constexpr uint8_t kProcessorLocalX2Apic = 9;      // reserved u16, x2apic id u32, flags u32, uid u32

constexpr size_t kLocalApicLength = 8;
constexpr size_t kIoApicLength = 12;
constexpr size_t kOverrideLength = 10;
constexpr size_t kAddressOverrideLength = 12;
constexpr size_t kLocalX2ApicLength = 16;

constexpr uint32_t kProcessorEnabled = 1 << 0;
constexpr uint32_t kProcessorOnlineCapable = 1 << 1;

constexpr uint8_t kIsaBus = 0;

// MPS INTI flags of an override: 2 bits of polarity, then 2 of trigger mode;
// 0 means "conforms to the bus", which for ISA is active high, edge.
constexpr uint16_t kPolarityMask = 0x3;
constexpr uint16_t kPolarityActiveLow = 0x3;
constexpr uint16_t kTriggerShift = 2;
constexpr uint16_t kTriggerMask = 0x3;
constexpr uint16_t kTriggerLevel = 0x3;

bool is_usable(uint32_t processor_flags) {
    return processor_flags & (kProcessorEnabled | kProcessorOnlineCapable);
}

os::ErrorOr<void> add_processor(InterruptControllers* out, uint32_t apic_id, uint32_t flags) {
    if (!is_usable(flags)) return {};
    if (out->processor_count == kMaxMadtProcessors) return os::Error::kNoSpace;
    out->processor_apic_ids[out->processor_count++] = apic_id;
    return {};
}

// One entry; `entry` holds exactly the bytes its length field claims.
os::ErrorOr<void> read_entry(os::Bytes entry, InterruptControllers* out) {
    const unsigned char* bytes = entry.data();
    switch (bytes[0]) {
        case kProcessorLocalApic:
            if (entry.size() < kLocalApicLength) return os::Error::kMalformed;
            return add_processor(out, bytes[3], read_field<uint32_t>(bytes, 4));
        case kProcessorLocalX2Apic:
            if (entry.size() < kLocalX2ApicLength) return os::Error::kMalformed;
            return add_processor(out, read_field<uint32_t>(bytes, 4),
                                 read_field<uint32_t>(bytes, 8));
        case kIoApic: {
            if (entry.size() < kIoApicLength) return os::Error::kMalformed;
            if (out->io_apic_count == kMaxIoApics) return os::Error::kNoSpace;
            out->io_apics[out->io_apic_count++] = {
                .id = bytes[2],
                .address = read_field<uint32_t>(bytes, 4),
                .gsi_base = read_field<uint32_t>(bytes, 8),
            };
            return {};
        }
        case kInterruptSourceOverride: {
            if (entry.size() < kOverrideLength) return os::Error::kMalformed;
            uint8_t bus = bytes[2];
            uint8_t source = bytes[3];
            if (bus != kIsaBus || source >= kIsaIrqCount) return os::Error::kInvalidArgument;
            uint16_t flags = read_field<uint16_t>(bytes, 8);
            out->isa[source] = {
                .gsi = read_field<uint32_t>(bytes, 4),
                .polarity = (flags & kPolarityMask) == kPolarityActiveLow ? Polarity::kActiveLow
                                                                          : Polarity::kActiveHigh,
                .trigger = ((flags >> kTriggerShift) & kTriggerMask) == kTriggerLevel
                               ? Trigger::kLevel
                               : Trigger::kEdge,
                .overridden = true,
            };
            return {};
        }
        case kLocalApicAddressOverride:
            if (entry.size() < kAddressOverrideLength) return os::Error::kMalformed;
            out->local_apic_address = read_field<uint64_t>(bytes, 4);
            return {};
        default:
            return {};  // NMI sources, GIC entries, ...: not needed here
    }
}

// Calls visit(entry) for each entry after the fixed part, `entry` holding
// exactly the bytes its length field claims, after checking that length
// against the table's end; stops at the first error visit() returns.
template <typename Visit>
os::ErrorOr<void> for_each_entry(os::Bytes madt, Visit&& visit) {
    if (madt.size() < kFixedPartLength) return os::Error::kMalformed;
    for (size_t offset = kFixedPartLength; offset < madt.size();) {
        size_t remaining = madt.size() - offset;
        if (remaining < 2) return os::Error::kMalformed;
        size_t length = madt.data()[offset + 1];
        if (length < 2 || length > remaining) return os::Error::kMalformed;
        if (auto result = visit(madt.slice(offset, length)); result.is_error()) {
            return result.error();
        }
        offset += length;
    }
    return {};
}

}  // namespace

os::ErrorOr<uint32_t> count_madt_processors(os::Bytes madt) {
    uint32_t count = 0;
    TRY(for_each_entry(madt, [&](os::Bytes entry) -> os::ErrorOr<void> {
        const unsigned char* bytes = entry.data();
        uint32_t flags;
        if (bytes[0] == kProcessorLocalApic) {
            if (entry.size() < kLocalApicLength) return os::Error::kMalformed;
            flags = read_field<uint32_t>(bytes, 4);
        } else if (bytes[0] == kProcessorLocalX2Apic) {
            if (entry.size() < kLocalX2ApicLength) return os::Error::kMalformed;
            flags = read_field<uint32_t>(bytes, 8);
        } else {
            return {};  // other entries are only bounds-checked here
        }
        if (is_usable(flags)) ++count;
        return {};
    }));
    return count;
}

os::ErrorOr<void> parse_interrupt_controllers(os::Bytes madt, InterruptControllers* out) {
    *out = InterruptControllers{};
    for (uint32_t irq = 0; irq < kIsaIrqCount; ++irq)
        out->isa[irq].gsi = irq;
    if (madt.size() < kFixedPartLength) return os::Error::kMalformed;
    out->local_apic_address = read_field<uint32_t>(madt.data(), kLocalApicAddressOffset);
    out->has_legacy_pics = read_field<uint32_t>(madt.data(), kFlagsOffset) & kPcatCompatible;

    // A 64-bit address override may come before or after anything else; it
    // wins wherever it is, because read_entry() overwrites the address.
    return for_each_entry(madt, [out](os::Bytes entry) { return read_entry(entry, out); });
}

GsiMode gsi_mode(const InterruptControllers& controllers, uint32_t gsi) {
    for (const IsaRoute& route : controllers.isa) {
        if (route.overridden && route.gsi == gsi) return {route.polarity, route.trigger};
    }
    if (gsi < kIsaIrqCount) return {Polarity::kActiveHigh, Trigger::kEdge};
    return {Polarity::kActiveLow, Trigger::kLevel};
}

uint32_t number_cpus(const InterruptControllers& controllers, uint32_t boot_apic_id,
                     uint32_t* apic_ids, uint32_t capacity) {
    if (capacity == 0) return 0;
    apic_ids[0] = boot_apic_id;
    uint32_t count = 1;
    for (uint32_t index = 0; index < controllers.processor_count && count < capacity; ++index) {
        uint32_t apic_id = controllers.processor_apic_ids[index];
        if (apic_id == boot_apic_id || apic_id > 0xfe) continue;
        apic_ids[count++] = apic_id;
    }
    return count;
}

}  // namespace hal::x86_64::acpi
