#include "kernel/lib/fdt/property.h"

#include "kernel/lib/fdt/tokens.h"
#include "kernel/lib/string.h"

namespace os::fdt {

ErrorOr<uint64_t> CellReader::read(uint32_t count) {
    if (count > kMaxCells)
        return Error::kUnsupported;
    if (remaining() < count)
        return Error::kOutOfRange;
    const unsigned char* cell = value_.data() + offset_;
    uint64_t value = 0;
    for (uint32_t i = 0; i < count; ++i, cell += 4) {
        // Shifting out a non-zero cell would silently drop the high part.
        if (value >> 32 != 0)
            return Error::kOutOfRange;
        value = value << 32 | read_big_endian32(cell);
    }
    offset_ += count * 4;
    return value;
}

StringList::StringList(Bytes value) {
    size_t terminated_size = value.size();
    while (terminated_size > 0 && value[terminated_size - 1] != '\0')
        --terminated_size;
    value_ = value.slice(0, terminated_size);
}

StringList::Iterator& StringList::Iterator::operator++() {
    // The string at offset_ is terminated before the end of the trimmed value.
    offset_ += string_length(**this) + 1;
    return *this;
}

bool StringList::contains(const char* string) const {
    for (const char* entry : *this) {
        if (string_equal(entry, string))
            return true;
    }
    return false;
}

size_t StringList::count() const {
    size_t count = 0;
    for (const char* entry : *this) {
        (void)entry;
        ++count;
    }
    return count;
}

ErrorOr<uint32_t> Property::as_u32() const {
    if (value_.size() != 4)
        return Error::kMalformed;
    return read_big_endian32(value_.data());
}

ErrorOr<uint64_t> Property::as_u64() const {
    if (value_.size() == 4)
        return static_cast<uint64_t>(read_big_endian32(value_.data()));
    if (value_.size() == 8)
        return read_big_endian64(value_.data());
    return Error::kMalformed;
}

ErrorOr<const char*> Property::as_string() const {
    if (value_.empty() || value_[value_.size() - 1] != '\0')
        return Error::kMalformed;
    return reinterpret_cast<const char*>(value_.data());
}

}  // namespace os::fdt
