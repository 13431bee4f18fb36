#include "kernel/mm/selftest/selftest_support.h"

namespace kernel::mm::selftest_support {
namespace {

uint8_t pattern_byte(size_t index, uint8_t seed) {
    return static_cast<uint8_t>(index * 7 + seed + (index >> 8));
}

}  // namespace

ScratchSpace::ScratchSpace() {
    auto created = as_create();
    if (created.is_error()) return;
    space_ = created.value();
    as_switch(space_);
}

ScratchSpace::~ScratchSpace() {
    if (space_ == nullptr) return;
    as_switch(nullptr);
    as_destroy(space_);
}

hal::mm::VirtualAddress map_anonymous(AddressSpace* space, hal::mm::VirtualAddress address,
                                      size_t pages, Permissions permissions) {
    MapRequest request;
    request.type = RegionType::kAnonymous;
    request.permissions = permissions;
    request.length = pages * hal::mm::kPageSize;
    request.address = address;
    request.fixed = address != 0;
    auto mapped = space->map(request);
    return mapped.is_error() ? 0 : mapped.value();
}

MapRequest object_request(RegionType type, MemoryObject* object, hal::mm::VirtualAddress address,
                          uint64_t length, Permissions permissions) {
    MapRequest request;
    request.type = type;
    request.permissions = permissions;
    request.length = length;
    request.object = object;
    request.address = address;
    request.fixed = true;
    return request;
}

bool write_pattern(hal::mm::VirtualAddress address, size_t length, uint8_t seed) {
    uint8_t chunk[256];
    for (size_t done = 0; done < length;) {
        size_t now = length - done < sizeof(chunk) ? length - done : sizeof(chunk);
        for (size_t i = 0; i < now; ++i)
            chunk[i] = pattern_byte(done + i, seed);
        if (hal::mm::copy_to_user(address + done, chunk, now).is_error()) return false;
        done += now;
    }
    return true;
}

bool check_pattern(hal::mm::VirtualAddress address, size_t length, uint8_t seed) {
    uint8_t chunk[256];
    for (size_t done = 0; done < length;) {
        size_t now = length - done < sizeof(chunk) ? length - done : sizeof(chunk);
        if (hal::mm::copy_from_user(chunk, address + done, now).is_error()) return false;
        for (size_t i = 0; i < now; ++i) {
            if (chunk[i] != pattern_byte(done + i, seed)) return false;
        }
        done += now;
    }
    return true;
}

os::ErrorOr<uint8_t> read_byte(hal::mm::VirtualAddress address) {
    uint8_t value = 0;
    TRY(hal::mm::copy_from_user(&value, address, 1));
    return value;
}

os::ErrorOr<void> write_byte(hal::mm::VirtualAddress address, uint8_t value) {
    return hal::mm::copy_to_user(address, &value, 1);
}

int peek(hal::mm::VirtualAddress address) {
    auto value = read_byte(address);
    return value.is_error() ? -1 : value.value();
}

}  // namespace kernel::mm::selftest_support
