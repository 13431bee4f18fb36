// The ELF e_machine value of the CPU this code is compiled for: what the
// kernel's ELF loader (kernel/elf) accepts for user programs. Picked by the
// compiler's target like hal/page_table_format.h; host builds (unit tests)
// get the host's.
#pragma once

#include <stdint.h>

namespace hal {

#if defined(__x86_64__)
inline constexpr uint16_t kElfMachine = 62;  // EM_X86_64
#elif defined(__aarch64__)
inline constexpr uint16_t kElfMachine = 183;  // EM_AARCH64
#elif defined(__riscv) && __riscv_xlen == 64
inline constexpr uint16_t kElfMachine = 243;  // EM_RISCV
#else
#error "hal::kElfMachine: unknown target architecture"
#endif

}  // namespace hal
