#include "hal/x86_64/interrupts/io_apic.h"

#include "hal/x86_64/mmu/device_memory.h"

namespace hal::x86_64 {
namespace {

// Two 32-bit windows: write a register index to IOREGSEL, then access it
// through IOWIN (82093AA datasheet, 3.0).
constexpr uint32_t kSelectWord = 0x00 / 4;
constexpr uint32_t kWindowWord = 0x10 / 4;
constexpr uint64_t kRegisterWindowSize = 0x20;

constexpr uint32_t kVersionRegister = 0x01;
constexpr uint32_t kRedirectionTable = 0x10;  // two registers per input: low, high

// Redirection entry, low half. Delivery mode 000 (fixed) and destination
// mode 0 (physical APIC ID) are the zero bits.
constexpr uint32_t kActiveLow = 1 << 13;
constexpr uint32_t kLevelTriggered = 1 << 15;
constexpr uint32_t kMasked = 1 << 16;
constexpr uint32_t kDestinationShift = 24;  // in the high half

uint32_t low_register(uint32_t input) {
    return kRedirectionTable + 2 * input;
}

}  // namespace

os::ErrorOr<void> IoApic::initialize(const acpi::IoApicEntry& entry) {
    auto mapped = map_device_registers(entry.address, kRegisterWindowSize);
    if (mapped.is_error()) return mapped.error();
    registers_ = static_cast<volatile uint32_t*>(mapped.value());
    gsi_base_ = entry.gsi_base;
    input_count_ = ((read(kVersionRegister) >> 16) & 0xff) + 1;
    for (uint32_t input = 0; input < input_count_; ++input) {
        write(low_register(input), kMasked);
        write(low_register(input) + 1, 0);
    }
    return {};
}

void IoApic::program(uint32_t gsi, uint32_t vector, acpi::GsiMode mode, uint32_t destination,
                     bool masked) {
    uint32_t input = gsi - gsi_base_;
    uint32_t low = vector;
    if (mode.polarity == acpi::Polarity::kActiveLow) low |= kActiveLow;
    if (mode.trigger == acpi::Trigger::kLevel) low |= kLevelTriggered;
    if (masked) low |= kMasked;
    // Masked while the halves disagree, so no message uses half an update.
    write(low_register(input), kMasked);
    write(low_register(input) + 1, destination << kDestinationShift);
    write(low_register(input), low);
}

void IoApic::set_masked(uint32_t gsi, bool masked) {
    uint32_t input = gsi - gsi_base_;
    uint32_t low = read(low_register(input));
    write(low_register(input), masked ? (low | kMasked) : (low & ~kMasked));
}

void IoApic::set_destination(uint32_t gsi, uint32_t destination) {
    uint32_t input = gsi - gsi_base_;
    write(low_register(input) + 1, destination << kDestinationShift);
}

uint32_t IoApic::read(uint32_t index) {
    registers_[kSelectWord] = index;
    return registers_[kWindowWord];
}

void IoApic::write(uint32_t index, uint32_t value) {
    registers_[kSelectWord] = index;
    registers_[kWindowWord] = value;
}

}  // namespace hal::x86_64
