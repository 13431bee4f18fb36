// Message ids of IDL calls (ipc/README.md "Message id"). Derived from names,
// never from positions, so reordering a .proto changes nothing on the wire:
//
//   bits 63..32  interface id: FNV-1a 32 of the fully-qualified service name
//   bits 31..16  method id: FNV-1a 32 of the rpc name, folded to 16 bits
//   bits 15..8   wire format version (kWireVersion)
//   bits  7..0   kind bits: kKindReply, kKindError, kKindOutOfLine
//
// The plugin (ipc/compiler) computes the same values with these functions
// and refuses two methods of one service with the same method id.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace cairn::ipc {

inline constexpr uint64_t kWireVersion = 1;

inline constexpr uint64_t kKindReply = 1 << 0;      // a reply (else a request)
inline constexpr uint64_t kKindError = 1 << 1;      // reply: data = int32 status
inline constexpr uint64_t kKindOutOfLine = 1 << 2;  // payload in the buffer,
                                                    // data = its u32 length

constexpr uint32_t fnv1a32(const char* text, size_t length) {
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < length; ++i) {
        hash ^= static_cast<uint8_t>(text[i]);
        hash *= 16777619u;
    }
    return hash;
}

constexpr uint32_t interface_id(const char* full_name, size_t length) {
    return fnv1a32(full_name, length);
}

constexpr uint16_t method_id(const char* name, size_t length) {
    uint32_t hash = fnv1a32(name, length);
    return static_cast<uint16_t>((hash >> 16) ^ (hash & 0xffff));
}

// The id of a request (kind 0); replies add kind bits.
constexpr uint64_t request_id(uint32_t interface, uint16_t method) {
    return (static_cast<uint64_t>(interface) << 32) | (static_cast<uint64_t>(method) << 16) |
           (kWireVersion << 8);
}

// The id without its kind bits: which call a message belongs to.
constexpr uint64_t call_of(uint64_t id) {
    return id & ~uint64_t{0xff};
}
constexpr uint64_t kind_of(uint64_t id) {
    return id & 0xff;
}
constexpr uint32_t interface_of(uint64_t id) {
    return static_cast<uint32_t>(id >> 32);
}
constexpr uint16_t method_of(uint64_t id) {
    return static_cast<uint16_t>(id >> 16);
}
constexpr uint64_t version_of(uint64_t id) {
    return (id >> 8) & 0xff;
}

}  // namespace cairn::ipc
