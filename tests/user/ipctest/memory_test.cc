// memory: memory objects shared between address spaces and moved without
// a copy.
//   - map, unmap, map again: the object keeps its bytes; two mappings in one
//     space alias; per-mapping rights capped by the capability
//     (kMissingRights), W+X refused, ranges past the end kOutOfRange
//   - a 64 KiB object mapped by this process and a child: each sees the
//     other's writes
//   - zero-copy: memory_take moves 1 MiB of written pages into a memory
//     object (the range is unmapped, free memory does not drop by a copy),
//     the object moves to a child in a message, the child reads the bytes
#include <stdio.h>
#include <string.h>

#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::Message;
using cairn::ObjectType;
using namespace cairn::sys;

constexpr uint64_t kShared = 64 * 1024;
constexpr uint64_t kTaken = 1024 * 1024;
constexpr uint64_t kReadWrite = cairn::kMapRead | cairn::kMapWrite;

uint8_t pattern(uint64_t index, uint8_t seed) {
    return static_cast<uint8_t>((index * 31) ^ (index >> 9) ^ seed);
}

uint64_t checksum(const uint8_t* bytes, uint64_t length) {
    uint64_t sum = 0;
    for (uint64_t index = 0; index < length; ++index)
        sum = sum * 1099511628211ull + bytes[index];
    return sum;
}

void check_mapping_rules() {
    CapSlot memory = create(ObjectType::kMemory, kShared);
    CHECK_EQ(info(memory).size, kShared);
    Result first = memory_map(memory, kShared, kReadWrite);
    Result second = memory_map(memory, kShared, cairn::kMapRead);
    if (CHECK_OK(first) && CHECK_OK(second)) {
        auto* writable = reinterpret_cast<uint8_t*>(first.value());
        auto* readable = reinterpret_cast<const volatile uint8_t*>(second.value());
        writable[100] = 0x5a;
        writable[kShared - 1] = 0xa5;
        CHECK_EQ(readable[100], 0x5a);
        CHECK_EQ(readable[kShared - 1], 0xa5);
        CHECK_OK(as_unmap(0, first.value(), kShared));
        Result again = memory_map(memory, kShared, cairn::kMapRead);
        if (CHECK_OK(again)) CHECK_EQ(reinterpret_cast<uint8_t*>(again.value())[100], 0x5a);
        CHECK_OK(as_unmap(0, again.value(), kShared));
        CHECK_OK(as_unmap(0, second.value(), kShared));
    }
    CapSlot reader = cap_copy(memory, cairn::kRightRead | cairn::kRightDelete).value();
    CHECK_STATUS(memory_map(reader, kShared, kReadWrite), kMissingRights);
    Result read_only = memory_map(reader, kShared, cairn::kMapRead);
    if (CHECK_OK(read_only)) CHECK_OK(as_unmap(0, read_only.value(), kShared));
    CHECK_STATUS(memory_map(memory, kShared, cairn::kMapWrite | cairn::kMapExecute),
                 kPermissionDenied);
    CHECK_STATUS(memory_map(memory, 8192, cairn::kMapRead, kShared - 4096), kOutOfRange);
    CHECK_STATUS(memory_map(memory, 4096, cairn::kMapRead, 100), kInvalidArgument);
    CHECK_OK(cap_delete(reader));
    CHECK_OK(cap_delete(memory));
}

// Child "shared_memory": slot 1 the object, slot 2 the endpoint.
bool check_shared_with_child() {
    CapSlot memory = create(ObjectType::kMemory, kShared);
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot caps[] = {memory, endpoint};
    Result mapping = memory_map(memory, kShared, kReadWrite);
    if (!CHECK_OK(mapping)) return false;
    auto* bytes = reinterpret_cast<uint8_t*>(mapping.value());
    for (uint64_t index = 0; index < kShared / 2; ++index)
        bytes[index] = pattern(index, 1);
    uint64_t child = spawn_child("shared_memory", caps, 2);
    Message message = cairn::make_message(1);
    bool ok = CHECK_OK(ipc_call(endpoint, &message, 10 * kSecond)) && CHECK_EQ(message.id, 1);
    uint64_t matching = 0;
    for (uint64_t index = kShared / 2; index < kShared; ++index)
        matching += bytes[index] == pattern(index, 2);
    ok = CHECK_EQ(matching, kShared / 2) && ok;
    CHECK_EQ(wait_child(child), 0);
    CHECK_OK(as_unmap(0, mapping.value(), kShared));
    CHECK_OK(cap_delete(memory));
    CHECK_OK(cap_delete(endpoint));
    return ok;
}

// Child "zero_copy": slot 1 the endpoint; the object arrives in a message.
uint64_t check_zero_copy() {
    Result region = as_map(0, 0, kTaken, kReadWrite);
    if (!CHECK_OK(region)) return 0;
    auto* bytes = reinterpret_cast<uint8_t*>(region.value());
    for (uint64_t index = 0; index < kTaken; ++index)
        bytes[index] = pattern(index, 3);
    uint64_t sum = checksum(bytes, kTaken);
    cairn::SystemInfo before{}, after{};
    (void)system_info(&before);
    Result taken = memory_take(cairn::kInitQuotaSlot, region.value(), kTaken);
    (void)system_info(&after);
    if (!CHECK_OK(taken)) return 0;
    // No copy: at most a page table and the object's bookkeeping.
    CHECK(before.free_memory - after.free_memory < 64 * 1024);
    CHECK_EQ(info(taken.value()).size, kTaken);
    // The range is unmapped: a fixed mapping there succeeds and reads zero.
    Result fresh = as_map(0, region.value(), kTaken, kReadWrite, cairn::kMapFixed);
    if (CHECK_OK(fresh)) {
        CHECK_EQ(bytes[12345], 0);
        CHECK_OK(as_unmap(0, fresh.value(), kTaken));
    }
    CHECK_STATUS(memory_take(cairn::kInitQuotaSlot, region.value() + 1, 4096), kInvalidArgument);
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot server_end = cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    uint64_t child = spawn_child("zero_copy", &server_end, 1, /*move=*/1);
    Message message = cairn::make_message(1);
    cairn::attach_cap(message, taken.value(), /*move=*/true);
    uint64_t child_sum = 0;
    if (CHECK_OK(ipc_call(endpoint, &message, 10 * kSecond))) {
        const uint64_t* answer = cairn::get<uint64_t>(message);
        if (CHECK(answer != nullptr)) child_sum = *answer;
    }
    CHECK_EQ(child_sum, sum);
    cairn::CapInfo gone{};
    CHECK_STATUS(cap_info(taken.value(), &gone), kNoCapability);  // moved away
    CHECK_EQ(wait_child(child), 0);
    CHECK_OK(cap_delete(endpoint));
    return before.free_memory - after.free_memory;
}

}  // namespace

void run_memory() {
    uint64_t quota_before = info(cairn::kInitQuotaSlot).size;
    check_mapping_rules();
    bool shared = check_shared_with_child();
    uint64_t take_cost = check_zero_copy();
    // Every object is gone again, the taken pages' too: the quota is whole.
    CHECK_EQ(info(cairn::kInitQuotaSlot).size, quota_before);
    printf(
        "memory: 64 KiB object shared by 2 processes: %s; 1 MiB moved to a child without a "
        "copy (free memory -%llu KiB)\n",
        shared ? "each saw the other's writes" : "broken",
        static_cast<unsigned long long>(take_cost / 1024));
}

int child_shared_memory() {
    constexpr CapSlot kMemory = 1, kEndpoint = 2;
    Result mapping = memory_map(kMemory, kShared, kReadWrite);
    Message message = cairn::make_message();
    if (!mapping || !ipc_receive(kEndpoint, &message, 10 * kSecond)) return 1;
    auto* bytes = reinterpret_cast<uint8_t*>(mapping.value());
    bool seen = true;
    for (uint64_t index = 0; index < kShared / 2; ++index)
        seen = seen && bytes[index] == pattern(index, 1);
    for (uint64_t index = kShared / 2; index < kShared; ++index)
        bytes[index] = pattern(index, 2);
    message = cairn::make_message(seen ? 1 : 2);
    return ipc_reply(0, message) ? 0 : 3;
}

int child_zero_copy() {
    constexpr CapSlot kEndpoint = 1;
    Message message = cairn::make_message();
    if (!ipc_receive(kEndpoint, &message, 10 * kSecond) || message.cap_count != 1) return 1;
    Result mapping = memory_map(message.caps[0], kTaken, cairn::kMapRead);
    uint64_t sum = mapping ? checksum(reinterpret_cast<uint8_t*>(mapping.value()), kTaken) : 0;
    message = cairn::make_message(2);
    cairn::put(message, sum);
    return ipc_reply(0, message) ? 0 : 3;
}

}  // namespace ipctest
