// hal::platform::console_serial_port on aarch64: the PL011 the device tree
// names (the one the console uses, see boot.cc) and its receive interrupt.
// Its `interrupts` entry is in the GIC binding (virt's UART is SPI 1,
// INTID 33; see read_gic_intid).
#include "hal/aarch64/boot_device_tree.h"
#include "hal/aarch64/interrupts/gic_discovery.h"
#include "hal/platform.h"
#include "kernel/lib/fdt/platform.h"

namespace hal::platform {

SerialPort console_serial_port() {
    SerialPort port;
    const os::fdt::DeviceTree& tree = aarch64::boot_device_tree();
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "arm,pl011");
    if (!uart.present) return port;
    port.kind = SerialKind::kPl011;
    port.physical_base = uart.base;
    port.size = uart.size;
    auto interrupts = os::fdt::find_compatible_interrupts(tree, "arm,pl011");
    if (interrupts.is_error()) return port;
    auto intid = aarch64::read_gic_intid(interrupts.value());
    if (!intid.is_error()) port.receive_line = intid.value();
    return port;
}

uint64_t physical_address_limit() {
    uint64_t features;
    asm("mrs %0, id_aa64mmfr0_el1" : "=r"(features));
    // PARange encodings 0..6: 32, 36, 40, 42, 44, 48, 52 bits; the kernel's
    // TCR_EL1.IPS stops at 48.
    static constexpr unsigned kBits[] = {32, 36, 40, 42, 44, 48, 48};
    unsigned range = features & 0xf;
    return uint64_t{1} << (range < 7 ? kBits[range] : 48);
}

}  // namespace hal::platform
