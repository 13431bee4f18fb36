#include <stddef.h>
#include <stdint.h>

#include "hal/x86_64/boot/multiboot_info.h"
#include "hal/x86_64/memory_layout.h"
#include "kernel/debug/print.h"

namespace hal::x86_64 {
namespace {

using multiboot::MemoryMapEntry;

constexpr uint64_t kKiB = 1024;
constexpr uint64_t kOneMiB = 1024 * kKiB;

// E820 types beyond the ones named here (2 "reserved", 7 "persistent
// memory", vendor types) are never safe to hand out: they count as reserved.
os::MemoryKind memory_kind(uint32_t e820_type) {
    switch (e820_type) {
        case multiboot::kE820Usable:
            return os::MemoryKind::kUsable;
        case multiboot::kE820AcpiReclaimable:
            return os::MemoryKind::kAcpiReclaimable;
        case multiboot::kE820AcpiNvs:
            return os::MemoryKind::kAcpiNvs;
        case multiboot::kE820Defective:
            return os::MemoryKind::kDefective;
        default:
            return os::MemoryKind::kReserved;
    }
}

void add_range(os::MemoryMap& map, uint64_t base, uint64_t size, os::MemoryKind kind) {
    auto result = map.add({.base = base, .size = size, .kind = kind});
    if (result.is_error()) {
        kernel::print("multiboot: memory range base 0x%llx size 0x%llx (%s) not added: %s\n",
                      static_cast<unsigned long long>(base), static_cast<unsigned long long>(size),
                      os::to_string(kind), os::to_string(result.error()));
    }
}

// Adds the E820 records of the loader's memory map; returns how many.
// Stops at the first record that does not fit in the buffer the loader
// described: what follows it cannot be located reliably.
size_t add_e820_records(const multiboot::Info& info, os::MemoryMap& map) {
    const auto* records =
        static_cast<const uint8_t*>(direct_map(info.memory_map, info.memory_map_length));
    if (records == nullptr) {
        kernel::print("multiboot: memory map at 0x%x (%u bytes) is out of reach\n", info.memory_map,
                      info.memory_map_length);
        return 0;
    }
    size_t added = 0;
    size_t offset = 0;
    while (offset < info.memory_map_length) {
        size_t remaining = info.memory_map_length - offset;
        const auto* entry = reinterpret_cast<const MemoryMapEntry*>(records + offset);
        // entry->size counts the bytes after the size field itself.
        if (remaining < sizeof(MemoryMapEntry) || entry->size < sizeof(MemoryMapEntry) - 4 ||
            entry->size > remaining - 4) {
            kernel::print(
                "multiboot: memory map record at offset %zu is malformed; ignoring the rest\n",
                offset);
            break;
        }
        if (entry->length != 0) {
            add_range(map, entry->base, entry->length, memory_kind(entry->type));
            ++added;
        }
        offset += 4 + entry->size;
    }
    return added;
}

}  // namespace

void add_firmware_memory_map(const multiboot::Info& info, os::MemoryMap& map) {
    if ((info.flags & multiboot::kHasMemoryMap) && add_e820_records(info, map) > 0) return;

    if (info.flags & multiboot::kHasMemoryBounds) {
        // Only "memory from 0" and "memory from 1 MiB to the first hole":
        // anything above that hole goes unused, but nothing is misreported.
        kernel::print("multiboot: no memory map; using the lower/upper memory sizes instead\n");
        if (info.mem_lower != 0) add_range(map, 0, info.mem_lower * kKiB, os::MemoryKind::kUsable);
        if (info.mem_upper != 0) {
            add_range(map, kOneMiB, info.mem_upper * kKiB, os::MemoryKind::kUsable);
        }
        return;
    }
    kernel::print("multiboot: the boot loader passed no memory information\n");
}

}  // namespace hal::x86_64
