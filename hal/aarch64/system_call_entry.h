// What vectors.S's system call entry (slot 8) knows of the C++ side: the
// numbers hal::syscall::has_fast_path() names and the symbols it uses.
// user_traps.cc includes this, so the static_asserts below check the
// numbers; a symbol whose C++ declaration changed fails the link.
#pragma once

// cairn::Syscall::kIpcCall and kIpcReplyReceive.
#define SYSCALL_FAST_PATH_IPC_CALL 98
#define SYSCALL_FAST_PATH_IPC_REPLY_RECEIVE 100

// kernel::try_fast_syscall(uint64_t argument0, uint64_t argument1,
// uint64_t argument2, uint32_t number) (hal/user_mode.h), as the compiler
// names it.
#define SYSCALL_TRY_FAST_SYSCALL _ZN6kernel16try_fast_syscallEmmmj

#ifndef __ASSEMBLER__

#include <stdint.h>

#include "hal/user_mode.h"

namespace hal::aarch64::system_call_entry {

// has_fast_path() is true for exactly the two numbers the entry compares x8
// with, among the first 1024 (the system call table is far shorter).
constexpr bool fast_path_numbers_match() {
    for (uint64_t number = 0; number < 1024; ++number) {
        bool in_assembly =
            number == SYSCALL_FAST_PATH_IPC_CALL || number == SYSCALL_FAST_PATH_IPC_REPLY_RECEIVE;
        if (hal::syscall::has_fast_path(number) != in_assembly) return false;
    }
    return true;
}
static_assert(fast_path_numbers_match());

}  // namespace hal::aarch64::system_call_entry

#endif
