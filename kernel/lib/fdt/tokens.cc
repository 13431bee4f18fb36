#include "kernel/lib/fdt/tokens.h"

#include "kernel/lib/string.h"

namespace os::fdt {
namespace {

constexpr uint32_t kTokenSize = 4;
constexpr uint32_t kPropertyHeaderSize = 12;  // token, value length, name offset

// 64-bit so that a 32-bit offset plus a 32-bit length from the blob cannot wrap.
constexpr uint64_t align4(uint64_t value) {
    return (value + 3) & ~uint64_t{3};
}

// True if a NUL occurs in [text, text + available).
bool is_terminated_within(const char* text, size_t available) {
    return string_length_bounded(text, available) < available;
}

}  // namespace

ErrorOr<Token> read_token(const Blocks& blocks, uint32_t offset) {
    if (offset > blocks.structure_size || blocks.structure_size - offset < kTokenSize) {
        return Error::kOutOfRange;
    }
    const unsigned char* at = blocks.structure + offset;
    Token token;
    token.kind = static_cast<TokenKind>(read_big_endian32(at));
    uint64_t next = offset + kTokenSize;

    switch (token.kind) {
        case TokenKind::kBeginNode: {
            token.name = reinterpret_cast<const char*>(at + kTokenSize);
            size_t available = blocks.structure_size - next;
            if (!is_terminated_within(token.name, available))
                return Error::kMalformed;
            next = align4(next + string_length(token.name) + 1);
            break;
        }
        case TokenKind::kProperty: {
            if (blocks.structure_size - offset < kPropertyHeaderSize)
                return Error::kMalformed;
            uint32_t length = read_big_endian32(at + 4);
            uint32_t name_offset = read_big_endian32(at + 8);
            next = offset + kPropertyHeaderSize;
            if (length > blocks.structure_size - next)
                return Error::kMalformed;
            if (name_offset >= blocks.strings_size)
                return Error::kMalformed;
            token.name = blocks.strings + name_offset;
            if (!is_terminated_within(token.name, blocks.strings_size - name_offset)) {
                return Error::kMalformed;
            }
            token.value = Bytes(blocks.structure + next, length);
            next = align4(next + length);
            break;
        }
        case TokenKind::kEndNode:
        case TokenKind::kNop:
        case TokenKind::kEnd:
            break;
        default:
            return Error::kMalformed;
    }
    // structure_size is a multiple of 4, so padding never crosses the end;
    // this only holds the invariant that next_offset stays inside the block.
    if (next > blocks.structure_size)
        return Error::kMalformed;
    token.next_offset = static_cast<uint32_t>(next);
    return token;
}

}  // namespace os::fdt
