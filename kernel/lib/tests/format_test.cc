// os::format against the C library's snprintf, for everything format.h
// promises to support, plus the places where it deliberately differs:
// unknown conversions, null strings, truncation, streaming.
#include "kernel/lib/format.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace os {
namespace {

// Formats with both implementations; the results must agree in text and in
// the returned length. Format strings are data here, by design.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wformat-security"
#pragma clang diagnostic ignored "-Wformat-nonliteral"
template <typename... Arguments>
void expect_like_snprintf(const char* format_string, Arguments... arguments) {
    char expected[512];
    char actual[512];
    int expected_length = std::snprintf(expected, sizeof(expected), format_string, arguments...);
    size_t actual_length = format(actual, sizeof(actual), format_string, arguments...);
    EXPECT_STREQ(actual, expected) << "format: \"" << format_string << "\"";
    EXPECT_EQ(actual_length, static_cast<size_t>(expected_length))
        << "format: \"" << format_string << "\"";
}
#pragma clang diagnostic pop

// A format() without the printf attribute, for format strings that the
// compiler would (rightly) warn about.
size_t format_unchecked(char* buffer, size_t capacity, const char* format_string, ...) {
    va_list arguments;
    va_start(arguments, format_string);
    size_t length = vformat(buffer, capacity, format_string, arguments);
    va_end(arguments);
    return length;
}

template <typename... Arguments>
std::string formatted(const char* format_string, Arguments... arguments) {
    char buffer[512];
    format_unchecked(buffer, sizeof(buffer), format_string, arguments...);
    return buffer;
}

TEST(FormatTest, PlainText) {
    expect_like_snprintf("");
    expect_like_snprintf("hello, world");
    expect_like_snprintf("100%% sure, %%d");
}

TEST(FormatTest, SignedIntegers) {
    for (int value : {0, 1, -1, 42, -42, 9, 10, INT_MAX, INT_MIN}) {
        for (const char* spec : {"%d", "%i", "%5d", "%-5d|", "%05d", "%-05d|", "%0d", "%1d", "%12i",
                                 "%012d", "[%3d]"}) {
            expect_like_snprintf(spec, value);
        }
    }
    for (long value : {0L, -1L, LONG_MAX, LONG_MIN, 1234567890123L}) {
        expect_like_snprintf("%ld", value);
        expect_like_snprintf("%-25ld|", value);
        expect_like_snprintf("%025li", value);
    }
    for (long long value : {0LL, -1LL, LLONG_MAX, LLONG_MIN}) {
        expect_like_snprintf("%lld", value);
        expect_like_snprintf("%30lld", value);
    }
}

TEST(FormatTest, UnsignedIntegersInEveryBase) {
    for (unsigned value : {0u, 1u, 7u, 8u, 15u, 16u, 255u, 0xdeadbeefu, UINT_MAX}) {
        for (const char* spec : {"%u", "%x", "%X", "%o", "%8x", "%08X", "%-8o|", "%010u"}) {
            expect_like_snprintf(spec, value);
        }
    }
    for (unsigned long long value : {0ULL, 0x123456789abcdefULL, ULLONG_MAX}) {
        expect_like_snprintf("%llx", value);
        expect_like_snprintf("%llX", value);
        expect_like_snprintf("%llo", value);
        expect_like_snprintf("%llu", value);
        expect_like_snprintf("%020llx", value);
    }
    expect_like_snprintf("%lx", static_cast<unsigned long>(ULONG_MAX));
    // A negative int through an unsigned conversion, as C defines it.
    expect_like_snprintf("%x %u", -1, -2);
}

TEST(FormatTest, LengthModifiersTruncateLikeC) {
    expect_like_snprintf("%hhd %hhd %hhd", 127, 128, 300);
    expect_like_snprintf("%hhu %hhx", 300, -1);
    expect_like_snprintf("%hd %hd %hu %hx", 32767, 70000, -1, 0x12345);
    expect_like_snprintf("%zu %zx", static_cast<size_t>(SIZE_MAX), static_cast<size_t>(4096));
    expect_like_snprintf("%zd", static_cast<ptrdiff_t>(-5));
    expect_like_snprintf("%td %tu", static_cast<ptrdiff_t>(PTRDIFF_MIN),
                         static_cast<ptrdiff_t>(12));
}

TEST(FormatTest, Characters) {
    expect_like_snprintf("%c%c%c", 'a', 'B', '0');
    expect_like_snprintf("[%3c][%-3c]", 'x', 'y');
    expect_like_snprintf("%c", 0x141);  // converted to unsigned char: 'A'
}

TEST(FormatTest, Strings) {
    const char* text = "kernel";
    for (const char* spec :
         {"%s", "%10s|", "%-10s|", "%.3s", "%.0s|", "%.10s", "%8.2s|", "%-8.2s|", "%2s", "%.6s"}) {
        expect_like_snprintf(spec, text);
    }
    expect_like_snprintf("%s", "");
    expect_like_snprintf("%5s|", "");
    // Precision bounds the read: the string need not be terminated.
    const char unterminated[3] = {'a', 'b', 'c'};
    expect_like_snprintf("%.3s", unterminated);
}

TEST(FormatTest, StarWidthAndPrecision) {
    expect_like_snprintf("[%*d]", 6, 42);
    expect_like_snprintf("[%*d]", -6, 42);  // negative width: left-aligned
    expect_like_snprintf("[%-*d]", 6, 42);
    expect_like_snprintf("[%*s]", 0, "abc");
    expect_like_snprintf("[%.*s]", 2, "abc");
    expect_like_snprintf("[%.*s]", -1, "abc");  // negative precision: as if none
    expect_like_snprintf("[%*.*s]", 8, 2, "abc");
}

TEST(FormatTest, Pointers) {
    int object = 0;
    void* pointers[] = {&object, reinterpret_cast<void*>(0x1000),
                        reinterpret_cast<void*>(UINTPTR_MAX)};
    for (void* pointer : pointers) {
        expect_like_snprintf("%p", pointer);
        expect_like_snprintf("[%24p]", pointer);
        expect_like_snprintf("[%-24p]", pointer);
    }
    // glibc prints "(nil)"; ours shows the number like any other.
    EXPECT_EQ(formatted("%p", nullptr), "0x0");
}

TEST(FormatTest, NullStringsPrintAsNull) {
    EXPECT_EQ(formatted("%s", static_cast<const char*>(nullptr)), "(null)");
    EXPECT_EQ(formatted("[%8s]", static_cast<const char*>(nullptr)), "[  (null)]");
    EXPECT_EQ(formatted("%.2s", static_cast<const char*>(nullptr)), "(n");
}

TEST(FormatTest, UnknownConversionsAreCopiedAndConsumeNothing) {
    EXPECT_EQ(formatted("%q %d", 5), "%q 5");
    EXPECT_EQ(formatted("%+d", 5), "%+d");  // '+' is not a supported flag
    EXPECT_EQ(formatted("%#x", 255), "%#x");
    EXPECT_EQ(formatted("%jd|%d", 7), "%jd|7");
    EXPECT_EQ(formatted("%5.2f", 1.5), "%5.2f");
    EXPECT_EQ(formatted("%-08k %s", "after"), "%-08k after");
}

TEST(FormatTest, AnIncompleteConversionAtTheEndIsCopied) {
    EXPECT_EQ(formatted("100%"), "100%");
    EXPECT_EQ(formatted("width %08"), "width %08");
    EXPECT_EQ(formatted("%ll"), "%ll");
    EXPECT_EQ(formatted("%-"), "%-");
}

TEST(FormatTest, TruncatesLikeSnprintf) {
    const char* format_string = "%s=%08x (%d)";
    const char* name = "status";
    unsigned value = 0xbeef;
    int count = -17;
    char full[64];
    const int full_length = std::snprintf(full, sizeof(full), format_string, name, value, count);

    for (size_t capacity = 1; capacity <= sizeof(full); ++capacity) {
        std::vector<char> expected(capacity, '#');
        std::vector<char> actual(capacity + 1, '#');  // one guard byte past the capacity
        std::snprintf(expected.data(), capacity, format_string, name, value, count);
        size_t length = format(actual.data(), capacity, format_string, name, value, count);
        EXPECT_EQ(length, static_cast<size_t>(full_length)) << capacity;
        EXPECT_STREQ(actual.data(), expected.data()) << capacity;
        EXPECT_EQ(actual[capacity], '#') << "wrote past the capacity " << capacity;
        EXPECT_EQ(length >= capacity, static_cast<size_t>(full_length) >= capacity);
    }
}

TEST(FormatTest, ZeroCapacityWritesNothing) {
    char untouched = '#';
    EXPECT_EQ(format(&untouched, 0, "%s", "abc"), 3u);
    EXPECT_EQ(untouched, '#');
    EXPECT_EQ(format(nullptr, 0, "%d", 12345), 5u);
}

TEST(FormatTest, StreamsOutputOfAnyLength) {
    struct Collected {
        std::string text;
        size_t calls = 0;
        size_t longest_chunk = 0;
    } collected;
    auto sink = [](void* context, const char* text, size_t length) {
        auto* out = static_cast<Collected*>(context);
        out->text.append(text, length);
        ++out->calls;
        out->longest_chunk = std::max(out->longest_chunk, length);
    };
    auto stream = [&](const char* format_string, ...) {
        va_list arguments;
        va_start(arguments, format_string);
        vformat_to(sink, &collected, format_string, arguments);
        va_end(arguments);
    };
    stream("[%1000d] %s", 7, "end");
    std::string expected = "[" + std::string(999, ' ') + "7] end";
    EXPECT_EQ(collected.text, expected);
    // Padding comes in small pieces: no buffer of the output's size exists.
    EXPECT_LE(collected.longest_chunk, 16u);
    EXPECT_GT(collected.calls, 1000u / 16);
}

TEST(FormatTest, VformatCanBeCalledWithTheSameArgumentsTwice) {
    // vformat_to copies the va_list, so a caller may pass its own on again.
    auto twice = [](const char* format_string, ...) {
        va_list arguments;
        va_start(arguments, format_string);
        char first[32];
        char second[32];
        vformat(first, sizeof(first), format_string, arguments);
        vformat(second, sizeof(second), format_string, arguments);
        va_end(arguments);
        return std::string(first) + "|" + second;
    };
    EXPECT_EQ(twice("%d-%s", 5, "x"), "5-x|5-x");
}

// Random conversion specifications from the supported grammar, each checked
// against snprintf. Flags that C leaves undefined for a conversion ('0' with
// %c, %s, %p) are not generated.
TEST(FormatTest, RandomSpecificationsMatchSnprintf) {
    std::mt19937_64 random(2024);
    auto pick = [&](auto... options) {
        const char* choices[] = {options...};
        return std::string(choices[random() % sizeof...(options)]);
    };
    for (int round = 0; round < 20000; ++round) {
        const char conversion = "diuxXocsp"[random() % 9];
        const bool numeric = conversion != 'c' && conversion != 's' && conversion != 'p';
        std::string spec = "%";
        if (random() % 3 == 0)
            spec += '-';
        if (numeric && random() % 3 == 0)
            spec += '0';
        if (random() % 2 == 0)
            spec += std::to_string(random() % 24);
        if (conversion == 's' && random() % 2 == 0)
            spec += "." + std::to_string(random() % 12);
        std::string length;
        if (numeric)
            length = pick("", "", "hh", "h", "l", "ll", "z", "t");
        spec += length;
        spec += conversion;
        const std::string format_string = "<" + spec + ">";
        const char* f = format_string.c_str();
        const uint64_t bits = random();
        SCOPED_TRACE(format_string + " with " + std::to_string(bits));

        switch (conversion) {
            case 'c':
                expect_like_snprintf(f, static_cast<int>(' ' + bits % 95));
                break;
            case 's': {
                static const char* kStrings[] = {"", "a", "kernel", "a longer string than most"};
                expect_like_snprintf(f, kStrings[bits % 4]);
                break;
            }
            case 'p':
                expect_like_snprintf(f, reinterpret_cast<void*>(bits | 1));
                break;
            default:
                if (length == "hh" || length == "h" || length.empty()) {
                    expect_like_snprintf(f, static_cast<int>(bits));
                } else if (length == "l") {
                    expect_like_snprintf(f, static_cast<long>(bits));
                } else if (length == "ll") {
                    expect_like_snprintf(f, static_cast<long long>(bits));
                } else if (length == "z") {
                    expect_like_snprintf(f, static_cast<size_t>(bits));
                } else {
                    expect_like_snprintf(f, static_cast<ptrdiff_t>(bits));
                }
        }
        if (::testing::Test::HasFailure())
            break;  // one clear failure beats thousands
    }
}

}  // namespace
}  // namespace os
