// Reading the Multiple APIC Description Table (ACPI 6.5, 5.2.12): the local
// APIC address, the I/O APICs with the global system interrupts (GSIs) they
// serve, how ISA IRQs map to GSIs, the APIC IDs of the processors, and how
// many processors there are (both parsers share one bounds-checked walk).
// Pure parsing of the table's bytes, so host tests can feed it any table.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace hal::x86_64::acpi {

struct IoApicEntry {
    uint8_t id = 0;
    uint64_t address = 0;   // physical address of its register window
    uint32_t gsi_base = 0;  // its input 0 is this GSI
};

enum class Polarity : uint8_t { kActiveHigh, kActiveLow };
enum class Trigger : uint8_t { kEdge, kLevel };

// Where an ISA IRQ (0-15) arrives: without an override, on the GSI of the
// same number, edge-triggered and active high (the ISA bus's convention).
struct IsaRoute {
    uint32_t gsi = 0;
    Polarity polarity = Polarity::kActiveHigh;
    Trigger trigger = Trigger::kEdge;
    bool overridden = false;  // an interrupt source override said so
};

inline constexpr uint32_t kMaxIoApics = 8;
inline constexpr uint32_t kIsaIrqCount = 16;
inline constexpr uint32_t kMaxMadtProcessors = 256;

struct InterruptControllers {
    uint64_t local_apic_address = 0;  // the 64-bit override (type 5) if present
    bool has_legacy_pics = false;     // PCAT_COMPAT: 8259s are present (and must be masked)
    IoApicEntry io_apics[kMaxIoApics];
    uint32_t io_apic_count = 0;
    IsaRoute isa[kIsaIrqCount];
    // APIC IDs of the enabled or online-capable processors, in table order.
    uint32_t processor_apic_ids[kMaxMadtProcessors];
    uint32_t processor_count = 0;
};

// Counts the processor local APIC and local x2APIC entries of `madt` (the
// whole table, header included) that are enabled or online-capable, however
// many. Every entry is checked against the table's bounds first: kMalformed
// if the table is shorter than its fixed part, an entry's length is
// impossible, or a processor entry is too short for its fields.
os::ErrorOr<uint32_t> count_madt_processors(os::Bytes madt);

// Fills `out` from `madt` (the whole table, header included). kMalformed
// for a table shorter than its fixed part, an impossible entry length, or an
// entry of a kind read here that is too short for its fields; kNoSpace for
// more I/O APICs or processors than the arrays hold; kInvalidArgument for an
// override of a source IRQ above 15 or not on the ISA bus.
os::ErrorOr<void> parse_interrupt_controllers(os::Bytes madt, InterruptControllers* out);

// The CPU indices (hal::current_cpu_index()) of `controllers`' processors,
// as the local APIC code numbers them (interrupts/apic_controller.cc's
// build_cpu_table() follows the same rule): index 0 is the boot CPU
// (`boot_apic_id`), then the other processors in table order, skipping APIC
// IDs above 0xfe (xAPIC mode addresses 8-bit IDs only). Writes the APIC ID of
// each index to `apic_ids` (up to `capacity`) and returns how many there are.
uint32_t number_cpus(const InterruptControllers& controllers, uint32_t boot_apic_id,
                     uint32_t* apic_ids, uint32_t capacity);

// The ISA route's polarity and trigger also apply to its GSI; every other
// GSI below 16 without an ISA IRQ aimed at it is ISA-style too, and GSIs from
// 16 up (PCI) are level-triggered, active low. What a GSI should be
// programmed as:
struct GsiMode {
    Polarity polarity;
    Trigger trigger;
};
GsiMode gsi_mode(const InterruptControllers& controllers, uint32_t gsi);

}  // namespace hal::x86_64::acpi
