// hal::mm::kernel_segments: the image's parts as linker.ld lays them out,
// each page-aligned there so that kernel/mm can give each its own permissions.
#include "hal/mm.h"

extern "C" {
extern char __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[];
extern char __data_start[], __kernel_end[];  // .data, .bss, the boot tables and the stacks
}

namespace hal::mm {

size_t kernel_segments(KernelSegment* segments, size_t capacity) {
    const KernelSegment all[] = {
        {reinterpret_cast<VirtualAddress>(__text_start),
         reinterpret_cast<VirtualAddress>(__text_end), virtual_to_physical(__text_start), false,
         true, "text"},
        {reinterpret_cast<VirtualAddress>(__rodata_start),
         reinterpret_cast<VirtualAddress>(__rodata_end), virtual_to_physical(__rodata_start), false,
         false, "rodata"},
        {reinterpret_cast<VirtualAddress>(__data_start),
         reinterpret_cast<VirtualAddress>(__kernel_end), virtual_to_physical(__data_start), true,
         false, "data"},
    };
    size_t count = sizeof(all) / sizeof(all[0]);
    for (size_t i = 0; i < count && i < capacity; ++i)
        segments[i] = all[i];
    return count;
}

}  // namespace hal::mm
