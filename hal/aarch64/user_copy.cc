// copy_from_user / copy_to_user of hal/mm.h: the range check here, the copy
// and its fault recovery in user_copy.S.
#include "hal/aarch64/user_copy.h"

#include "hal/aarch64/memory_layout.h"
#include "hal/mm.h"

extern "C" {
size_t aarch64_copy_from_user(void* to, uint64_t user_from, size_t count);
size_t aarch64_copy_to_user(uint64_t user_to, const void* from, size_t count);
extern char aarch64_user_copy_start[];
extern char aarch64_user_copy_end[];
extern char aarch64_user_copy_fault[];
}

namespace hal::aarch64 {
namespace {

// [start, start + length) lies entirely in the user half (and does not wrap).
bool is_user_range(uint64_t start, size_t length) {
    return length <= USER_SPACE_END && start <= USER_SPACE_END - length;
}

}  // namespace

bool is_user_copy_instruction(uint64_t pc) {
    return pc >= reinterpret_cast<uint64_t>(aarch64_user_copy_start) &&
           pc < reinterpret_cast<uint64_t>(aarch64_user_copy_end);
}

uint64_t user_copy_recovery_point() {
    return reinterpret_cast<uint64_t>(aarch64_user_copy_fault);
}

}  // namespace hal::aarch64

namespace hal::mm {

os::ErrorOr<void> copy_from_user(void* destination, VirtualAddress source, size_t length) {
    if (!aarch64::is_user_range(source, length)) return os::Error::kBadAddress;
    if (aarch64_copy_from_user(destination, source, length) != 0) return os::Error::kBadAddress;
    return {};
}

os::ErrorOr<void> copy_to_user(VirtualAddress destination, const void* source, size_t length) {
    if (!aarch64::is_user_range(destination, length)) return os::Error::kBadAddress;
    if (aarch64_copy_to_user(destination, source, length) != 0) return os::Error::kBadAddress;
    return {};
}

}  // namespace hal::mm
