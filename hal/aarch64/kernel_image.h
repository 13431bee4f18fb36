// Where the kernel image lies in physical memory, from symbols linker.ld
// defines: from the Image header to the end of .bss and the boot stack.
#pragma once

#include <stdint.h>

extern "C" {
extern char __kernel_start[];
extern char __kernel_end[];
}

namespace hal::aarch64 {

inline uint64_t kernel_image_start() {
    return reinterpret_cast<uintptr_t>(__kernel_start);
}
inline uint64_t kernel_image_size() {
    return reinterpret_cast<uintptr_t>(__kernel_end) - kernel_image_start();
}

}  // namespace hal::aarch64
