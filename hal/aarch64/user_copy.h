// The user-copy routines of user_copy.S, as the fault handler sees them.
#pragma once

#include <stdint.h>

namespace hal::aarch64 {

// True if `pc` lies inside the copy routines, where a fault on a user address
// that cannot be resolved is the user's mistake, not the kernel's.
bool is_user_copy_instruction(uint64_t pc);

// Where such a fault resumes: the copy then fails with kBadAddress.
uint64_t user_copy_recovery_point();

}  // namespace hal::aarch64
