// Where the kernel image lies in physical memory, from symbols linker.ld
// defines: from the first byte of .text to the end of the boot and trap stacks.
#pragma once

#include <stdint.h>

extern "C" {
extern char __kernel_image_start[];
extern char __kernel_image_end[];
}

namespace hal::riscv64 {

inline uint64_t kernel_image_start() {
    return reinterpret_cast<uintptr_t>(__kernel_image_start);
}
inline uint64_t kernel_image_size() {
    return reinterpret_cast<uintptr_t>(__kernel_image_end) - kernel_image_start();
}

}  // namespace hal::riscv64
