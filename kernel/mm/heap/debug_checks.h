// Whether the heap's debug checks are compiled in. KERNEL_DEBUG_ALLOCATOR
// comes from kernel/mm/heap/BUILD: on for every build except `-c opt`, and
// forced either way with `--define=kernel_debug_allocator=on|off`. It is a
// `defines` of the heap library, so every user of the inline fast paths
// agrees with the library about it.
//
// With the checks on, the heap
//  - keeps one "allocated" bit per object and panics on a double free, even
//    when the freed object would only go into a per-CPU magazine;
//  - panics when a pointer handed to a free is not the start of an object of
//    that cache (foreign memory, a stack address, an interior pointer, an
//    object of another cache);
//  - fills freed objects of caches without a constructor with kPoisonByte and
//    verifies the fill when the object is handed out again, when it returns
//    to its slab and when its slab is released, naming the first changed
//    byte. (Caches with a constructor keep their objects constructed while
//    free, so their objects cannot be poisoned.)
#pragma once

#include <stdint.h>

namespace kernel::mm {

#ifdef KERNEL_DEBUG_ALLOCATOR
inline constexpr bool kAllocatorChecks = true;
#else
inline constexpr bool kAllocatorChecks = false;
#endif

// The fill of free objects (as Linux's POISON_FREE, so it is recognisable).
inline constexpr uint8_t kPoisonByte = 0x6b;

}  // namespace kernel::mm
