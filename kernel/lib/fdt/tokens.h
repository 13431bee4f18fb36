// The lowest layer of the device tree reader: big-endian loads and the
// decoder for the tokens of the structure block. Every other part of the
// reader goes through read_token(), which is where bounds are checked.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace os::fdt {

// Byte at a time on purpose: DTB fields are big-endian and property values
// are only 4-byte aligned relative to the blob, which itself may sit anywhere.
// With -mstrict-align (aarch64, MMU off) the compiler cannot merge these loads
// into one unaligned access.
inline uint32_t read_big_endian32(const unsigned char* bytes) {
    return static_cast<uint32_t>(bytes[0]) << 24 | static_cast<uint32_t>(bytes[1]) << 16 |
           static_cast<uint32_t>(bytes[2]) << 8 | static_cast<uint32_t>(bytes[3]);
}

inline uint64_t read_big_endian64(const unsigned char* bytes) {
    return static_cast<uint64_t>(read_big_endian32(bytes)) << 32 | read_big_endian32(bytes + 4);
}

// The structure block and the strings block its property names point into:
// the two parts of a blob that nodes and properties are read from.
struct Blocks {
    const unsigned char* structure = nullptr;
    const char* strings = nullptr;
    uint32_t structure_size = 0;  // a multiple of 4
    uint32_t strings_size = 0;
};

enum class TokenKind : uint32_t {
    kBeginNode = 1,  // followed by the NUL-terminated node name, padded to 4 bytes
    kEndNode = 2,
    kProperty = 3,  // followed by value length, name offset, the value, padding
    kNop = 4,
    kEnd = 9,
};

struct Token {
    TokenKind kind = TokenKind::kEnd;
    uint32_t next_offset = 0;  // where the token after this one starts
    const char* name = "";     // kBeginNode: the node name; kProperty: the property name
    Bytes value;               // kProperty: the property value
};

// Decodes the token at `offset` (a multiple of 4). kMalformed for an unknown
// token, a name that is not NUL-terminated inside its block, a value or a
// property name offset past the end of its block; kOutOfRange when `offset`
// itself leaves no room for a token. On success, `name` is NUL-terminated
// inside its block and `value` lies inside the structure block.
ErrorOr<Token> read_token(const Blocks& blocks, uint32_t offset);

}  // namespace os::fdt
