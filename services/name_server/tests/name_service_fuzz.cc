// libFuzzer on NameService: an input is a sequence of requests (caller
// badge, method, name, raw or well-formed payload) against one fresh
// service, so registrations, replacements, refusals and unregistrations
// interleave. After every request: no endpoint slot was released twice, none
// is both released and still registered, and no two names share a slot —
// the service never leaks into a double cap_delete or hands out a deleted
// capability. Built with -fsanitize=fuzzer,address; `bazel test` runs a
// bounded number of inputs (BUILD: -runs).
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <new>

#include "services/name_server/name_service.h"

namespace {

using cairn::Message;
using cairn::name_server::NameService;
using cairn::name_server::Registry;
using cairn::name_server::Slot;
namespace ipc = cairn::ipc;
using Interface = name_server::NameServerInterface;

constexpr uint64_t kIds[] = {Interface::kRegisterId, Interface::kLookupId, Interface::kListId,
                             Interface::kUnregisterId};

// Slots are handed out fresh per request (1, 2, ...), so "released twice" is
// a real double delete, not a reused number.
constexpr size_t kMaxSlots = 4096;
bool released[kMaxSlots];
void record_release(Slot slot) {
    if (slot == 0 || slot >= kMaxSlots || released[slot]) abort();
    released[slot] = true;
}

void check_invariants(const NameService& service) {
    Registry::Entry entries[Registry::kCapacity];
    size_t count = service.registry().list("", 0, entries, Registry::kCapacity);
    if (count != service.registry().size()) abort();
    for (size_t i = 0; i < count; ++i) {
        Slot slot = entries[i].endpoint;
        if (slot == 0 || slot >= kMaxSlots || released[slot]) abort();
        for (size_t j = 0; j < i; ++j)
            if (entries[j].endpoint == slot) abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    memset(released, 0, sizeof released);
    static NameService* service;
    alignas(NameService) static uint8_t storage[sizeof(NameService)];
    service = new (storage) NameService(&record_release);  // fresh state per input
    static uint8_t out_of_line[4096];
    Slot next_slot = 1;
    // Each request: badge byte, method byte, length byte, then `length` bytes.
    while (size >= 3 && next_slot < kMaxSlots) {
        uint8_t badge = data[0] & 3, method = data[1], length = data[2];
        data += 3;
        size -= 3;
        if (length > size) length = static_cast<uint8_t>(size);
        Message message{};
        ipc::reset_message(message, kIds[method & 3]);
        message.badge = badge;
        message.flags = cairn::kMessageFlagCall;
        message.cap_count = (method >> 2) & 1;
        message.caps[0] = next_slot++;
        if (method & 0x80) {  // raw payload, out of line
            message.id |= ipc::kKindOutOfLine;
            uint32_t claimed = length + ((method >> 3) & 3);  // may lie
            memcpy(message.data, &claimed, 4);
            message.data_length = 4;
            memcpy(out_of_line, data, length);
            message.buffer = reinterpret_cast<uintptr_t>(out_of_line);
            message.buffer_length = length;
        } else {  // a name (u32 length + bytes), then the cap index for Register
            uint32_t name_length = length;
            if (name_length > 59) name_length = 59;
            memcpy(message.data, &name_length, 4);
            memcpy(message.data + 4, data, name_length);
            message.data_length = 4 + name_length;
            if ((method & 3) == 0 && message.data_length < 64)
                message.data[message.data_length++] = 0;
        }
        data += length;
        size -= length;
        Message reply{};
        service->dispatch(message, reply);
        if ((reply.id & ipc::kKindReply) == 0) abort();
        check_invariants(*service);
    }
    service->~NameService();
    return 0;
}
