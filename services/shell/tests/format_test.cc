#include "services/shell/format.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace cairn::shell {
namespace {

std::string text(const OutputBuffer& out) {
    return std::string(out.data(), out.length());
}

TEST(Format, DurationIsHoursMinutesSecondsMilliseconds) {
    OutputBuffer out;
    put_duration(out, 0);
    EXPECT_EQ(text(out), "0:00:00.000");
    out.clear();
    put_duration(out, 3'723'004'999'999ull);  // 1 h 2 min 3.004999999 s: truncated
    EXPECT_EQ(text(out), "1:02:03.004");
    out.clear();
    put_duration(out, 100ull * 3600 * 1'000'000'000 + 59'999'000'000ull);
    EXPECT_EQ(text(out), "100:00:59.999");
}

TEST(Format, ParseSecondsTakesWholeAndFractionalSeconds) {
    uint64_t ns = 0;
    EXPECT_TRUE(parse_seconds("2", &ns));
    EXPECT_EQ(ns, 2000000000u);
    EXPECT_TRUE(parse_seconds("0.25", &ns));
    EXPECT_EQ(ns, 250000000u);
    EXPECT_TRUE(parse_seconds("1.0009", &ns));  // beyond milliseconds: ignored
    EXPECT_EQ(ns, 1000000000u);
    EXPECT_TRUE(parse_seconds("86400", &ns));
    EXPECT_EQ(ns, 86400000000000u);
    ns = 7;
    for (const char* bad : {"", "1.", ".5", "-1", "1s", "86401", "99999999999999999999", "1.2.3"}) {
        EXPECT_FALSE(parse_seconds(bad, &ns)) << bad;
        EXPECT_EQ(ns, 7u) << bad;
    }
}

TEST(Format, FormatsIntoABufferToo) {
    char buffer[kFormatCapacity];
    EXPECT_EQ(format_duration(buffer, 61'500'000'000ull), 11u);
    EXPECT_STREQ(buffer, "0:01:01.500");
    // The longest: 2^64 - 1 ns is 5124095 hours.
    EXPECT_EQ(format_duration(buffer, UINT64_MAX), 17u);
    EXPECT_STREQ(buffer, "5124095:34:33.709");
    EXPECT_EQ(format_mib(buffer, UINT64_MAX), 16u);
    EXPECT_STREQ(buffer, "17592186044415.9");
}

TEST(Format, MibHasOneTruncatedDecimal) {
    OutputBuffer out;
    put_mib(out, 1572864);  // 1.5 MiB
    EXPECT_EQ(text(out), "1.5");
    out.clear();
    put_mib(out, 1024 * 1024 - 1);
    EXPECT_EQ(text(out), "0.9");
    out.clear();
    put_mib(out, 2048ull * 1024 * 1024);
    EXPECT_EQ(text(out), "2048.0");
}

TEST(Format, SignedNumbersIncludingTheExtremes) {
    OutputBuffer out;
    put_signed(out, -3);
    out.put(' ');
    put_signed(out, 0);
    out.put(' ');
    put_signed(out, INT64_MIN);
    out.put(' ');
    put_signed(out, INT64_MAX);
    EXPECT_EQ(text(out), "-3 0 -9223372036854775808 9223372036854775807");
}

TEST(Format, StateNames) {
    EXPECT_STREQ(thread_state_name(0), "run");
    EXPECT_STREQ(thread_state_name(1), "wait");
    EXPECT_STREQ(thread_state_name(2), "exit");
    EXPECT_STREQ(thread_state_name(7), "?");
    EXPECT_STREQ(service_state_name(1), "running");
    EXPECT_STREQ(service_state_name(3), "failed");
    EXPECT_STREQ(service_state_name(4), "?");
}

TEST(Format, JoinWordsWithSingleSpacesOrRefuses) {
    char a[] = "hello", b[] = "big world", c[] = "";
    char* words[] = {a, b, c};
    char buffer[32];
    ASSERT_TRUE(join_words(words, 3, buffer, sizeof(buffer)));
    EXPECT_STREQ(buffer, "hello big world ");
    ASSERT_TRUE(join_words(words, 0, buffer, sizeof(buffer)));
    EXPECT_STREQ(buffer, "");
    // "hello big world" needs 16 bytes with its NUL.
    EXPECT_TRUE(join_words(words, 2, buffer, 16));
    EXPECT_FALSE(join_words(words, 2, buffer, 15));
    EXPECT_STREQ(buffer, "");
}

constexpr Column kColumns[] = {
    {"ID", 4, true},
    {"NAME", 6, false},
    {"CPU", 5, true},
    {"NOTE", 0, false},
};

TEST(TableWriter, AlignsColumnsWithoutTrailingBlanks) {
    OutputBuffer out;
    TableWriter table(kColumns, 4, out);
    table.header();
    table.number(7);
    table.text("init");
    table.signed_number(-12);
    table.text("x");
    table.end_row();
    table.number(12345);  // wider than its column: the row shifts
    table.text("name_server");
    table.end_row();  // the rest left empty: no padding after "name_server"
    EXPECT_EQ(text(out),
              "  ID  NAME      CPU  NOTE\r\n"
              "   7  init      -12  x\r\n"
              "12345  name_server\r\n");
}

TEST(TableWriter, ExtraCellsAreDropped) {
    OutputBuffer out;
    TableWriter table(kColumns, 1, out);
    table.number(1);
    table.number(2);
    table.end_row();
    EXPECT_EQ(text(out), "   1\r\n");
}

}  // namespace
}  // namespace cairn::shell
