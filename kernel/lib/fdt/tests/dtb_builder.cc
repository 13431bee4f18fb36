#include "kernel/lib/fdt/tests/dtb_builder.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace os::fdt::testing {
namespace {

constexpr uint32_t kMagic = 0xd00dfeed;

void append_be32(Blob& blob, uint32_t value) {
    blob.push_back(value >> 24);
    blob.push_back(value >> 16);
    blob.push_back(value >> 8);
    blob.push_back(value);
}

void append_be64(Blob& blob, uint64_t value) {
    append_be32(blob, value >> 32);
    append_be32(blob, static_cast<uint32_t>(value));
}

void pad_to(Blob& blob, size_t alignment) {
    while (blob.size() % alignment != 0)
        blob.push_back(0);
}

}  // namespace

uint32_t get_be32(const Blob& blob, size_t offset) {
    return uint32_t{blob.at(offset)} << 24 | uint32_t{blob.at(offset + 1)} << 16 |
           uint32_t{blob.at(offset + 2)} << 8 | uint32_t{blob.at(offset + 3)};
}

void put_be32(Blob& blob, size_t offset, uint32_t value) {
    blob.at(offset) = value >> 24;
    blob.at(offset + 1) = value >> 16;
    blob.at(offset + 2) = value >> 8;
    blob.at(offset + 3) = value;
}

std::vector<uint32_t> cells64(std::initializer_list<uint64_t> values) {
    std::vector<uint32_t> cells;
    for (uint64_t value : values) {
        cells.push_back(value >> 32);
        cells.push_back(static_cast<uint32_t>(value));
    }
    return cells;
}

DtbBuilder& DtbBuilder::begin_node(std::string_view name) {
    append_be32(structure_, kBeginNode);
    structure_.insert(structure_.end(), name.begin(), name.end());
    structure_.push_back(0);
    pad_to(structure_, 4);
    return *this;
}

DtbBuilder& DtbBuilder::end_node() {
    return word(kEndNode);
}

DtbBuilder& DtbBuilder::property(std::string_view name, const std::vector<uint8_t>& value) {
    append_be32(structure_, kProp);
    append_be32(structure_, value.size());
    append_be32(structure_, string_offset(name));
    structure_.insert(structure_.end(), value.begin(), value.end());
    pad_to(structure_, 4);
    return *this;
}

DtbBuilder& DtbBuilder::property_cells(std::string_view name, const std::vector<uint32_t>& cells) {
    Blob value;
    for (uint32_t cell : cells)
        append_be32(value, cell);
    return property(name, value);
}

DtbBuilder& DtbBuilder::property_string(std::string_view name, std::string_view value) {
    Blob bytes(value.begin(), value.end());
    bytes.push_back(0);
    return property(name, bytes);
}

DtbBuilder& DtbBuilder::property_strings(std::string_view name,
                                         const std::vector<std::string>& values) {
    Blob bytes;
    for (const std::string& value : values) {
        bytes.insert(bytes.end(), value.begin(), value.end());
        bytes.push_back(0);
    }
    return property(name, bytes);
}

DtbBuilder& DtbBuilder::word(uint32_t value) {
    append_be32(structure_, value);
    return *this;
}

DtbBuilder& DtbBuilder::reserve(uint64_t address, uint64_t size) {
    reservations_.emplace_back(address, size);
    return *this;
}

DtbBuilder& DtbBuilder::version(uint32_t version, uint32_t last_compatible_version) {
    version_ = version;
    last_compatible_version_ = last_compatible_version;
    return *this;
}

DtbBuilder& DtbBuilder::boot_cpu(uint32_t id) {
    boot_cpu_ = id;
    return *this;
}

uint32_t DtbBuilder::string_offset(std::string_view name) {
    // Reuse a name already in the table, as dtc does.
    std::string key(name);
    key.push_back('\0');
    size_t found = strings_.find(key);
    if (found != std::string::npos && (found == 0 || strings_[found - 1] == '\0'))
        return found;
    size_t offset = strings_.size();
    strings_ += key;
    return offset;
}

Blob DtbBuilder::build() const {
    const size_t header_size = version_ >= 17 ? 40 : 36;
    Blob blob(header_size, 0);
    pad_to(blob, 8);

    const size_t reservations_offset = blob.size();
    for (auto [address, size] : reservations_) {
        append_be64(blob, address);
        append_be64(blob, size);
    }
    append_be64(blob, 0);
    append_be64(blob, 0);

    const size_t structure_offset = blob.size();
    blob.insert(blob.end(), structure_.begin(), structure_.end());
    if (end_token_)
        append_be32(blob, kEnd);
    const size_t structure_size = blob.size() - structure_offset;

    const size_t strings_offset = blob.size();
    blob.insert(blob.end(), strings_.begin(), strings_.end());

    put_be32(blob, kMagicOffset, kMagic);
    put_be32(blob, kTotalSizeOffset, blob.size());
    put_be32(blob, kStructureOffsetOffset, structure_offset);
    put_be32(blob, kStringsOffsetOffset, strings_offset);
    put_be32(blob, kReservationsOffsetOffset, reservations_offset);
    put_be32(blob, kVersionOffset, version_);
    put_be32(blob, kLastCompatibleVersionOffset, last_compatible_version_);
    put_be32(blob, kBootCpuOffset, boot_cpu_);
    put_be32(blob, kStringsSizeOffset, strings_.size());
    if (version_ >= 17)
        put_be32(blob, kStructureSizeOffset, structure_size);
    return blob;
}

Blob read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("cannot open " + path);
    return Blob(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

GuardedCopy::GuardedCopy(const Blob& bytes) : size_(bytes.size()) {
    const size_t page = sysconf(_SC_PAGESIZE);
    const size_t data_pages = (bytes.size() + page - 1) / page;
    mapping_size_ = (data_pages + 1) * page;
    mapping_ =
        mmap(nullptr, mapping_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping_ == MAP_FAILED)
        throw std::runtime_error("mmap failed");
    auto* guard = static_cast<uint8_t*>(mapping_) + data_pages * page;
    if (mprotect(guard, page, PROT_NONE) != 0)
        throw std::runtime_error("mprotect failed");
    auto* data = guard - bytes.size();
    if (!bytes.empty())
        std::memcpy(data, bytes.data(), bytes.size());
    data_ = data;
}

GuardedCopy::~GuardedCopy() {
    munmap(mapping_, mapping_size_);
}

}  // namespace os::fdt::testing
