#include "kernel/syscall/user_memory.h"

#include <gtest/gtest.h>

#include "hal/mm.h"

namespace kernel::syscall {
namespace {

const uint64_t kEnd = hal::mm::user_space_end();

TEST(UserMemory, RangesMustLieInTheUserHalfWithoutWrapping) {
    EXPECT_TRUE(is_user_range(0x1000, 0x1000));
    EXPECT_TRUE(is_user_range(kEnd - 8, 8));
    EXPECT_FALSE(is_user_range(kEnd - 8, 9));
    EXPECT_FALSE(is_user_range(kEnd, 1));
    EXPECT_FALSE(is_user_range(0, 1));
    EXPECT_FALSE(is_user_range(~uint64_t{0} - 3, 8));  // wraps
    EXPECT_FALSE(is_user_range(0x1000, ~uint64_t{0}));
    EXPECT_FALSE(is_user_range(0xffff800000000000, 8));
    // Empty ranges are fine anywhere in the user half (nothing is touched).
    EXPECT_TRUE(is_user_range(0, 0));
    EXPECT_TRUE(is_user_range(kEnd, 0));
    EXPECT_FALSE(is_user_range(kEnd + 1, 0));
}

TEST(UserMemory, StructPointersMustBeAligned) {
    // The host HAL copies from host memory; the test's own variables stand
    // in for user memory.
    alignas(8) uint64_t words[2] = {0x1122334455667788, 0};
    uint64_t value = 0;
    auto address = reinterpret_cast<uint64_t>(&words[0]);
    ASSERT_FALSE(read_user(address, &value).is_error());
    EXPECT_EQ(value, 0x1122334455667788u);
    EXPECT_EQ(read_user(address + 4, &value).error(), os::Error::kBadAddress);
    EXPECT_EQ(write_user(address + 1, value).error(), os::Error::kBadAddress);
    ASSERT_FALSE(write_user(address + 8, uint64_t{5}).is_error());
    EXPECT_EQ(words[1], 5u);
}

TEST(UserMemory, CopiesRefuseKernelAndWrappingRanges) {
    char buffer[16];
    EXPECT_EQ(copy_in(buffer, 0xffff800000000000, 8).error(), os::Error::kBadAddress);
    EXPECT_EQ(copy_in(buffer, 0, 8).error(), os::Error::kBadAddress);
    EXPECT_EQ(copy_out(~uint64_t{0} - 3, buffer, 8).error(), os::Error::kBadAddress);
    EXPECT_FALSE(copy_in(buffer, 0x1234, 0).is_error());  // empty: nothing read
}

TEST(UserMemory, ResultsAreNegatedErrors) {
    EXPECT_EQ(error_result(os::Error::kBadAddress), -8);
    EXPECT_EQ(error_result(os::Error::kUnsupported), -4);
    EXPECT_EQ(result_of(os::ErrorOr<void>()), 0);
    EXPECT_EQ(result_of(os::ErrorOr<void>(os::Error::kTimedOut)), -11);
}

}  // namespace
}  // namespace kernel::syscall
