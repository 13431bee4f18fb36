// memcpy, memmove, memset and memcmp for freestanding builds: the compiler
// emits calls to these even when no code names them (struct copies, zeroing).
// Host builds use the C library's instead, so this file is bare-metal only;
// the word-wide bodies live in memory_operations.h, which host tests check.
#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/memory_operations.h"

extern "C" {

void* memcpy(void* destination, const void* source, size_t count) {
    os::copy_forward(static_cast<unsigned char*>(destination),
                     static_cast<const unsigned char*>(source), count);
    return destination;
}

void* memmove(void* destination, const void* source, size_t count) {
    auto* to = static_cast<unsigned char*>(destination);
    const auto* from = static_cast<const unsigned char*>(source);
    // Forward is safe when the destination starts below the source (or the
    // ranges do not overlap at all); otherwise copy from the end down.
    if (to <= from || to >= from + count) {
        os::copy_forward(to, from, count);
    } else {
        os::copy_backward(to + count, from + count, count);
    }
    return destination;
}

void* memset(void* destination, int value, size_t count) {
    os::fill(static_cast<unsigned char*>(destination), static_cast<unsigned char>(value), count);
    return destination;
}

int memcmp(const void* a, const void* b, size_t count) {
    const auto* left = static_cast<const unsigned char*>(a);
    const auto* right = static_cast<const unsigned char*>(b);
    for (; count--; ++left, ++right) {
        if (*left != *right) return *left - *right;
    }
    return 0;
}

}  // extern "C"
