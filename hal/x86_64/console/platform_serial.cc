// hal::platform::console_serial_port on x86_64: COM1, ISA IRQ 4, which the
// I/O APIC sees as global system interrupt 4 on QEMU's q35/pc (no MADT
// interrupt source override moves IRQ 4).
#include "hal/platform.h"
#include "hal/x86_64/cpu/instructions.h"

namespace hal::platform {

SerialPort console_serial_port() {
    SerialPort port;
    port.kind = SerialKind::kPortIo16550;
    port.physical_base = 0;  // port I/O at 0x3f8: nothing to map
    port.size = 8;
    port.receive_line = 4;
    return port;
}

uint64_t physical_address_limit() {
    // CPUID 0x80000008 EAX[7:0]; CPUs without the leaf have 36 bits.
    unsigned bits = 36;
    if (x86_64::cpuid(0x80000000).eax >= 0x80000008) bits = x86_64::cpuid(0x80000008).eax & 0xff;
    if (bits < 32 || bits > 52) bits = 36;
    return uint64_t{1} << bits;
}

}  // namespace hal::platform
