#include "user/runtime/logic/tls_layout.h"

namespace cairn::runtime {
namespace {

constexpr size_t kMinimumAlignment = 16;
constexpr size_t kAarch64TcbSize = 16;
// x86_64: the word at tp points to itself; the rest is room for the
// runtime's own TCB fields later (and keeps tp's block 16 bytes).
constexpr size_t kX86_64TcbSize = 16;

constexpr size_t align_up(size_t value, size_t alignment) {
    return (value + alignment - 1) & ~(alignment - 1);
}

constexpr bool is_power_of_two(size_t value) {
    return value != 0 && (value & (value - 1)) == 0;
}

}  // namespace

TlsLayout compute_tls_layout(const TlsImage& image, TlsVariant variant) {
    const size_t align = image.alignment <= 1 ? 1 : image.alignment;
    if (!is_power_of_two(align) || image.file_size > image.memory_size) return {};
    const size_t mask = align - 1;

    TlsLayout layout;
    layout.alignment = align > kMinimumAlignment ? align : kMinimumAlignment;
    switch (variant) {
        case TlsVariant::kAarch64:
            layout.thread_pointer = 0;
            layout.block = kAarch64TcbSize + ((image.address - kAarch64TcbSize) & mask);
            layout.size = layout.block + image.memory_size;
            break;
        case TlsVariant::kRiscv64:
            layout.thread_pointer = 0;
            layout.block = image.address & mask;
            layout.size = layout.block + image.memory_size;
            break;
        case TlsVariant::kX86_64: {
            // The distance from the block's start up to tp.
            const size_t below = image.memory_size + ((0 - image.address - image.memory_size) & mask);
            layout.thread_pointer = align_up(below, layout.alignment);
            layout.block = layout.thread_pointer - below;
            layout.self_pointer = layout.thread_pointer;
            layout.has_self_pointer = true;
            layout.size = layout.thread_pointer + kX86_64TcbSize;
            break;
        }
    }
    // Never a zero-size area: the thread pointer must point at memory.
    if (layout.size < kMinimumAlignment) layout.size = kMinimumAlignment;
    layout.size = align_up(layout.size, kMinimumAlignment);
    return layout;
}

uintptr_t initialize_tls_area(void* area, const TlsLayout& layout, const TlsImage& image) {
    auto* bytes = static_cast<unsigned char*>(area);
    for (size_t i = 0; i < layout.size; ++i) bytes[i] = 0;
    const auto* source = reinterpret_cast<const unsigned char*>(image.address);
    for (size_t i = 0; i < image.file_size; ++i) bytes[layout.block + i] = source[i];
    const uintptr_t thread_pointer = reinterpret_cast<uintptr_t>(bytes + layout.thread_pointer);
    if (layout.has_self_pointer) {
        *reinterpret_cast<uintptr_t*>(bytes + layout.self_pointer) = thread_pointer;
    }
    return thread_pointer;
}

}  // namespace cairn::runtime
