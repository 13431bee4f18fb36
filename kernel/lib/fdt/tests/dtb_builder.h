// Builds device tree blobs for tests, laid out the way dtc does: header,
// memory reservation block, structure block, strings block. Also builds
// broken ones: raw tokens, a missing END, any version.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace os::fdt::testing {

using Blob = std::vector<uint8_t>;

// Byte offsets of the header fields.
enum HeaderOffset : size_t {
    kMagicOffset = 0,
    kTotalSizeOffset = 4,
    kStructureOffsetOffset = 8,
    kStringsOffsetOffset = 12,
    kReservationsOffsetOffset = 16,
    kVersionOffset = 20,
    kLastCompatibleVersionOffset = 24,
    kBootCpuOffset = 28,
    kStringsSizeOffset = 32,
    kStructureSizeOffset = 36,
};

inline constexpr uint32_t kBeginNode = 1;
inline constexpr uint32_t kEndNode = 2;
inline constexpr uint32_t kProp = 3;
inline constexpr uint32_t kNop = 4;
inline constexpr uint32_t kEnd = 9;

uint32_t get_be32(const Blob& blob, size_t offset);
void put_be32(Blob& blob, size_t offset, uint32_t value);

// Splits 64-bit numbers into (high, low) cell pairs: {a, b} -> {a_hi, a_lo, b_hi, b_lo}.
std::vector<uint32_t> cells64(std::initializer_list<uint64_t> values);

class DtbBuilder {
  public:
    DtbBuilder& begin_node(std::string_view name);
    DtbBuilder& end_node();
    DtbBuilder& property(std::string_view name, const std::vector<uint8_t>& value);
    DtbBuilder& property_cells(std::string_view name, const std::vector<uint32_t>& cells);
    DtbBuilder& property_u32(std::string_view name, uint32_t value) {
        return property_cells(name, {value});
    }
    // The value with its terminating NUL.
    DtbBuilder& property_string(std::string_view name, std::string_view value);
    DtbBuilder& property_strings(std::string_view name, const std::vector<std::string>& values);
    DtbBuilder& property_empty(std::string_view name) { return property(name, {}); }
    DtbBuilder& nop() { return word(kNop); }
    // A raw 32-bit word in the structure block, for malformed trees.
    DtbBuilder& word(uint32_t value);

    DtbBuilder& reserve(uint64_t address, uint64_t size);
    DtbBuilder& version(uint32_t version, uint32_t last_compatible_version = 16);
    DtbBuilder& boot_cpu(uint32_t id);
    // Leaves the END token out of the structure block.
    DtbBuilder& without_end() {
        end_token_ = false;
        return *this;
    }

    Blob build() const;

  private:
    uint32_t string_offset(std::string_view name);

    std::vector<uint8_t> structure_;
    std::string strings_;
    std::vector<std::pair<uint64_t, uint64_t>> reservations_;
    uint32_t version_ = 17;
    uint32_t last_compatible_version_ = 16;
    uint32_t boot_cpu_ = 0;
    bool end_token_ = true;
};

Blob read_file(const std::string& path);

// A copy of some bytes that ends right before an inaccessible page, so that
// reading even one byte past the end faults, sanitizer or not.
class GuardedCopy {
  public:
    explicit GuardedCopy(const Blob& bytes);
    ~GuardedCopy();
    GuardedCopy(const GuardedCopy&) = delete;
    GuardedCopy& operator=(const GuardedCopy&) = delete;

    const uint8_t* data() const { return data_; }
    size_t size() const { return size_; }

  private:
    void* mapping_ = nullptr;
    size_t mapping_size_ = 0;
    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace os::fdt::testing
