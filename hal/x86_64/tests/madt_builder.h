// Builds MADTs byte by byte for the ACPI parser tests: the 44-byte fixed
// part (header, local APIC address, flags), then entries in the order the
// calls add them. The header's checksum and length stay zero: the parsers
// under test read the span they are given.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <initializer_list>
#include <vector>

namespace hal::x86_64::acpi {

class MadtBuilder {
public:
    MadtBuilder(uint32_t local_apic_address = 0xfee00000, uint32_t flags = 1) {
        put_u32(36, local_apic_address);
        put_u32(40, flags);
    }
    MadtBuilder& local_apic(uint8_t apic_id, uint32_t flags) {
        append({0, 8, 0, apic_id});
        append_u32(flags);
        return *this;
    }
    MadtBuilder& local_x2apic(uint32_t x2apic_id, uint32_t flags) {
        append({9, 16, 0, 0});
        append_u32(x2apic_id);
        append_u32(flags);
        append_u32(0);  // ACPI processor UID
        return *this;
    }
    MadtBuilder& io_apic(uint8_t id, uint32_t address, uint32_t gsi_base) {
        append({1, 12, id, 0});
        append_u32(address);
        append_u32(gsi_base);
        return *this;
    }
    MadtBuilder& source_override(uint8_t bus, uint8_t source, uint32_t gsi, uint16_t flags) {
        append({2, 10, bus, source});
        append_u32(gsi);
        append({uint8_t(flags), uint8_t(flags >> 8)});
        return *this;
    }
    MadtBuilder& address_override(uint64_t address) {
        append({5, 12, 0, 0});
        append_u32(uint32_t(address));
        append_u32(uint32_t(address >> 32));
        return *this;
    }
    MadtBuilder& raw(std::initializer_list<uint8_t> bytes) {
        append(bytes);
        return *this;
    }
    std::vector<uint8_t> bytes() const { return bytes_; }

private:
    void append(std::initializer_list<uint8_t> bytes) {
        bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
    }
    void append_u32(uint32_t value) {
        for (int shift = 0; shift < 32; shift += 8)
            bytes_.push_back(uint8_t(value >> shift));
    }
    void put_u32(size_t offset, uint32_t value) {
        for (int shift = 0; shift < 32; shift += 8)
            bytes_[offset + shift / 8] = uint8_t(value >> shift);
    }

    std::vector<uint8_t> bytes_ = std::vector<uint8_t>(44, 0);
};

}  // namespace hal::x86_64::acpi
