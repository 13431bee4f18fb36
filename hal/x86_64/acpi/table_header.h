// The layout every ACPI system description table starts with (ACPI 6.5,
// 5.2.6), and a safe way to read the fields after it.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::x86_64::acpi {

struct [[gnu::packed]] TableHeader {
    char signature[4];
    uint32_t length;  // of the whole table, header included
    uint8_t revision;
    uint8_t checksum;  // makes the bytes of the table sum to 0 (mod 256)
    char oem_id[6];
    char oem_table_id[8];
    uint32_t oem_revision;
    uint32_t creator_id;
    uint32_t creator_revision;
};
static_assert(sizeof(TableHeader) == 36);

// Reads a field at `offset` bytes into a table. Table fields are often
// unaligned (ACPI packs them), so never through a cast pointer.
template <typename T>
T read_field(const void* table, size_t offset) {
    T value;
    __builtin_memcpy(&value, static_cast<const uint8_t*>(table) + offset, sizeof(value));
    return value;
}

}  // namespace hal::x86_64::acpi
