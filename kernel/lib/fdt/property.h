// Device tree property values and the readers for their encodings: cells
// (big-endian 32-bit numbers), strings and string lists.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace os::fdt {

// #address-cells and #size-cells above this are not supported: the largest
// in common use is 3 (PCI addresses).
inline constexpr uint32_t kMaxCells = 4;

// Reads a value as a sequence of big-endian 32-bit cells, the way `reg`,
// `ranges` and `interrupts` are encoded.
class CellReader {
  public:
    explicit CellReader(Bytes value) : value_(value) {}

    // Whole cells not read yet.
    size_t remaining() const { return (value_.size() - offset_) / 4; }
    bool at_end() const { return remaining() == 0; }

    // Reads `count` cells as one number, most significant cell first.
    // kOutOfRange if fewer than `count` cells remain or if the number does not
    // fit in 64 bits; kUnsupported for count > kMaxCells. Consumes nothing on
    // error.
    ErrorOr<uint64_t> read(uint32_t count);

  private:
    Bytes value_;
    size_t offset_ = 0;
};

// A value made of NUL-terminated strings back to back, such as `compatible`.
// Iteration yields each string that is terminated inside the value; an
// unterminated tail is never yielded, so every yielded pointer is safe to
// pass to string functions.
class StringList {
  public:
    explicit StringList(Bytes value);

    class Iterator {
      public:
        const char* operator*() const { return reinterpret_cast<const char*>(data_ + offset_); }
        Iterator& operator++();
        bool operator!=(const Iterator& other) const { return offset_ != other.offset_; }

      private:
        friend class StringList;
        Iterator(const unsigned char* data, size_t offset) : data_(data), offset_(offset) {}

        const unsigned char* data_;
        size_t offset_;
    };

    Iterator begin() const { return Iterator(value_.data(), 0); }
    Iterator end() const { return Iterator(value_.data(), value_.size()); }

    bool contains(const char* string) const;
    size_t count() const;

  private:
    Bytes value_;  // trimmed to end just after its last NUL
};

// A property of a node: a name and an uninterpreted value, both inside the blob.
class Property {
  public:
    Property() = default;
    Property(const char* name, Bytes value) : name_(name), value_(value) {}

    const char* name() const { return name_; }
    Bytes value() const { return value_; }
    size_t size() const { return value_.size(); }
    bool is_empty() const { return value_.empty(); }

    // A single cell; kMalformed unless the value is exactly 4 bytes.
    ErrorOr<uint32_t> as_u32() const;
    // One or two cells (4 or 8 bytes), as used for 32- or 64-bit addresses.
    ErrorOr<uint64_t> as_u64() const;
    // The value as a string; kMalformed unless it is non-empty and ends in a
    // NUL. For a string list, this is its first string.
    ErrorOr<const char*> as_string() const;

    StringList strings() const { return StringList(value_); }
    CellReader cells() const { return CellReader(value_); }

  private:
    const char* name_ = "";
    Bytes value_;
};

}  // namespace os::fdt
