// A non-owning view of a contiguous array: pointer plus element count.
#pragma once

#include <stddef.h>

namespace os {

template <typename T>
class Span {
public:
    constexpr Span() = default;
    constexpr Span(T* data, size_t size) : data_(data), size_(size) {}
    template <size_t N>
    constexpr Span(T (&array)[N]) : data_(array), size_(N) {}

    constexpr T* data() const { return data_; }
    constexpr size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr T& operator[](size_t index) const { return data_[index]; }
    constexpr T* begin() const { return data_; }
    constexpr T* end() const { return data_ + size_; }

    // The sub-view [offset, offset + count), clamped to this view's bounds.
    constexpr Span slice(size_t offset, size_t count) const {
        if (offset > size_) offset = size_;
        if (count > size_ - offset) count = size_ - offset;
        return Span(data_ + offset, count);
    }

private:
    T* data_ = nullptr;
    size_t size_ = 0;
};

using Bytes = Span<const unsigned char>;

}  // namespace os
