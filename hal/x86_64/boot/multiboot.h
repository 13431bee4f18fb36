// The multiboot 1 information structure, as the boot loader leaves it in
// memory (Multiboot Specification 0.6.96, section 3.3). Every address in it
// is a 32-bit physical address; read them through direct_map().
#pragma once

#include <stdint.h>

namespace hal::x86_64::multiboot {

// eax on entry when a multiboot loader started the kernel.
inline constexpr uint32_t kLoaderMagic = 0x2badb002;

// Info::flags: which of the fields below the loader filled in.
inline constexpr uint32_t kHasMemoryBounds = 1 << 0;  // mem_lower, mem_upper
inline constexpr uint32_t kHasCommandLine = 1 << 2;   // command_line
inline constexpr uint32_t kHasModules = 1 << 3;       // module_count, modules
inline constexpr uint32_t kHasMemoryMap = 1 << 6;     // memory_map_length, memory_map
inline constexpr uint32_t kHasLoaderName = 1 << 9;    // boot_loader_name

// The fields up to boot_loader_name; later ones (APM, VBE, framebuffer) are
// neither read nor required to exist.
struct Info {
    uint32_t flags;
    uint32_t mem_lower;  // KiB of memory from 0
    uint32_t mem_upper;  // KiB of memory from 1 MiB up to the first hole
    uint32_t boot_device;
    uint32_t command_line;  // NUL-terminated
    uint32_t module_count;
    uint32_t modules;  // array of Module
    uint32_t symbols[4];
    uint32_t memory_map_length;  // bytes
    uint32_t memory_map;         // MemoryMapEntry records
    uint32_t drives_length;
    uint32_t drives;
    uint32_t config_table;
    uint32_t boot_loader_name;  // NUL-terminated
};
static_assert(sizeof(Info) == 68);

struct Module {
    uint32_t start;   // first byte
    uint32_t end;     // one past the last byte
    uint32_t string;  // NUL-terminated, loader-defined
    uint32_t reserved;
};
static_assert(sizeof(Module) == 16);

// One memory map record: the BIOS E820 entry prefixed by its size. `size`
// counts the bytes after itself and may exceed 20 in later loaders, so the
// next record starts at (this record + 4 + size), not at sizeof.
struct [[gnu::packed]] MemoryMapEntry {
    uint32_t size;
    uint64_t base;
    uint64_t length;
    uint32_t type;  // E820 type
};
static_assert(sizeof(MemoryMapEntry) == 24);

// The E820 types (ACPI specification, "Address Range Types").
inline constexpr uint32_t kE820Usable = 1;
inline constexpr uint32_t kE820AcpiReclaimable = 3;
inline constexpr uint32_t kE820AcpiNvs = 4;
inline constexpr uint32_t kE820Defective = 5;

}  // namespace hal::x86_64::multiboot
