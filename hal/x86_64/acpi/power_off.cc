// hal::power_off on x86_64: the ACPI soft-off (S5) transition (ACPI 6.5,
// 16.1.7): write SLP_TYP | SLP_EN into the PM1a (and, if present, PM1b)
// control register, with the SLP_TYP values of the DSDT's \_S5_ object.
#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "hal/x86_64/acpi/soft_off_sleep_type.h"
#include "hal/x86_64/acpi/tables.h"
#include "hal/x86_64/cpu/io_ports.h"
#include "hal/x86_64/cpu/port_io.h"
#include "kernel/debug/print.h"

namespace hal::x86_64::acpi {
namespace {

// Generic Address Structure (5.2.3.2).
struct [[gnu::packed]] GenericAddress {
    uint8_t address_space;  // 1 = system I/O
    uint8_t bit_width;
    uint8_t bit_offset;
    uint8_t access_size;
    uint64_t address;
};

// The Fixed ACPI Description Table (5.2.9), up to the fields used here.
// ACPI 1.0 tables end at offset 116: read any later field only if
// has_field() says the table is long enough to hold it.
struct [[gnu::packed]] Fadt {
    TableHeader header;
    uint32_t firmware_control;
    uint32_t dsdt;
    uint8_t reserved0;
    uint8_t preferred_pm_profile;
    uint16_t sci_interrupt;
    uint32_t smi_command;  // I/O port for ACPI_ENABLE; 0 if always in ACPI mode
    uint8_t acpi_enable;
    uint8_t acpi_disable;
    uint8_t s4bios_request;
    uint8_t pstate_control;
    uint32_t pm1a_event_block;
    uint32_t pm1b_event_block;
    uint32_t pm1a_control_block;  // I/O port
    uint32_t pm1b_control_block;  // I/O port, 0 if there is no PM1b
    uint8_t unused0[132 - 72];    // PM2, timer, GPE, flags, reset register
    uint64_t x_firmware_control;
    uint64_t x_dsdt;  // ACPI 2.0+: supersedes dsdt if non-zero
    GenericAddress x_pm1a_event_block;
    GenericAddress x_pm1b_event_block;
    GenericAddress x_pm1a_control_block;  // ACPI 2.0+: used if pm1a_control_block is 0
    GenericAddress x_pm1b_control_block;
};
static_assert(offsetof(Fadt, x_dsdt) == 140);
static_assert(offsetof(Fadt, x_pm1a_control_block) == 172);

constexpr uint8_t kSystemIoSpace = 1;
constexpr uint64_t kMaxIoPort = 0xffff;

// PM1 control register bits (4.8.4.2.1).
constexpr uint16_t kSciEnable = 1 << 0;  // set once the OS owns ACPI
constexpr int kSleepTypeShift = 10;
constexpr uint16_t kSleepTypeMask = 7 << kSleepTypeShift;
constexpr uint16_t kSleepEnable = 1 << 13;

// Bounds, in io_delay()s of about 1 us: how long firmware may take to hand
// over ACPI mode, and how long the platform may take to cut power.
constexpr int kAcpiEnableDelays = 300000;
constexpr int kPowerOffDelays = 1000000;

bool has_field(const Fadt& fadt, size_t offset, size_t size) {
    return fadt.header.length >= offset + size;
}

uint64_t dsdt_address(const Fadt& fadt) {
    if (has_field(fadt, offsetof(Fadt, x_dsdt), sizeof(fadt.x_dsdt)) && fadt.x_dsdt != 0) {
        return fadt.x_dsdt;
    }
    return fadt.dsdt;
}

// A PM1 control block's I/O port, 0 if the FADT describes none. The 32-bit
// field is authoritative when set; otherwise the extended field counts if
// it is in I/O space (PCs have no memory-mapped PM1 blocks).
uint16_t pm1_control_port(const Fadt& fadt, uint32_t port, const GenericAddress& extended,
                          size_t extended_offset) {
    uint64_t address = port;
    if (address == 0 && has_field(fadt, extended_offset, sizeof(GenericAddress)) &&
        extended.address_space == kSystemIoSpace) {
        address = extended.address;
    }
    if (address > kMaxIoPort) {
        kernel::print("acpi: PM1 control block 0x%llx is not an I/O port; ignored\n",
                      static_cast<unsigned long long>(address));
        return 0;
    }
    return static_cast<uint16_t>(address);
}

// Firmware that starts in legacy mode ignores SLP_EN until the OS takes
// ACPI over by writing ACPI_ENABLE to SMI_CMD (16.3.1); then SCI_EN is set.
void enable_acpi_mode(const Fadt& fadt, uint16_t pm1a_port) {
    if (read_port_u16(pm1a_port) & kSciEnable) return;
    if (fadt.smi_command == 0 || fadt.smi_command > kMaxIoPort || fadt.acpi_enable == 0) return;
    write_port_u8(static_cast<uint16_t>(fadt.smi_command), fadt.acpi_enable);
    for (int delay = 0; delay < kAcpiEnableDelays; ++delay) {
        if (read_port_u16(pm1a_port) & kSciEnable) return;
        io_delay();
    }
    kernel::print("acpi: firmware did not enter ACPI mode; trying to power off anyway\n");
}

void write_sleep_type(uint16_t port, uint8_t sleep_type, uint16_t extra_bits) {
    uint16_t value = read_port_u16(port) & ~kSleepTypeMask;
    write_port_u16(port, value | (sleep_type << kSleepTypeShift) | extra_bits);
}

// Requests S5; returns false, having said why, if the tables do not allow it.
bool request_soft_off() {
    const auto* fadt = reinterpret_cast<const Fadt*>(find_table("FACP"));
    if (fadt == nullptr) {
        kernel::print("acpi: no valid FADT\n");
        return false;
    }
    if (!has_field(*fadt, offsetof(Fadt, pm1b_control_block), sizeof(fadt->pm1b_control_block))) {
        kernel::print("acpi: the FADT is too short for the PM1 control blocks\n");
        return false;
    }
    uint16_t pm1a_port =
        pm1_control_port(*fadt, fadt->pm1a_control_block, fadt->x_pm1a_control_block,
                         offsetof(Fadt, x_pm1a_control_block));
    uint16_t pm1b_port =
        pm1_control_port(*fadt, fadt->pm1b_control_block, fadt->x_pm1b_control_block,
                         offsetof(Fadt, x_pm1b_control_block));
    if (pm1a_port == 0) {
        kernel::print("acpi: the FADT has no PM1a control block\n");
        return false;
    }

    const TableHeader* dsdt = map_table(dsdt_address(*fadt), "DSDT");
    if (dsdt == nullptr) return false;
    os::Bytes aml(reinterpret_cast<const unsigned char*>(dsdt) + sizeof(TableHeader),
                  dsdt->length - sizeof(TableHeader));
    auto sleep_type = find_soft_off_sleep_type(aml);
    if (sleep_type.is_error()) {
        kernel::print("acpi: no usable \\_S5_ object in the DSDT (%s)\n",
                      os::to_string(sleep_type.error()));
        return false;
    }

    enable_acpi_mode(*fadt, pm1a_port);
    // SLP_TYP alone first, then with SLP_EN, to both blocks: ACPICA splits
    // the write this way to cope with hardware that mishandles a single one.
    write_sleep_type(pm1a_port, sleep_type.value().pm1a, 0);
    if (pm1b_port != 0) write_sleep_type(pm1b_port, sleep_type.value().pm1b, 0);
    write_sleep_type(pm1a_port, sleep_type.value().pm1a, kSleepEnable);
    if (pm1b_port != 0) write_sleep_type(pm1b_port, sleep_type.value().pm1b, kSleepEnable);
    return true;
}

}  // namespace

size_t power_management_ports(io_ports::Range* ranges, size_t capacity) {
    const auto* fadt = reinterpret_cast<const Fadt*>(find_table("FACP"));
    constexpr size_t kPm1LengthsOffset = 88;  // PM1_EVT_LEN, PM1_CNT_LEN
    if (fadt == nullptr || !has_field(*fadt, kPm1LengthsOffset, 2)) return 0;
    // Both lengths lie in unused0, which starts at offset 72.
    const uint8_t event_length = fadt->unused0[kPm1LengthsOffset - 72];
    const uint8_t control_length = fadt->unused0[kPm1LengthsOffset + 1 - 72];
    const struct {
        uint32_t port;
        uint32_t length;
    } blocks[] = {
        {fadt->smi_command, 1},
        {fadt->pm1a_event_block, event_length},
        {fadt->pm1b_event_block, event_length},
        {pm1_control_port(*fadt, fadt->pm1a_control_block, fadt->x_pm1a_control_block,
                          offsetof(Fadt, x_pm1a_control_block)),
         control_length},
        {pm1_control_port(*fadt, fadt->pm1b_control_block, fadt->x_pm1b_control_block,
                          offsetof(Fadt, x_pm1b_control_block)),
         control_length},
    };
    size_t count = 0;
    for (const auto& block : blocks) {
        if (block.port == 0 || block.port > kMaxIoPort || count == capacity) continue;
        uint32_t length = block.length == 0 ? 1 : block.length;
        if (block.port + length > kMaxIoPort + 1) length = kMaxIoPort + 1 - block.port;
        ranges[count++] = {block.port, length};
    }
    return count;
}

}  // namespace hal::x86_64::acpi

namespace hal {

void power_off() {
    if (x86_64::acpi::request_soft_off()) {
        // Power goes off asynchronously; allow time before concluding it did not.
        for (int delay = 0; delay < x86_64::acpi::kPowerOffDelays; ++delay)
            x86_64::io_delay();
        kernel::print("acpi: still running after the S5 request\n");
    }
    kernel::print("power off: not possible; halting instead\n");
    halt();
}

}  // namespace hal
