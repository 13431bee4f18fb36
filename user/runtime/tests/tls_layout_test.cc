#include "user/runtime/logic/tls_layout.h"

#include <stdint.h>
#include <string.h>

#include <vector>

#include "gtest/gtest.h"

namespace cairn::runtime {
namespace {

// The thread-pointer offset lld gives the first byte of the TLS segment
// (lld's getTlsTpOffset with symbol offset 0), per variant.
int64_t linker_offset(const TlsImage& image, TlsVariant variant) {
    const uint64_t mask = image.alignment <= 1 ? 0 : image.alignment - 1;
    switch (variant) {
        case TlsVariant::kAarch64:
            return 16 + ((image.address - 16) & mask);
        case TlsVariant::kRiscv64:
            return image.address & mask;
        case TlsVariant::kX86_64:
            return -static_cast<int64_t>(image.memory_size) -
                   static_cast<int64_t>((0 - image.address - image.memory_size) & mask);
    }
    return 0;
}

void expect_matches_linker(const TlsImage& image, TlsVariant variant) {
    const TlsLayout layout = compute_tls_layout(image, variant);
    ASSERT_GT(layout.size, 0u);
    EXPECT_EQ(static_cast<int64_t>(layout.block) - static_cast<int64_t>(layout.thread_pointer),
              linker_offset(image, variant));
    // The block fits in the area, and so does the TCB.
    EXPECT_LE(layout.block + image.memory_size, layout.size);
    EXPECT_GE(layout.alignment, 16u);
    EXPECT_EQ(layout.alignment & (layout.alignment - 1), 0u);
    if (image.alignment > 1) {
        // With the area aligned, tp is aligned to p_align as the linker assumed.
        EXPECT_EQ(layout.thread_pointer % image.alignment, 0u);
    }
}

TEST(TlsLayout, Aarch64SmallAlignment) {
    const TlsImage image{.address = 0x401000, .file_size = 8, .memory_size = 24, .alignment = 8};
    const TlsLayout layout = compute_tls_layout(image, TlsVariant::kAarch64);
    EXPECT_EQ(layout.thread_pointer, 0u);
    EXPECT_EQ(layout.block, 16u);  // right after the 16-byte TCB
    EXPECT_EQ(layout.size, 48u);   // 16 + 24, rounded to 16
    EXPECT_FALSE(layout.has_self_pointer);
    expect_matches_linker(image, TlsVariant::kAarch64);
}

TEST(TlsLayout, Aarch64LargeAlignmentPadsAfterTcb) {
    const TlsImage image{.address = 0x402000, .file_size = 0, .memory_size = 64, .alignment = 64};
    const TlsLayout layout = compute_tls_layout(image, TlsVariant::kAarch64);
    EXPECT_EQ(layout.block, 64u);
    EXPECT_EQ(layout.alignment, 64u);
    expect_matches_linker(image, TlsVariant::kAarch64);
}

TEST(TlsLayout, Riscv64BlockStartsAtThreadPointer) {
    const TlsImage image{.address = 0x403000, .file_size = 4, .memory_size = 12, .alignment = 4};
    const TlsLayout layout = compute_tls_layout(image, TlsVariant::kRiscv64);
    EXPECT_EQ(layout.thread_pointer, 0u);
    EXPECT_EQ(layout.block, 0u);
    expect_matches_linker(image, TlsVariant::kRiscv64);
}

TEST(TlsLayout, X86_64BlockEndsAtThreadPointerWithSelfPointer) {
    const TlsImage image{.address = 0x404000, .file_size = 16, .memory_size = 40, .alignment = 8};
    const TlsLayout layout = compute_tls_layout(image, TlsVariant::kX86_64);
    EXPECT_TRUE(layout.has_self_pointer);
    EXPECT_EQ(layout.self_pointer, layout.thread_pointer);
    EXPECT_EQ(layout.thread_pointer, 48u);  // 40 rounded up to tp's 16-byte alignment
    EXPECT_EQ(layout.block, 8u);
    EXPECT_GE(layout.size, layout.thread_pointer + 8);
    expect_matches_linker(image, TlsVariant::kX86_64);
}

TEST(TlsLayout, MatchesLinkerAcrossShapes) {
    const TlsVariant variants[] = {TlsVariant::kAarch64, TlsVariant::kRiscv64, TlsVariant::kX86_64};
    for (TlsVariant variant : variants) {
        for (size_t alignment : {1, 2, 8, 16, 32, 64, 128, 4096}) {
            for (size_t size : {0, 1, 7, 24, 100, 4096}) {
                for (uintptr_t address : {0x400000, 0x400008, 0x400010, 0x400030}) {
                    address &= ~(alignment - 1);  // the linker aligns the segment
                    const TlsImage image{.address = address,
                                         .file_size = size / 2,
                                         .memory_size = size,
                                         .alignment = alignment};
                    SCOPED_TRACE(testing::Message() << "variant " << static_cast<int>(variant)
                                                    << " align " << alignment << " size " << size);
                    expect_matches_linker(image, variant);
                }
            }
        }
    }
}

TEST(TlsLayout, NoTlsSegmentStillGivesAnArea) {
    const TlsLayout x86 = compute_tls_layout(TlsImage{}, TlsVariant::kX86_64);
    EXPECT_GE(x86.size, x86.thread_pointer + 8);  // room for the self-pointer
    const TlsLayout arm = compute_tls_layout(TlsImage{}, TlsVariant::kAarch64);
    EXPECT_GE(arm.size, 16u);
}

TEST(TlsLayout, RejectsBadSegments) {
    EXPECT_EQ(compute_tls_layout({.memory_size = 8, .alignment = 12}, TlsVariant::kX86_64).size,
              0u);
    EXPECT_EQ(compute_tls_layout({.file_size = 16, .memory_size = 8, .alignment = 8},
                                 TlsVariant::kAarch64)
                  .size,
              0u);
}

TEST(TlsLayout, InitializeCopiesImageZeroesRestAndWritesSelfPointer) {
    alignas(16) static const unsigned char image_bytes[16] = {1, 2, 3, 4, 5, 6, 7, 8,
                                                              9, 10, 11, 12, 13, 14, 15, 16};
    const TlsImage image{.address = reinterpret_cast<uintptr_t>(image_bytes),
                         .file_size = 16,
                         .memory_size = 32,
                         .alignment = 16};
    for (TlsVariant variant : {TlsVariant::kAarch64, TlsVariant::kRiscv64, TlsVariant::kX86_64}) {
        const TlsLayout layout = compute_tls_layout(image, variant);
        std::vector<unsigned char> storage(layout.size + layout.alignment, 0xcc);
        auto* area = reinterpret_cast<unsigned char*>(
            (reinterpret_cast<uintptr_t>(storage.data()) + layout.alignment - 1) &
            ~(layout.alignment - 1));
        const uintptr_t tp = initialize_tls_area(area, layout, image);
        EXPECT_EQ(tp, reinterpret_cast<uintptr_t>(area + layout.thread_pointer));
        EXPECT_EQ(memcmp(area + layout.block, image_bytes, 16), 0);
        for (size_t i = 16; i < 32; ++i) EXPECT_EQ(area[layout.block + i], 0) << i;
        if (layout.has_self_pointer) {
            EXPECT_EQ(*reinterpret_cast<uintptr_t*>(area + layout.self_pointer), tp);
        }
        // Nothing written past the area.
        EXPECT_EQ(storage.back(), 0xcc);
    }
}

}  // namespace
}  // namespace cairn::runtime
