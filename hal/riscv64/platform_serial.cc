// hal::platform::console_serial_port on riscv64: the ns16550a the device
// tree names (the console's, see boot.cc) and its PLIC source, the single
// cell of its `interrupts` (10 on QEMU's virt board).
#include "hal/platform.h"
#include "hal/riscv64/boot_platform.h"
#include "kernel/lib/fdt/platform.h"

namespace hal::platform {

SerialPort console_serial_port() {
    SerialPort port;
    const os::fdt::DeviceTree& tree = riscv64::boot_device_tree();
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "ns16550a");
    if (!uart.present) return port;
    port.kind = SerialKind::kMmio16550;
    port.physical_base = uart.base;
    port.size = uart.size;
    auto interrupts = os::fdt::find_compatible_interrupts(tree, "ns16550a");
    if (interrupts.is_error()) return port;
    auto source = interrupts.value().read(1);
    if (!source.is_error()) port.receive_line = static_cast<irq::Line>(source.value());
    return port;
}

uint64_t physical_address_limit() {
    // Sv39/Sv48 entries hold 44-bit page numbers: 56-bit physical
    // addresses. (Accesses to nothing there are access faults, which the
    // trap code reports like any other user fault.)
    return uint64_t{1} << 56;
}

}  // namespace hal::platform
