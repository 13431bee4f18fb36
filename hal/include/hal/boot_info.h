// What the architecture's boot code hands to the generic kernel.
//
// Each hal/<arch> starts in its own assembly entry point, sets up a stack, an
// exception vector and the early console, reads the firmware's description of
// the machine (multiboot + ACPI on x86_64, the device tree elsewhere), fills
// a BootInfo and calls kernel::main(). Everything the generic kernel knows
// about the machine at boot arrives through this struct.
#pragma once

#include <stdint.h>

#include "kernel/lib/memory_map.h"
#include "kernel/lib/span.h"

namespace hal {

struct BootInfo {
    const char* architecture = "";  // "x86_64", "aarch64", "riscv64"
    const char* boot_protocol = "";  // how we were loaded, e.g. "multiboot (GRUB 2.06)"
    const char* command_line = "";   // never null; empty if the loader gave none
    uint32_t cpu_count = 0;          // CPUs the firmware describes (enabled ones)

    // Physical memory as reported by firmware, with the kernel image, boot
    // archive and firmware data the HAL found already marked as reserved.
    os::MemoryMap memory_map;

    // The boot archive (cpio "newc") as mapped in the kernel's address space;
    // empty if the loader passed none.
    os::Bytes boot_archive;
};

}  // namespace hal

namespace kernel {

// The generic kernel's entry point, called once by the boot CPU.
[[noreturn]] void main(const hal::BootInfo& boot_info);

}  // namespace kernel
