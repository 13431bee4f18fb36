#include "hal/x86_64/acpi/tables.h"

#include "hal/x86_64/memory_layout.h"
#include "kernel/debug/print.h"

namespace hal::x86_64::acpi {
namespace {

// The Root System Description Pointer (5.2.5.3). ACPI 1.0 (revision 0) has
// only the first 20 bytes; revision 2 adds the XSDT and an extended checksum.
struct [[gnu::packed]] Rsdp {
    char signature[8];  // "RSD PTR "
    uint8_t checksum;   // over the first 20 bytes
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt_address;
    uint32_t length;  // of the whole structure
    uint64_t xsdt_address;
    uint8_t extended_checksum;  // over `length` bytes
    uint8_t reserved[3];
};
static_assert(sizeof(Rsdp) == 36);
constexpr size_t kRsdpRevision0Size = 20;
constexpr size_t kRsdpMaxLength = 4096;

// Where BIOS firmware places the RSDP, on a 16-byte boundary (5.2.5.1): in
// the first KiB of the EBDA, whose segment the BIOS data area holds at
// 0x40e, or in the BIOS ROM area 0xe0000-0xfffff.
constexpr uint64_t kEbdaSegmentAddress = 0x40e;
constexpr uint64_t kEbdaSearchLength = 1024;
constexpr uint64_t kEbdaLowest = 0x80000;  // the EBDA sits just below 640 KiB
constexpr uint64_t kEbdaEnd = 0xa0000;
constexpr uint64_t kBiosAreaStart = 0xe0000;
constexpr uint64_t kBiosAreaEnd = 0x100000;
constexpr uint64_t kRsdpAlignment = 16;

// Real tables stay far below this; a larger length is a corrupt header.
constexpr uint32_t kMaxTableLength = 16 * 1024 * 1024;

// The root table: the XSDT (64-bit entries) or the RSDT (32-bit entries),
// each entry the physical address of another table.
struct RootTable {
    const TableHeader* header = nullptr;
    size_t entry_size = 0;

    size_t entry_count() const { return (header->length - sizeof(TableHeader)) / entry_size; }
    uint64_t entry(size_t index) const {
        size_t offset = sizeof(TableHeader) + index * entry_size;
        return entry_size == 8 ? read_field<uint64_t>(header, offset)
                               : read_field<uint32_t>(header, offset);
    }
};

bool root_table_located = false;
RootTable root;

bool checksum_is_zero(const void* bytes, size_t length) {
    uint8_t sum = 0;
    for (size_t index = 0; index < length; ++index)
        sum += static_cast<const uint8_t*>(bytes)[index];
    return sum == 0;
}

bool has_signature(const char* field, const char* signature, size_t length) {
    return __builtin_memcmp(field, signature, length) == 0;
}

// The physical address of a valid revision-0 RSDP in [start, end), or 0.
uint64_t search_rsdp(uint64_t start, uint64_t end) {
    for (uint64_t address = start; address + kRsdpRevision0Size <= end; address += kRsdpAlignment) {
        const auto* candidate = static_cast<const Rsdp*>(direct_map(address, kRsdpRevision0Size));
        if (candidate == nullptr) return 0;
        if (has_signature(candidate->signature, "RSD PTR ", 8) &&
            checksum_is_zero(candidate, kRsdpRevision0Size)) {
            return address;
        }
    }
    return 0;
}

uint64_t find_rsdp() {
    const auto* ebda_segment = static_cast<const uint16_t*>(direct_map(kEbdaSegmentAddress, 2));
    uint64_t ebda = ebda_segment != nullptr ? uint64_t{*ebda_segment} << 4 : 0;
    if (ebda >= kEbdaLowest && ebda < kEbdaEnd) {
        if (uint64_t rsdp = search_rsdp(ebda, ebda + kEbdaSearchLength)) return rsdp;
    }
    return search_rsdp(kBiosAreaStart, kBiosAreaEnd);
}

// The XSDT if the RSDP is revision 2 or later and both check out, else the RSDT.
RootTable locate_root_table() {
    uint64_t rsdp_address = find_rsdp();
    if (rsdp_address == 0) {
        kernel::print("acpi: no RSDP in the EBDA or at 0xe0000-0xfffff; ACPI tables unavailable\n");
        return {};
    }
    const auto* rsdp = static_cast<const Rsdp*>(direct_map(rsdp_address, kRsdpRevision0Size));
    if (rsdp->revision >= 2) {
        const void* extended = direct_map(rsdp_address, rsdp->length);
        if (rsdp->length < sizeof(Rsdp) || rsdp->length > kRsdpMaxLength || extended == nullptr ||
            !checksum_is_zero(extended, rsdp->length)) {
            kernel::print(
                "acpi: RSDP at 0x%llx has a bad length or extended checksum; using the RSDT\n",
                static_cast<unsigned long long>(rsdp_address));
        } else if (rsdp->xsdt_address != 0) {
            if (const TableHeader* xsdt = map_table(rsdp->xsdt_address, "XSDT")) return {xsdt, 8};
            kernel::print("acpi: falling back to the RSDT\n");
        }
    }
    if (const TableHeader* rsdt = map_table(rsdp->rsdt_address, "RSDT")) return {rsdt, 4};
    kernel::print("acpi: no usable root table; ACPI tables unavailable\n");
    return {};
}

// Reports, once, the tables find_table() will never be able to look at.
void report_unreachable_tables(const RootTable& table) {
    for (size_t index = 0; index < table.entry_count(); ++index) {
        uint64_t address = table.entry(index);
        if (direct_map(address, sizeof(TableHeader)) == nullptr) {
            kernel::print("acpi: %.4s entry %zu points beyond the direct map (0x%llx); skipped\n",
                          table.header->signature, index, static_cast<unsigned long long>(address));
        }
    }
}

const RootTable& root_table() {
    if (!root_table_located) {
        root_table_located = true;
        root = locate_root_table();
        if (root.header != nullptr) report_unreachable_tables(root);
    }
    return root;
}

}  // namespace

const TableHeader* map_table(uint64_t physical_address, const char* signature) {
    const auto* header =
        static_cast<const TableHeader*>(direct_map(physical_address, sizeof(TableHeader)));
    auto address = static_cast<unsigned long long>(physical_address);
    if (header == nullptr) {
        kernel::print("acpi: %s at 0x%llx is beyond the direct map; skipped\n", signature, address);
        return nullptr;
    }
    if (!has_signature(header->signature, signature, 4)) {
        kernel::print("acpi: expected the %s at 0x%llx, found another signature\n", signature,
                      address);
        return nullptr;
    }
    if (header->length < sizeof(TableHeader) || header->length > kMaxTableLength) {
        kernel::print("acpi: %s at 0x%llx has an implausible length of %u bytes\n", signature,
                      address, header->length);
        return nullptr;
    }
    if (direct_map(physical_address, header->length) == nullptr) {
        kernel::print("acpi: %s at 0x%llx extends beyond the direct map\n", signature, address);
        return nullptr;
    }
    if (!checksum_is_zero(header, header->length)) {
        kernel::print("acpi: %s at 0x%llx has a bad checksum\n", signature, address);
        return nullptr;
    }
    return header;
}

const TableHeader* find_table(const char* signature) {
    const RootTable& table = root_table();
    if (table.header == nullptr) return nullptr;
    for (size_t index = 0; index < table.entry_count(); ++index) {
        uint64_t address = table.entry(index);
        const auto* header =
            static_cast<const TableHeader*>(direct_map(address, sizeof(TableHeader)));
        if (header == nullptr || !has_signature(header->signature, signature, 4)) continue;
        // A damaged copy is reported by map_table; firmware may list a good one later.
        if (const TableHeader* valid = map_table(address, signature)) return valid;
    }
    return nullptr;
}

}  // namespace hal::x86_64::acpi
