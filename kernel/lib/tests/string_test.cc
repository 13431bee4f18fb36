// parse_decimal: the number words of the kernel command line.
#include "kernel/lib/string.h"

#include <gtest/gtest.h>

namespace os {
namespace {

TEST(ParseDecimalTest, AcceptsDigitsOnly) {
    uint64_t value = 7;
    EXPECT_TRUE(parse_decimal("0", &value));
    EXPECT_EQ(value, 0u);
    EXPECT_TRUE(parse_decimal("3", &value));
    EXPECT_EQ(value, 3u);
    EXPECT_TRUE(parse_decimal("0042", &value));
    EXPECT_EQ(value, 42u);
    EXPECT_TRUE(parse_decimal("9999999999999999999", &value));  // 19 digits: the most
    EXPECT_EQ(value, 9999999999999999999u);
}

TEST(ParseDecimalTest, RefusesAnythingElseAndLeavesTheValue) {
    for (const char* text : {"", "-1", "+1", " 1", "1 ", "1x", "0x10", "12345678901234567890"}) {
        uint64_t value = 7;
        EXPECT_FALSE(parse_decimal(text, &value)) << '"' << text << '"';
        EXPECT_EQ(value, 7u) << '"' << text << '"';
    }
}

}  // namespace
}  // namespace os
