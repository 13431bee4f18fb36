// copy_from_user / copy_to_user: a range check against the lower half, then
// user_copy.S, whose faults trap.cc turns into a return value.
#include "hal/mm.h"

extern "C" int riscv64_copy_user(void* destination, const void* source, size_t length);

namespace hal::mm {
namespace {

// The whole of [address, address + length) lies below user_space_end().
bool is_user_range(VirtualAddress address, size_t length) {
    return address < user_space_end() && length <= user_space_end() - address;
}

}  // namespace

os::ErrorOr<void> copy_from_user(void* destination, VirtualAddress source, size_t length) {
    if (length == 0) return {};
    if (!is_user_range(source, length)) return os::Error::kBadAddress;
    if (riscv64_copy_user(destination, reinterpret_cast<const void*>(source), length) != 0)
        return os::Error::kBadAddress;
    return {};
}

os::ErrorOr<void> copy_to_user(VirtualAddress destination, const void* source, size_t length) {
    if (length == 0) return {};
    if (!is_user_range(destination, length)) return os::Error::kBadAddress;
    if (riscv64_copy_user(reinterpret_cast<void*>(destination), source, length) != 0)
        return os::Error::kBadAddress;
    return {};
}

}  // namespace hal::mm
