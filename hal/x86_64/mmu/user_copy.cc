// hal/mm.h on x86_64: copy_from_user and copy_to_user.
#include <stddef.h>

#include "hal/mm.h"
#include "hal/x86_64/memory_layout.h"

// mmu/user_copy.S: returns the number of bytes not copied.
extern "C" size_t x86_64_copy_user(void* destination, const void* source, size_t length);

namespace hal::mm {
namespace {

// The whole range lies in the lower half: it neither starts in the kernel
// half nor wraps into it.
bool is_user_range(VirtualAddress address, size_t length) {
    return address < x86_64::kUserSpaceEnd && length <= x86_64::kUserSpaceEnd - address;
}

}  // namespace

os::ErrorOr<void> copy_from_user(void* destination, VirtualAddress source, size_t length) {
    if (!is_user_range(source, length)) return os::Error::kBadAddress;
    if (x86_64_copy_user(destination, reinterpret_cast<const void*>(source), length) != 0) {
        return os::Error::kBadAddress;
    }
    return {};
}

os::ErrorOr<void> copy_to_user(VirtualAddress destination, const void* source, size_t length) {
    if (!is_user_range(destination, length)) return os::Error::kBadAddress;
    if (x86_64_copy_user(reinterpret_cast<void*>(destination), source, length) != 0) {
        return os::Error::kBadAddress;
    }
    return {};
}

}  // namespace hal::mm
