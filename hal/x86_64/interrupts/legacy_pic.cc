#include "hal/x86_64/interrupts/legacy_pic.h"

#include "hal/x86_64/cpu/port_io.h"

namespace hal::x86_64::legacy_pic {
namespace {

constexpr uint16_t kPrimaryCommand = 0x20;
constexpr uint16_t kPrimaryData = 0x21;
constexpr uint16_t kSecondaryCommand = 0xa0;
constexpr uint16_t kSecondaryData = 0xa1;

// ICW1: initialization, ICW4 follows; cascade mode, edge triggered.
constexpr uint8_t kInitialize = 0x11;
// ICW3: the secondary hangs off the primary's input 2.
constexpr uint8_t kPrimaryCascadeInputs = 1 << 2;
constexpr uint8_t kSecondaryCascadeIdentity = 2;
// ICW4: 8086 mode.
constexpr uint8_t kMode8086 = 0x01;
constexpr uint8_t kMaskAll = 0xff;

void write(uint16_t port, uint8_t value) {
    write_port_u8(port, value);
    io_delay();  // old PICs need time between initialization words
}

}  // namespace

void remap_and_mask(uint8_t first_vector) {
    write(kPrimaryCommand, kInitialize);
    write(kSecondaryCommand, kInitialize);
    write(kPrimaryData, first_vector);  // ICW2: vector base of IRQ 0-7
    write(kSecondaryData, static_cast<uint8_t>(first_vector + 8));
    write(kPrimaryData, kPrimaryCascadeInputs);
    write(kSecondaryData, kSecondaryCascadeIdentity);
    write(kPrimaryData, kMode8086);
    write(kSecondaryData, kMode8086);
    write(kPrimaryData, kMaskAll);
    write(kSecondaryData, kMaskAll);
}

}  // namespace hal::x86_64::legacy_pic
