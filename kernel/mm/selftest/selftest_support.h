// Helpers shared by the memory-management self-tests: a scratch address
// space that is the current one for the test's duration, and byte patterns
// moved through the user-copy routines (the only way the kernel touches user
// memory, so every access below goes through the MMU and the fault path).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/mm/vm/address_space.h"

namespace kernel::mm::selftest_support {

// An address space created and activated for one test; destroyed (and the
// CPU left with no user address space) when the scope ends.
class ScratchSpace {
public:
    ScratchSpace();
    ~ScratchSpace();
    ScratchSpace(const ScratchSpace&) = delete;
    ScratchSpace& operator=(const ScratchSpace&) = delete;

    bool valid() const { return space_ != nullptr; }
    AddressSpace* get() const { return space_; }
    AddressSpace* operator->() const { return space_; }

private:
    AddressSpace* space_ = nullptr;
};

// Maps an anonymous region of `pages` pages at `address`; 0 on failure.
hal::mm::VirtualAddress map_anonymous(AddressSpace* space, hal::mm::VirtualAddress address,
                                      size_t pages, Permissions permissions);

// A fixed-address request for a region of `type` over `object`.
MapRequest object_request(RegionType type, MemoryObject* object, hal::mm::VirtualAddress address,
                          uint64_t length, Permissions permissions);

// Writes / checks `length` bytes of a pattern derived from `seed` at a user
// address of the current address space. false if a copy failed or a byte
// differs.
bool write_pattern(hal::mm::VirtualAddress address, size_t length, uint8_t seed);
bool check_pattern(hal::mm::VirtualAddress address, size_t length, uint8_t seed);

// One byte read or written through copy_{from,to}_user.
os::ErrorOr<uint8_t> read_byte(hal::mm::VirtualAddress address);
os::ErrorOr<void> write_byte(hal::mm::VirtualAddress address, uint8_t value);
// The byte at `address`, or -1 if reading it failed.
int peek(hal::mm::VirtualAddress address);

inline constexpr Permissions kReadWrite{.read = true, .write = true, .execute = false};
inline constexpr Permissions kReadOnly{.read = true, .write = false, .execute = false};

}  // namespace kernel::mm::selftest_support
