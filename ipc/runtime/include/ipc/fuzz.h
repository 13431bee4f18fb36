// What the fuzz entries the IDL plugin generates (<file>.ipc.fuzz.cc, run
// by ipc_interface's <name>_fuzz_test; ipc/README.md "Tests") share: how
// fuzz bytes become a Message, the canonical round trip every message type
// must pass, and the checks on a server's dispatch and a client's reply
// decoding. Host only, compiled with -fsanitize=fuzzer: a broken promise
// traps, so libFuzzer reports it with the input that broke it.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "ipc/rpc.h"

namespace cairn::ipc::fuzz {

// Stops the run: libFuzzer saves the input as a crash.
[[noreturn]] inline void fail() {
    __builtin_trap();
}
inline void require(bool condition) {
    if (!condition) fail();
}

// Fuzz bytes after the generated entry took its selector byte:
//   byte 0  which id (see build_message)
//   byte 1  layout: bit 0 out of line, bits 1-3 cap_count (up to 7: more
//           than a message carries; the slots are 100, 101, ...), bit 5
//           kLayoutPatch (message_target), bit 6 a lying length, bit 7
//           reply kind
//   rest    the payload
struct Input {
    const uint8_t* data;
    size_t size;
};

// Builds `message` from `input` the way ipc/testdata's fuzzer does: byte 0
// picks one of `ids` (mostly) or, when high, reads a raw 8-byte id. False
// if the input is too short.
bool build_message(Input input, const uint64_t* ids, size_t id_count, Message& message);

inline constexpr uint8_t kLayoutPatch = 0x20;

// The payload bytes `message` carries (inline or out of line), false when
// open_payload would refuse it.
bool payload_of(const Message& message, const uint8_t** bytes, uint32_t* length);

// Turns `message`'s payload into a patch of `base` (`length` bytes of a
// valid encoding, `room` at most): its first two bytes pick the offset, the
// rest overwrite from there (possibly past `length`). `message` then carries
// the patched bytes out of line. False if the payload is under 2 bytes.
bool patch(Message& message, uint8_t* base, uint32_t length, uint32_t room);

// A client transport that answers every call with a reply built from
// `input` (mostly a reply to the call made; its out-of-line bytes copied
// into the client's room, as the kernel would).
Transport reply_transport(const Input* input);

// Feeds `request` to a server's dispatch: every request ends in a reply; an
// error status comes with an error reply, kOk with a reply that opens; the
// serve loop's aliasing (request and reply one Message) is safe too.
void dispatch(DispatchTarget target, const Message& request);

// Decodes `message`'s payload as a T. When that succeeds, encoding it and
// decoding that again must give the same bytes and caps (the canonical round
// trip), within the sizes the plugin computed; a cap-free T decoded from
// exactly its payload must encode back to those very bytes.
template <typename T>
void round_trip(const Message& message) {
    Reader reader(nullptr, 0, nullptr, 0);
    if (!open_payload(message, &reader)) return;
    T value{};
    if (!value.decode(reader)) return;

    // Static: a payload may be up to 1 MiB (kMaxOutOfLineBytes).
    static uint8_t first[T::kMaxEncodedSize + 1], second[T::kMaxEncodedSize + 1];
    Writer one(first, sizeof first);
    value.encode(one);
    require(!one.failed());
    require(one.length() <= T::kMaxEncodedSize && one.cap_count() <= T::kMaxCaps);
    CapSlot caps[kMessageCaps];
    for (uint32_t i = 0; i < one.cap_count(); ++i)
        caps[i] = one.cap(i);

    Reader again(first, one.length(), caps, one.cap_count());
    T copy{};
    require(copy.decode(again) && again.done());
    Writer two(second, sizeof second);
    copy.encode(two);
    require(!two.failed() && two.length() == one.length() &&
            __builtin_memcmp(first, second, one.length()) == 0);
    require(two.cap_count() == one.cap_count() && two.cap_move() == one.cap_move());
    for (uint32_t i = 0; i < one.cap_count(); ++i)
        require(two.cap(i) == caps[i]);

    // Handle indexes are renumbered in field order, so only cap-free
    // messages must reproduce their input exactly.
    if constexpr (T::kMaxCaps == 0) {
        const uint8_t* bytes = nullptr;
        uint32_t length = 0;
        if (reader.done() && payload_of(message, &bytes, &length))
            require(length == one.length() && __builtin_memcmp(bytes, first, length) == 0);
    }
}

// One message type as a fuzz target: the payload of `input` decoded as a T
// and round-tripped. With kLayoutPatch the payload patches the encoding of
// a default T instead: random bytes rarely decode far into a large message
// (a bad bool in byte 76 of 77), a patch of valid bytes does.
template <typename T>
void message_target(Input input) {
    static constexpr uint64_t kAnyId = 0;  // round_trip reads no id
    Message message;
    if (!build_message(input, &kAnyId, 1, message)) return;
    if ((input.data[1] & kLayoutPatch) != 0) {
        static uint8_t base[T::kMaxEncodedSize + 1];
        Writer writer(base, sizeof base);
        T{}.encode(writer);
        require(!writer.failed());
        if (!patch(message, base, writer.length(), sizeof base)) return;
    }
    round_trip<T>(message);
}

}  // namespace cairn::ipc::fuzz
