#include "hal/x86_64/interrupts/local_apic.h"

#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/interrupts/vectors.h"
#include "hal/x86_64/mmu/device_memory.h"
#include "kernel/debug/print.h"

namespace hal::x86_64::local_apic {
namespace {

// Register offsets (Intel SDM vol. 3, 11.4.1); each is 32 bits on a 16-byte
// boundary.
constexpr uint32_t kId = 0x20;
constexpr uint32_t kTaskPriority = 0x80;
constexpr uint32_t kEndOfInterrupt = 0xb0;
constexpr uint32_t kSpuriousInterrupt = 0xf0;
constexpr uint32_t kInService = 0x100;  // 8 registers, 32 vectors each
constexpr uint32_t kErrorStatus = 0x280;
constexpr uint32_t kCommandLow = 0x300;
constexpr uint32_t kCommandHigh = 0x310;
constexpr uint32_t kLvtTimer = 0x320;
constexpr uint32_t kLvtLint0 = 0x350;
constexpr uint32_t kLvtLint1 = 0x360;
constexpr uint32_t kLvtError = 0x370;
constexpr uint32_t kTimerInitialCount = 0x380;
constexpr uint32_t kTimerCurrentCount = 0x390;
constexpr uint32_t kTimerDivide = 0x3e0;
constexpr uint64_t kRegisterWindowSize = 0x1000;

constexpr uint32_t kMsrApicBase = 0x1b;
constexpr uint64_t kApicBaseX2ApicMode = 1 << 10;
constexpr uint64_t kApicBaseGlobalEnable = 1 << 11;
constexpr uint64_t kApicBaseAddressMask = 0x000ffffffffff000;

constexpr uint32_t kSoftwareEnable = 1 << 8;
constexpr uint32_t kLvtMasked = 1 << 16;
constexpr uint32_t kDeliveryModeNmi = 0x4 << 8;
constexpr uint32_t kTimerOneShot = 0 << 17;
constexpr uint32_t kTimerDivideBy1 = 0xb;
constexpr uint32_t kCommandDeliveryPending = 1 << 12;
constexpr uint32_t kCommandAssert = 1 << 14;  // fixed IPIs must set it on old APICs
constexpr uint32_t kCommandLevelTriggered = 1 << 15;
constexpr uint32_t kDeliveryModeInit = 0x5 << 8;
constexpr uint32_t kDeliveryModeStartup = 0x6 << 8;

volatile uint32_t* registers = nullptr;
uint64_t registers_physical = 0;

uint32_t read(uint32_t offset) {
    return registers[offset / 4];
}

void write(uint32_t offset, uint32_t value) {
    registers[offset / 4] = value;
}

}  // namespace

os::ErrorOr<void> initialize(uint64_t physical_address) {
    uint64_t apic_base = read_msr(kMsrApicBase);
    // Firmware that switched to x2APIC mode has turned the MMIO window off,
    // and leaving x2APIC mode takes a reset of the APIC: not supported.
    if (apic_base & kApicBaseX2ApicMode) {
        kernel::print("interrupts: the local APIC is in x2APIC mode; only xAPIC is supported\n");
        return os::Error::kUnsupported;
    }
    if ((apic_base & kApicBaseAddressMask) != physical_address) {
        kernel::print(
            "interrupts: the MADT puts the local APIC at 0x%llx, IA32_APIC_BASE at "
            "0x%llx; using the MADT's\n",
            static_cast<unsigned long long>(physical_address),
            static_cast<unsigned long long>(apic_base & kApicBaseAddressMask));
    }
    if (registers == nullptr) {
        auto mapped = map_device_registers(physical_address, kRegisterWindowSize);
        if (mapped.is_error()) return mapped.error();
        registers = static_cast<volatile uint32_t*>(mapped.value());
        registers_physical = physical_address;
    }
    write_msr(kMsrApicBase, apic_base | kApicBaseGlobalEnable);

    write(kLvtTimer, kLvtMasked);
    write(kLvtLint0, kLvtMasked);
    write(kLvtLint1, kDeliveryModeNmi);
    write(kLvtError, kLvtMasked);
    // The error status register must be written before it is read; clear it.
    write(kErrorStatus, 0);
    write(kErrorStatus, 0);
    write(kTaskPriority, 0);
    write(kSpuriousInterrupt, kSoftwareEnable | kSpuriousVector);
    // Anything a previous owner (firmware, a loader) left in service.
    write(kEndOfInterrupt, 0);
    return {};
}

bool initialized() {
    return registers != nullptr;
}

os::ErrorOr<void> initialize_this_cpu() {
    if (registers == nullptr) return os::Error::kUnsupported;
    return initialize(registers_physical);
}

uint32_t id() {
    return read(kId) >> 24;
}

void end_of_interrupt() {
    write(kEndOfInterrupt, 0);
}

uint32_t in_service_vector() {
    for (int index = 7; index >= 0; --index) {
        uint32_t bits = read(kInService + 0x10 * index);
        if (bits != 0) return index * 32 + 31 - __builtin_clz(bits);
    }
    return 0;
}

void send_fixed_ipi(uint32_t apic_id, uint32_t vector) {
    while (read(kCommandLow) & kCommandDeliveryPending)
        asm volatile("pause");
    write(kCommandHigh, apic_id << 24);
    // Writing the low half sends it.
    write(kCommandLow, kCommandAssert | vector);
}

namespace {

// Bounded: the bring-up must not hang on an APIC that never finishes
// sending; the CPU then simply does not show up and is reported.
constexpr int kDeliveryPolls = 1000000;

void wait_until_sent() {
    for (int poll = 0; poll < kDeliveryPolls && (read(kCommandLow) & kCommandDeliveryPending);
         ++poll) {
        asm volatile("pause");
    }
}

void send_command(uint32_t apic_id, uint32_t command) {
    wait_until_sent();
    write(kErrorStatus, 0);
    write(kCommandHigh, apic_id << 24);
    write(kCommandLow, command);
    wait_until_sent();
}

}  // namespace

void send_init_ipi(uint32_t apic_id) {
    send_command(apic_id, kDeliveryModeInit | kCommandLevelTriggered | kCommandAssert);
}

void send_startup_ipi(uint32_t apic_id, uint8_t page_number) {
    send_command(apic_id, kDeliveryModeStartup | kCommandAssert | page_number);
}

void configure_timer(uint32_t vector, bool masked) {
    write(kTimerDivide, kTimerDivideBy1);
    write(kTimerInitialCount, 0);
    write(kLvtTimer, kTimerOneShot | vector | (masked ? kLvtMasked : 0));
}

void start_timer(uint32_t initial_count) {
    write(kTimerInitialCount, initial_count);
}

uint32_t timer_current_count() {
    return read(kTimerCurrentCount);
}

}  // namespace hal::x86_64::local_apic
