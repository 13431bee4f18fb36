// The TSS I/O permission bitmap edits (cpu/io_bitmap.h) against a bit-by-bit
// reference, for ranges at byte boundaries, inside one byte, across bytes
// and at both ends of the port space.
#include "hal/x86_64/cpu/io_bitmap.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace hal::x86_64 {
namespace {

struct Bitmap {
    Bitmap() : bytes(kIoBitmapBytes + 1, 0xff) {}
    std::vector<uint8_t> bytes;  // + the trailing 0xff byte
};

TEST(IoBitmap, StartsDeniedAndOpensExactlyTheRange) {
    Bitmap bitmap;
    set_port_bits(bitmap.bytes.data(), 0x3f8, 8, true);
    for (uint32_t port = 0; port < 65536; ++port) {
        bool inside = port >= 0x3f8 && port < 0x400;
        EXPECT_EQ(ports_allowed(bitmap.bytes.data(), port, 1), inside) << port;
    }
    EXPECT_EQ(bitmap.bytes[0x3f8 / 8], 0x00);
    EXPECT_EQ(bitmap.bytes[kIoBitmapBytes], 0xff);  // the trailing byte stays
}

TEST(IoBitmap, MultiBytePortAccessNeedsEveryPort) {
    Bitmap bitmap;
    set_port_bits(bitmap.bytes.data(), 0x3f9, 2, true);
    EXPECT_TRUE(ports_allowed(bitmap.bytes.data(), 0x3f9, 2));
    EXPECT_FALSE(ports_allowed(bitmap.bytes.data(), 0x3f9, 4));  // inl reaches 0x3fc
    EXPECT_FALSE(ports_allowed(bitmap.bytes.data(), 0x3f8, 2));
}

TEST(IoBitmap, WholeSpaceAndLastPort) {
    Bitmap bitmap;
    set_port_bits(bitmap.bytes.data(), 0, 65536, true);
    for (size_t i = 0; i < kIoBitmapBytes; ++i)
        ASSERT_EQ(bitmap.bytes[i], 0);
    EXPECT_EQ(bitmap.bytes[kIoBitmapBytes], 0xff);
    set_port_bits(bitmap.bytes.data(), 0, 65536, false);
    for (size_t i = 0; i < kIoBitmapBytes; ++i)
        ASSERT_EQ(bitmap.bytes[i], 0xff);
    set_port_bits(bitmap.bytes.data(), 65535, 1, true);
    EXPECT_EQ(bitmap.bytes[kIoBitmapBytes - 1], 0x7f);
    EXPECT_TRUE(ports_allowed(bitmap.bytes.data(), 65535, 1));
    EXPECT_FALSE(ports_allowed(bitmap.bytes.data(), 65535, 2));  // past the end
}

TEST(IoBitmap, RandomEditsMatchAReference) {
    std::mt19937 random(5);
    Bitmap bitmap;
    std::vector<bool> allowed(65536, false);
    for (int step = 0; step < 2000; ++step) {
        uint32_t first = random() % 65536;
        uint32_t count = 1 + random() % (step % 10 == 0 ? 4096 : 40);
        if (first + count > 65536) count = 65536 - first;
        bool allow = random() % 2 == 0;
        set_port_bits(bitmap.bytes.data(), first, count, allow);
        for (uint32_t port = first; port < first + count; ++port)
            allowed[port] = allow;
        uint32_t probe = random() % 65536;
        ASSERT_EQ(ports_allowed(bitmap.bytes.data(), probe, 1), allowed[probe]);
    }
    for (uint32_t port = 0; port < 65536; ++port)
        ASSERT_EQ(ports_allowed(bitmap.bytes.data(), port, 1), allowed[port]) << port;
    EXPECT_EQ(bitmap.bytes[kIoBitmapBytes], 0xff);
}

}  // namespace
}  // namespace hal::x86_64
