#include "kernel/lib/cpio.h"

#include "kernel/lib/string.h"

namespace os::cpio {
namespace {

// newc header: "070701" then 13 fields of 8 ASCII hex digits.
constexpr size_t kHeaderSize = 110;
constexpr char kMagic[] = "070701";
constexpr char kTrailerName[] = "TRAILER!!!";
enum Field { kIno, kMode, kUid, kGid, kNlink, kMtime, kFileSize, kDevMajor, kDevMinor,
             kRdevMajor, kRdevMinor, kNameSize, kCheck, kFieldCount };

size_t align4(size_t value) { return (value + 3) & ~size_t{3}; }

bool parse_hex_field(const unsigned char* header, Field field, uint32_t& value) {
    const unsigned char* digits = header + 6 + 8 * field;
    value = 0;
    for (int i = 0; i < 8; ++i) {
        unsigned char c = digits[i];
        uint32_t digit;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            digit = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            digit = c - 'A' + 10;
        } else {
            return false;
        }
        value = value << 4 | digit;
    }
    return true;
}

struct RawEntry {
    Entry entry;
    size_t next_offset = 0;
    bool is_trailer = false;
};

// Decodes and bounds-checks the entry at `offset`.
ErrorOr<RawEntry> decode(Bytes bytes, size_t offset) {
    if (bytes.size() - offset < kHeaderSize) return Error::kOutOfRange;
    const unsigned char* header = bytes.data() + offset;
    for (size_t i = 0; i < 6; ++i) {
        if (header[i] != static_cast<unsigned char>(kMagic[i])) return Error::kMalformed;
    }
    // Every field must be hex, also those nobody reads: a header that is
    // wrong anywhere is not trusted anywhere.
    uint32_t fields[kFieldCount];
    for (int field = 0; field < kFieldCount; ++field) {
        if (!parse_hex_field(header, static_cast<Field>(field), fields[field])) {
            return Error::kMalformed;
        }
    }
    uint32_t mode = fields[kMode];
    uint32_t file_size = fields[kFileSize];
    uint32_t name_size = fields[kNameSize];
    // The name (with its NUL) follows the header; data starts 4-byte aligned.
    size_t name_offset = offset + kHeaderSize;
    if (name_size == 0 || name_size > bytes.size() - name_offset) return Error::kOutOfRange;
    const char* name = reinterpret_cast<const char*>(bytes.data() + name_offset);
    if (name[name_size - 1] != '\0' || string_length(name) != name_size - 1) {
        return Error::kMalformed;
    }
    size_t data_offset = align4(name_offset + name_size);
    if (data_offset > bytes.size() || file_size > bytes.size() - data_offset) {
        return Error::kOutOfRange;
    }
    RawEntry raw;
    raw.entry.name = name;
    raw.entry.mode = mode;
    raw.entry.data = bytes.slice(data_offset, file_size);
    raw.next_offset = align4(data_offset + file_size);
    raw.is_trailer = string_equal(name, kTrailerName);
    return raw;
}

}  // namespace

ErrorOr<Archive> Archive::open(Bytes bytes) {
    size_t offset = 0;
    size_t entries = 0;
    for (;;) {
        RawEntry raw = TRY(decode(bytes, offset));
        if (raw.is_trailer) return Archive(bytes, entries);
        if (++entries > kMaxEntries) return Error::kNoSpace;
        // The last entry's padding may be cut off; the trailer may not.
        if (raw.next_offset >= bytes.size()) return Error::kMalformed;
        offset = raw.next_offset;
    }
}

bool Archive::next_entry(size_t& offset, Entry& entry) const {
    auto raw = decode(bytes_, offset);
    // open() validated every entry, so only the trailer ends the walk.
    if (raw.is_error() || raw.value().is_trailer) return false;
    entry = raw.value().entry;
    offset = raw.value().next_offset;
    return true;
}

ErrorOr<Entry> Archive::find(const char* name) const {
    size_t offset = 0;
    Entry entry;
    while (next_entry(offset, entry)) {
        if (string_equal(entry.name, name)) return entry;
    }
    return Error::kNotFound;
}

}  // namespace os::cpio
