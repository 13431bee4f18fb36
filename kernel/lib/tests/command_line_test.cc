// CommandLine: lookups of `key` and `key=value` words in boot arguments.
#include "kernel/lib/command_line.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace os {
namespace {

// The value of `key`, or "<none>" when value() returns false.
std::string value_of(const CommandLine& command_line, const char* key, size_t capacity = 64) {
    char buffer[64];
    std::memset(buffer, '#', sizeof(buffer));
    if (!command_line.value(key, buffer, capacity))
        return "<none>";
    return buffer;
}

TEST(CommandLineTest, EmptyAndNullCommandLines) {
    for (const char* text : {static_cast<const char*>(nullptr), "", "   ", "\t\n"}) {
        CommandLine command_line(text);
        EXPECT_NE(command_line.text(), nullptr);
        EXPECT_FALSE(command_line.has("quiet"));
        EXPECT_EQ(value_of(command_line, "quiet"), "<none>");
        EXPECT_FALSE(command_line.equals("quiet", ""));
    }
    EXPECT_STREQ(CommandLine(nullptr).text(), "");
}

TEST(CommandLineTest, FindsBareWordsAndKeysWithValues) {
    CommandLine command_line("console=ttyS0,115200 quiet init=/sbin/init loglevel=7");
    EXPECT_TRUE(command_line.has("console"));
    EXPECT_TRUE(command_line.has("quiet"));
    EXPECT_TRUE(command_line.has("init"));
    EXPECT_TRUE(command_line.has("loglevel"));
    EXPECT_FALSE(command_line.has("debug"));
    EXPECT_EQ(value_of(command_line, "console"), "ttyS0,115200");
    EXPECT_EQ(value_of(command_line, "init"), "/sbin/init");
    EXPECT_EQ(value_of(command_line, "loglevel"), "7");
    // A bare word has no value.
    EXPECT_EQ(value_of(command_line, "quiet"), "<none>");
}

TEST(CommandLineTest, KeysMatchWholeWordsOnly) {
    CommandLine command_line("console=ttyS0 quietly nosmp=1 x");
    EXPECT_FALSE(command_line.has("con"));
    EXPECT_FALSE(command_line.has("consoles"));
    EXPECT_FALSE(command_line.has("quiet"));
    EXPECT_FALSE(command_line.has("smp"));
    EXPECT_FALSE(command_line.has("ttyS0"));  // a value is not a key
    EXPECT_FALSE(command_line.has("console=tty"));
    EXPECT_TRUE(command_line.has("x"));
    EXPECT_EQ(value_of(command_line, "consol"), "<none>");
}

TEST(CommandLineTest, AcceptsAnyWhitespaceBetweenWords) {
    CommandLine command_line("  \tfirst=1\n\nsecond \t third=3  ");
    EXPECT_EQ(value_of(command_line, "first"), "1");
    EXPECT_TRUE(command_line.has("second"));
    EXPECT_EQ(value_of(command_line, "third"), "3");
}

TEST(CommandLineTest, ValuesMayBeEmptyOrContainEquals) {
    CommandLine command_line("empty= root=LABEL=boot");
    EXPECT_TRUE(command_line.has("empty"));
    EXPECT_EQ(value_of(command_line, "empty"), "");
    EXPECT_TRUE(command_line.equals("empty", ""));
    EXPECT_EQ(value_of(command_line, "root"), "LABEL=boot");
    EXPECT_TRUE(command_line.equals("root", "LABEL=boot"));
    EXPECT_FALSE(command_line.has("LABEL"));
}

TEST(CommandLineTest, ValueUsesTheFirstKeyWithAValue) {
    CommandLine command_line("debug=1 debug=2");
    EXPECT_EQ(value_of(command_line, "debug"), "1");

    // A bare occurrence before it does not hide the value.
    CommandLine bare_first("trace trace=all");
    EXPECT_EQ(value_of(bare_first, "trace"), "all");
}

TEST(CommandLineTest, EqualsComparesWholeValues) {
    CommandLine command_line("mode=fast verbose log=on");
    EXPECT_TRUE(command_line.equals("mode", "fast"));
    EXPECT_FALSE(command_line.equals("mode", "fas"));
    EXPECT_FALSE(command_line.equals("mode", "faster"));
    EXPECT_FALSE(command_line.equals("mode", ""));
    EXPECT_FALSE(command_line.equals("verbose", ""));  // bare: no value at all
    EXPECT_FALSE(command_line.equals("missing", "fast"));
    EXPECT_TRUE(command_line.equals("log", "on"));
}

TEST(CommandLineTest, EqualsLooksAtEveryOccurrence) {
    // "key=value appears exactly": not only the first occurrence counts.
    CommandLine command_line("level=1 level level=3");
    EXPECT_TRUE(command_line.equals("level", "1"));
    EXPECT_TRUE(command_line.equals("level", "3"));
    EXPECT_FALSE(command_line.equals("level", "2"));
}

TEST(CommandLineTest, TruncatesValuesToTheBuffer) {
    CommandLine command_line("path=/a/long/path rest");
    EXPECT_EQ(value_of(command_line, "path", 64), "/a/long/path");
    EXPECT_EQ(value_of(command_line, "path", 13), "/a/long/path");
    EXPECT_EQ(value_of(command_line, "path", 12), "/a/long/pat");
    EXPECT_EQ(value_of(command_line, "path", 2), "/");
    EXPECT_EQ(value_of(command_line, "path", 1), "");

    // Capacity 0: nothing is written, but the key still has a value.
    char untouched = '#';
    EXPECT_TRUE(command_line.value("path", &untouched, 0));
    EXPECT_EQ(untouched, '#');

    // Truncation never writes past the capacity.
    char buffer[8];
    std::memset(buffer, '#', sizeof(buffer));
    EXPECT_TRUE(command_line.value("path", buffer, 4));
    EXPECT_STREQ(buffer, "/a/");
    EXPECT_EQ(buffer[4], '#');
}

TEST(CommandLineTest, KeyAtTheVeryEnd) {
    CommandLine command_line("a=1 last");
    EXPECT_TRUE(command_line.has("last"));
    CommandLine with_value("a=1 last=x");
    EXPECT_EQ(value_of(with_value, "last"), "x");
    EXPECT_TRUE(with_value.equals("last", "x"));
}

}  // namespace
}  // namespace os
