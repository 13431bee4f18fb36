// hal/io_ports.h for architectures without an I/O port space (aarch64,
// riscv64: every device register is memory, reached with
// memory_create_device). io_port_create / io_port_enable answer
// kUnsupported there.
#include "hal/io_ports.h"

namespace hal::io_ports {

bool supported() {
    return false;
}

const Range* kernel_ranges(size_t* count) {
    *count = 0;
    return nullptr;
}

void attach(context::ThreadContext&, const PortAccess*) {}

void refresh() {}

}  // namespace hal::io_ports
