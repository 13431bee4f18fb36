// The switch's half of hal/io_ports.h (cpu/io_ports.cc).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "hal/io_ports.h"

namespace hal::io_ports {

// What CPU `cpu`'s bitmap has open (cpu/io_ports.cc): the PortAccess and
// generation it applied and a copy of their ranges.
struct alignas(64) Loaded {
    const PortAccess* access = nullptr;
    uint64_t generation = 0;
    uint32_t range_count = 0;
    Range ranges[kMaxRanges] = {};
};
extern Loaded loaded[kMaxCpus];

}  // namespace hal::io_ports

namespace hal::x86_64 {

// apply_io_ports()'s work: closes what CPU `cpu` has open, opens `access`'s.
void load_io_ports(uint32_t cpu, const io_ports::PortAccess* access);

// Opens exactly `access`'s ports (nullptr: none) in CPU `cpu`'s I/O
// permission bitmap; nothing to do if they are open already. The executing
// CPU's own, interrupts masked. Inline: it runs on every switch into a user
// thread, and its common case (a process that never enabled a port, and
// nothing open) is two loads.
inline void apply_io_ports(uint32_t cpu, const io_ports::PortAccess* access) {
    const io_ports::Loaded& state = io_ports::loaded[cpu];
    uint64_t generation =
        access == nullptr ? 0 : __atomic_load_n(&access->generation, __ATOMIC_ACQUIRE);
    if (generation == 0) {
        if (state.range_count == 0) return;
    } else if (state.access == access && state.generation == generation) {
        return;
    }
    load_io_ports(cpu, access);
}

}  // namespace hal::x86_64

namespace hal::x86_64::acpi {

// The ACPI power-management I/O ports the kernel uses (acpi/power_off.cc):
// the SMI command port and the PM1a/PM1b event and control blocks, from
// the FADT. Writes up to `capacity` ranges and returns how many.
size_t power_management_ports(io_ports::Range* ranges, size_t capacity);

}  // namespace hal::x86_64::acpi
