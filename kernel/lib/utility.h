// The few <utility>/<new> pieces freestanding code needs. On hosted builds
// (host unit tests) the standard library's own declarations are used, so the
// same headers compile in both worlds.
#pragma once

#include <stddef.h>
#include <stdint.h>

#if __STDC_HOSTED__
#include <new>
#else
inline void* operator new(size_t, void* where) noexcept { return where; }
inline void* operator new[](size_t, void* where) noexcept { return where; }
#endif

namespace os {

// An atomic bool read relaxed as the byte it is: one loaded with
// __atomic_load_n is masked to its low bit first (an instruction more on
// riscv64 and aarch64), as the compiler cannot assume it holds 0 or 1. For
// flags tested on the IPC fast path.
inline bool load_flag_relaxed(const bool& flag) {
    return __atomic_load_n(reinterpret_cast<const uint8_t*>(&flag), __ATOMIC_RELAXED) != 0;
}

template <typename T>
struct RemoveReference {
    using Type = T;
};
template <typename T>
struct RemoveReference<T&> {
    using Type = T;
};
template <typename T>
struct RemoveReference<T&&> {
    using Type = T;
};

template <typename T>
constexpr typename RemoveReference<T>::Type&& move(T&& value) {
    return static_cast<typename RemoveReference<T>::Type&&>(value);
}

template <typename T>
constexpr T&& forward(typename RemoveReference<T>::Type& value) {
    return static_cast<T&&>(value);
}

template <typename T>
constexpr const T& min(const T& a, const T& b) {
    return b < a ? b : a;
}

template <typename T>
constexpr const T& max(const T& a, const T& b) {
    return a < b ? b : a;
}

template <typename T>
constexpr void swap(T& a, T& b) {
    T tmp = move(a);
    a = move(b);
    b = move(tmp);
}

// Returns true and stores a + b in *sum unless the addition overflows.
template <typename T>
constexpr bool checked_add(T a, T b, T* sum) {
    return !__builtin_add_overflow(a, b, sum);
}

constexpr uint64_t align_down(uint64_t value, uint64_t alignment) {
    return value & ~(alignment - 1);
}

constexpr uint64_t align_up(uint64_t value, uint64_t alignment) {
    return (value + alignment - 1) & ~(alignment - 1);
}

}  // namespace os
