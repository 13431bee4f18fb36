// From the multiboot information to the generic kernel's BootInfo.
#pragma once

#include <stdint.h>

#include "hal/boot_info.h"
#include "hal/x86_64/boot/multiboot.h"
#include "kernel/lib/memory_map.h"

namespace hal::x86_64 {

// Fills boot_protocol, command_line, memory_map and boot_archive from the
// multiboot information at physical `info_address`, then reserves in the
// memory map what is still in use: the kernel image (kKernel), the boot
// archive (kBootArchive) and the loader's structures and strings
// (kFirmwareData). Missing or damaged parts are reported on the console and
// left empty; none of them stops the boot.
void read_multiboot_info(uint32_t info_address, BootInfo& boot_info);

// Adds the loader's memory map to `map` or, if it passed none, the memory
// it reported below and above 1 MiB. Reports malformed records.
void add_firmware_memory_map(const multiboot::Info& info, os::MemoryMap& map);

}  // namespace hal::x86_64
