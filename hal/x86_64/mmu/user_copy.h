// What the page-fault handler needs to know about the user-copy routine
// (mmu/user_copy.S): which instruction may fault on user memory, and where
// to resume when that fault cannot be resolved.
#pragma once

#include <stdint.h>

extern "C" const char x86_64_user_copy_access[];
extern "C" const char x86_64_user_copy_access_end[];
extern "C" const char x86_64_user_copy_recovery[];

namespace hal::x86_64 {

inline bool is_user_copy_access(uint64_t pc) {
    return pc >= reinterpret_cast<uint64_t>(x86_64_user_copy_access) &&
           pc < reinterpret_cast<uint64_t>(x86_64_user_copy_access_end);
}

inline uint64_t user_copy_recovery_point() {
    return reinterpret_cast<uint64_t>(x86_64_user_copy_recovery);
}

}  // namespace hal::x86_64
