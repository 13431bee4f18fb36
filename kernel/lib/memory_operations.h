// Word-at-a-time memory copy and fill for freestanding code: the bodies of
// the kernel's memcpy/memmove/memset (memory_functions.cc), kept here so host
// tests can check them against the C library.
//
// Page faults zero or copy whole pages, so these are on the hot path: eight
// 64-bit words per iteration once the destination is aligned. Unaligned
// word accesses are avoided altogether (riscv64 may trap on them), so a
// source and destination that disagree in alignment fall back to bytes.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace os {

namespace memory_detail {

using Word = uint64_t __attribute__((__may_alias__));
inline constexpr size_t kWordSize = sizeof(uint64_t);

inline bool word_aligned(const void* pointer) {
    return (reinterpret_cast<uintptr_t>(pointer) & (kWordSize - 1)) == 0;
}

}  // namespace memory_detail

// The compiler must not turn these loops back into calls to the functions
// they implement.
__attribute__((no_builtin)) inline void copy_forward(unsigned char* to, const unsigned char* from,
                                                     size_t count) {
    using namespace memory_detail;
    if (((reinterpret_cast<uintptr_t>(to) ^ reinterpret_cast<uintptr_t>(from)) & (kWordSize - 1)) ==
        0) {
        while (count > 0 && !word_aligned(to)) {
            *to++ = *from++;
            --count;
        }
        auto* to_words = reinterpret_cast<Word*>(to);
        const auto* from_words = reinterpret_cast<const Word*>(from);
        for (; count >= 8 * kWordSize; count -= 8 * kWordSize) {
            Word a = from_words[0], b = from_words[1], c = from_words[2], d = from_words[3];
            Word e = from_words[4], f = from_words[5], g = from_words[6], h = from_words[7];
            to_words[0] = a, to_words[1] = b, to_words[2] = c, to_words[3] = d;
            to_words[4] = e, to_words[5] = f, to_words[6] = g, to_words[7] = h;
            to_words += 8;
            from_words += 8;
        }
        for (; count >= kWordSize; count -= kWordSize)
            *to_words++ = *from_words++;
        to = reinterpret_cast<unsigned char*>(to_words);
        from = reinterpret_cast<const unsigned char*>(from_words);
    }
    while (count--)
        *to++ = *from++;
}

__attribute__((no_builtin)) inline void copy_backward(unsigned char* to_end,
                                                      const unsigned char* from_end, size_t count) {
    using namespace memory_detail;
    if (((reinterpret_cast<uintptr_t>(to_end) ^ reinterpret_cast<uintptr_t>(from_end)) &
         (kWordSize - 1)) == 0) {
        while (count > 0 && !word_aligned(to_end)) {
            *--to_end = *--from_end;
            --count;
        }
        auto* to_words = reinterpret_cast<Word*>(to_end);
        const auto* from_words = reinterpret_cast<const Word*>(from_end);
        for (; count >= kWordSize; count -= kWordSize)
            *--to_words = *--from_words;
        to_end = reinterpret_cast<unsigned char*>(to_words);
        from_end = reinterpret_cast<const unsigned char*>(from_words);
    }
    while (count--)
        *--to_end = *--from_end;
}

__attribute__((no_builtin)) inline void fill(unsigned char* to, unsigned char value, size_t count) {
    using namespace memory_detail;
    while (count > 0 && !word_aligned(to)) {
        *to++ = value;
        --count;
    }
    Word pattern = value * 0x0101010101010101ull;
    auto* words = reinterpret_cast<Word*>(to);
    for (; count >= 8 * kWordSize; count -= 8 * kWordSize) {
        words[0] = pattern, words[1] = pattern, words[2] = pattern, words[3] = pattern;
        words[4] = pattern, words[5] = pattern, words[6] = pattern, words[7] = pattern;
        words += 8;
    }
    for (; count >= kWordSize; count -= kWordSize)
        *words++ = pattern;
    to = reinterpret_cast<unsigned char*>(words);
    while (count--)
        *to++ = value;
}

}  // namespace os
