// The building blocks of generated IDL code: bounded containers for the
// variable-length proto3 fields, Handle for capabilities, and the Writer and
// Reader of the wire format (ipc/README.md "Wire format"). Freestanding:
// no heap, no exceptions, no standard library; the same code runs in Cairn
// user space and in host tests.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"
#include "cairn/ipc.h"

// The wire format is little endian, and so is every architecture Cairn and
// its host tests run on: scalars are copied as they are in memory.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the IDL wire format assumes little endian");

namespace cairn::ipc {

// A capability field (ipc.Handle in .proto files): a slot of the local
// capability space, kNullSlot when absent.
struct Handle {
    CapSlot slot = kNullSlot;
};

// A string field with [(ipc.max_length) = N]. `data` keeps a terminating
// NUL after `size` bytes, so it can be printed; the NUL is not on the wire.
template <uint32_t N>
struct BoundedString {
    static constexpr uint32_t kMaxLength = N;
    uint32_t size = 0;
    char data[N + 1] = {};

    // False (and unchanged) if `length` exceeds the bound.
    bool assign(const char* text, size_t length) {
        if (length > N) return false;
        __builtin_memcpy(data, text, length);
        size = static_cast<uint32_t>(length);
        data[size] = 0;
        return true;
    }
    bool assign(const char* text) { return assign(text, __builtin_strlen(text)); }
    // False (and unchanged) if the result would exceed the bound.
    bool append(const char* text, size_t length) {
        if (length > N - size) return false;
        __builtin_memcpy(data + size, text, length);
        size += static_cast<uint32_t>(length);
        data[size] = 0;
        return true;
    }
    const char* c_str() const { return data; }
};

// A bytes field with [(ipc.max_length) = N].
template <uint32_t N>
struct BoundedBytes {
    static constexpr uint32_t kMaxLength = N;
    uint32_t size = 0;
    uint8_t data[N] = {};

    bool assign(const void* bytes, size_t length) {
        if (length > N) return false;
        __builtin_memcpy(data, bytes, length);
        size = static_cast<uint32_t>(length);
        return true;
    }
};

// A repeated field with [(ipc.max_count) = N].
template <typename T, uint32_t N>
struct BoundedVector {
    static constexpr uint32_t kMaxCount = N;
    uint32_t size = 0;
    T items[N] = {};

    bool push_back(const T& item) {
        if (size >= N) return false;
        items[size++] = item;
        return true;
    }
    T& operator[](uint32_t index) { return items[index]; }
    const T& operator[](uint32_t index) const { return items[index]; }
};

// Encodes fields in order into a fixed buffer, collecting capabilities.
// Errors are sticky (a full buffer, a field over its bound, a fifth
// capability): check failed() once at the end instead of after every field.
class Writer {
public:
    Writer(uint8_t* buffer, uint32_t capacity) : buffer_(buffer), capacity_(capacity) {}

    void put_u8(uint8_t value) { put_raw(&value, 1); }
    void put_u32(uint32_t value) { put_le(value, 4); }
    void put_u64(uint64_t value) { put_le(value, 8); }
    void put_bool(bool value) { put_u8(value ? 1 : 0); }
    void put_float(float value) { put_u32(__builtin_bit_cast(uint32_t, value)); }
    void put_double(double value) { put_u64(__builtin_bit_cast(uint64_t, value)); }
    // A length or count prefix, refused above `bound`.
    void put_length(uint32_t length, uint32_t bound) {
        if (length > bound) failed_ = true;
        put_u32(length);
    }
    template <uint32_t N>
    void put_string(const BoundedString<N>& text) {
        put_length(text.size, N);
        if (!failed_) put_raw(text.data, text.size);
    }
    template <uint32_t N>
    void put_bytes(const BoundedBytes<N>& bytes) {
        put_length(bytes.size, N);
        if (!failed_) put_raw(bytes.data, bytes.size);
    }
    // One byte: the index of the capability slot, or kNoHandle.
    void put_handle(const Handle& handle, bool move);

    bool failed() const { return failed_; }
    uint32_t length() const { return length_; }
    const uint8_t* data() const { return buffer_; }
    uint32_t cap_count() const { return cap_count_; }
    uint32_t cap_move() const { return cap_move_; }
    CapSlot cap(uint32_t index) const { return caps_[index]; }

private:
    // Inline: a stub's whole encode compiles to bounds checks and stores.
    void put_le(uint64_t value, uint32_t bytes) { put_raw(&value, bytes); }
    void put_raw(const void* bytes, uint32_t count) {
        if (failed_ || count > capacity_ - length_) {
            failed_ = true;
            return;
        }
        __builtin_memcpy(buffer_ + length_, bytes, count);
        length_ += count;
    }

    uint8_t* buffer_;
    uint32_t capacity_;
    uint32_t length_ = 0;
    bool failed_ = false;
    CapSlot caps_[kMessageCaps];  // only [0, cap_count_) is ever read
    uint32_t cap_count_ = 0;
    uint32_t cap_move_ = 0;
};

// The handle byte of an absent capability.
inline constexpr uint8_t kNoHandle = 0xff;

// Decodes fields in order from received bytes. Every read checks the
// remaining length; a failure is sticky and later reads return zeros, so
// generated decoders need no branch per field and never read past the end.
class Reader {
public:
    Reader(const uint8_t* data, uint32_t length, const CapSlot* caps, uint32_t cap_count)
        : data_(data), length_(length), caps_(caps), cap_count_(cap_count) {}

    uint8_t get_u8() { return static_cast<uint8_t>(get_le(1)); }
    uint32_t get_u32() { return static_cast<uint32_t>(get_le(4)); }
    uint64_t get_u64() { return get_le(8); }
    bool get_bool() {  // only 0 and 1 are valid
        uint8_t value = get_u8();
        if (value > 1) failed_ = true;
        return value == 1;
    }
    float get_float() { return __builtin_bit_cast(float, get_u32()); }
    double get_double() { return __builtin_bit_cast(double, get_u64()); }
    // A length or count prefix; above `bound` fails (and returns 0).
    uint32_t get_length(uint32_t bound) {
        uint32_t length = get_u32();
        if (length > bound) failed_ = true;
        return failed_ ? 0 : length;
    }
    template <uint32_t N>
    void get_string(BoundedString<N>& text) {
        text.size = get_length(N);
        get_raw(text.data, text.size);
        if (failed_) text.size = 0;
        text.data[text.size] = 0;
    }
    template <uint32_t N>
    void get_bytes(BoundedBytes<N>& bytes) {
        bytes.size = get_length(N);
        get_raw(bytes.data, bytes.size);
        if (failed_) bytes.size = 0;
    }
    // The index must name one of the message's capabilities, each used at
    // most once; `rights` are the ones the field demands (checked by
    // check_rights on Cairn, trusted on the host).
    void get_handle(Handle& handle, uint64_t rights);
    // An enum as int32; a value `is_valid` does not know fails (and reads 0).
    template <typename Enum>
    void get_enum(Enum& value, bool (*is_valid)(int32_t)) {
        int32_t raw = static_cast<int32_t>(get_u32());
        if (!is_valid(raw)) {
            failed_ = true;
            raw = 0;
        }
        value = static_cast<Enum>(raw);
    }
    void fail() { failed_ = true; }

    bool failed() const { return failed_; }
    // Decoding succeeded and consumed every byte (no trailing garbage).
    bool done() const { return !failed_ && position_ == length_; }

private:
    uint64_t get_le(uint32_t bytes) {
        uint64_t value = 0;
        get_raw(&value, bytes);
        return failed_ ? 0 : value;
    }
    void get_raw(void* out, uint32_t count) {
        if (failed_ || count > length_ - position_) {
            failed_ = true;
            return;
        }
        __builtin_memcpy(out, data_ + position_, count);
        position_ += count;
    }

    const uint8_t* data_;
    uint32_t length_;
    uint32_t position_ = 0;
    bool failed_ = false;
    const CapSlot* caps_;
    uint32_t cap_count_;
    uint32_t caps_used_ = 0;  // bit i: caps_[i] was claimed by a field
};

// Whether the capability in `slot` carries `rights` (platform_*.cc: a
// cap_info call on Cairn, always true on the host).
bool check_rights(CapSlot slot, uint64_t rights);

}  // namespace cairn::ipc
