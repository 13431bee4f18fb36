// The kernel's memcpy/memmove/memset bodies against the C library, over every
// small length and every relative alignment of source and destination,
// overlapping in both directions, with guard bytes around each destination.
#include "kernel/lib/memory_operations.h"

#include <gtest/gtest.h>
#include <string.h>

#include <random>
#include <vector>

namespace {

constexpr size_t kGuard = 16;

std::vector<unsigned char> random_bytes(size_t size, std::mt19937& random) {
    std::vector<unsigned char> bytes(size);
    for (auto& byte : bytes)
        byte = static_cast<unsigned char>(random());
    return bytes;
}

TEST(MemoryOperationsTest, CopyForwardMatchesMemcpy) {
    std::mt19937 random(1);
    for (size_t length = 0; length < 200; ++length) {
        for (size_t source_offset = 0; source_offset < 8; ++source_offset) {
            for (size_t destination_offset = 0; destination_offset < 8; ++destination_offset) {
                auto source = random_bytes(length + 16, random);
                auto ours = random_bytes(length + 2 * kGuard + 8, random);
                auto theirs = ours;
                os::copy_forward(ours.data() + kGuard + destination_offset,
                                 source.data() + source_offset, length);
                memcpy(theirs.data() + kGuard + destination_offset, source.data() + source_offset,
                       length);
                ASSERT_EQ(ours, theirs) << "length " << length << " offsets " << source_offset
                                        << "/" << destination_offset;
            }
        }
    }
}

TEST(MemoryOperationsTest, OverlappingCopiesMatchMemmove) {
    std::mt19937 random(2);
    for (size_t length = 0; length < 160; length += 3) {
        for (int shift = -17; shift <= 17; ++shift) {
            auto ours = random_bytes(length + 64, random);
            auto theirs = ours;
            unsigned char* from = ours.data() + 24;
            unsigned char* to = from + shift;
            if (to <= from) {
                os::copy_forward(to, from, length);
            } else {
                os::copy_backward(to + length, from + length, length);
            }
            memmove(theirs.data() + 24 + shift, theirs.data() + 24, length);
            ASSERT_EQ(ours, theirs) << "length " << length << " shift " << shift;
        }
    }
}

TEST(MemoryOperationsTest, FillMatchesMemset) {
    std::mt19937 random(3);
    for (size_t length = 0; length < 300; ++length) {
        for (size_t offset = 0; offset < 8; ++offset) {
            auto ours = random_bytes(length + 2 * kGuard + 8, random);
            auto theirs = ours;
            unsigned char value = static_cast<unsigned char>(random());
            os::fill(ours.data() + kGuard + offset, value, length);
            memset(theirs.data() + kGuard + offset, value, length);
            ASSERT_EQ(ours, theirs) << "length " << length << " offset " << offset;
        }
    }
}

TEST(MemoryOperationsTest, WholePages) {
    std::vector<uint64_t> source(512), destination(512, 7);
    for (size_t i = 0; i < source.size(); ++i)
        source[i] = i * 0x9e3779b97f4a7c15ull;
    os::copy_forward(reinterpret_cast<unsigned char*>(destination.data()),
                     reinterpret_cast<const unsigned char*>(source.data()), 4096);
    EXPECT_EQ(destination, source);
    os::fill(reinterpret_cast<unsigned char*>(destination.data()), 0, 4096);
    EXPECT_EQ(destination, std::vector<uint64_t>(512, 0));
}

}  // namespace
