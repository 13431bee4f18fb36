/*
 * Prints snprintf, strtol/strtoul/strtod and qsort results for a few hundred
 * fixed cases, one line each. Built twice: against glibc on the host and
 * against picolibc (linux_hooks.c, run on the Linux host as a static
 * x86_64 program); conformance_test.sh requires the two outputs to match.
 * Cases whose output C leaves implementation-defined (%p, %a, NaN signs)
 * are not here. Known, documented differences (picolibc prints at most 17
 * significant digits, then zeros, and subnormals with fewer digits) are
 * listed in README.md.
 */

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kIntFormats[] = {
    "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%X", "%o", "%#o", "%u", "%.3d", "%8.3d", "%-+8d|", "%c",
};
static const int kInts[] = {0, 1, -1, 7, 42, -42, 255, 65, 1000000, INT_MAX, INT_MIN, 123456789};

static const char *const kLongLongFormats[] = {"%lld", "%llx", "%llu", "%20lld", "%-20llX|", "%+lld", "%jd", "%zu"};
static const long long kLongLongs[] = {0, 1, -1, LLONG_MAX, LLONG_MIN, 0x123456789abcdefLL, -1000000000000LL};

static const char *const kDoubleFormats[] = {
    "%f", "%.0f", "%.1f", "%.3f", "%e", "%.0e", "%.10e", "%E", "%g", "%.3g", "%.17g", "%G",
    "%10.4f", "%-12.3e|", "%+g", "%#.0f", "%#g", "%012.3f", "% .2e",
};
static const double kDoubles[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 1e-300, 1e300, 123.456, -98765.4321,
    1.0 / 3.0, DBL_MAX, DBL_MIN, 5e-324, 1e21, 1e-5, 123456789012345678.0, 9.999999, 0.000123456,
};

static const char *const kStringFormats[] = {"%s", "%10s|", "%-10s|", "%.2s", "%5.1s|"};
static const char *const kStrings[] = {"", "a", "hello", "hello, world"};

static const char *const kIntegerTexts[] = {
    "0", "42", "-42", "  +17xyz", "0x1f", "0X7fffffff", "077", "z", "", "-",
    "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
    "1010", "zz", "  -0x", "0x", "12abc",
};
static const int kBases[] = {0, 2, 8, 10, 16, 36};

static const char *const kDoubleTexts[] = {
    "0", "1", "-1.5", "3.14159", "1e10", "1e-10", "  .5", "5.", "1e400", "1e-400", "inf", "-Infinity",
    "0x1p3", "0x1.8p-2", "123abc", "abc", "1e", "-0", "2.2250738585072014e-308", "4.9e-324",
    "1.7976931348623157e308", "0.1", "100000000000000000000000",
};

static int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a;
    int y = *(const int *)b;
    return (x > y) - (x < y);
}

static void print_case(int *index, const char *text) {
    printf("%d: [%s]\n", (*index)++, text);
}

int main(void) {
    char out[512];
    int n = 0;
    for (size_t f = 0; f < sizeof kIntFormats / sizeof *kIntFormats; ++f)
        for (size_t v = 0; v < sizeof kInts / sizeof *kInts; ++v) {
            int length = snprintf(out, sizeof out, kIntFormats[f], kInts[v]);
            if (f == 15 && (kInts[v] < 32 || kInts[v] > 126)) continue; /* %c: printable only */
            printf("%d: [%s] %d\n", n++, out, length);
        }
    for (size_t f = 0; f < sizeof kLongLongFormats / sizeof *kLongLongFormats; ++f)
        for (size_t v = 0; v < sizeof kLongLongs / sizeof *kLongLongs; ++v) {
            snprintf(out, sizeof out, kLongLongFormats[f], kLongLongs[v]);
            print_case(&n, out);
        }
    for (size_t f = 0; f < sizeof kDoubleFormats / sizeof *kDoubleFormats; ++f)
        for (size_t v = 0; v < sizeof kDoubles / sizeof *kDoubles; ++v) {
            snprintf(out, sizeof out, kDoubleFormats[f], kDoubles[v]);
            print_case(&n, out);
        }
    for (size_t f = 0; f < sizeof kDoubleFormats / sizeof *kDoubleFormats; ++f) {
        snprintf(out, sizeof out, kDoubleFormats[f], INFINITY);
        print_case(&n, out);
        snprintf(out, sizeof out, kDoubleFormats[f], -INFINITY);
        print_case(&n, out);
    }
    for (size_t f = 0; f < sizeof kStringFormats / sizeof *kStringFormats; ++f)
        for (size_t v = 0; v < sizeof kStrings / sizeof *kStrings; ++v) {
            snprintf(out, sizeof out, kStringFormats[f], kStrings[v]);
            print_case(&n, out);
        }
    /* Truncation: the return value is the untruncated length. */
    for (size_t size = 0; size < 8; ++size) {
        char small[8] = "#######";
        int length = snprintf(small, size, "%s-%d", "abc", 12345);
        printf("%d: [%.7s] %d\n", n++, small, length);
    }
    for (size_t t = 0; t < sizeof kIntegerTexts / sizeof *kIntegerTexts; ++t)
        for (size_t b = 0; b < sizeof kBases / sizeof *kBases; ++b) {
            const char *text = kIntegerTexts[t];
            char *end;
            errno = 0;
            long value = strtol(text, &end, kBases[b]);
            int error = errno;
            errno = 0;
            unsigned long long uvalue = strtoull(text, &end, kBases[b]);
            printf("%d: %ld %d %llu %d %td\n", n++, value, error, uvalue, errno, end - text);
        }
    for (size_t t = 0; t < sizeof kDoubleTexts / sizeof *kDoubleTexts; ++t) {
        char *end;
        errno = 0;
        double value = strtod(kDoubleTexts[t], &end);
        uint64_t bits;
        memcpy(&bits, &value, sizeof bits); /* compare the parsed value exactly */
        printf("%d: %016llx %d %td\n", n++, (unsigned long long)bits, errno != 0, end - kDoubleTexts[t]);
    }
    /* qsort: a deterministic pseudo-random array of each size, sorted. */
    for (int size = 0; size < 40; ++size) {
        int values[64];
        unsigned seed = 12345u + (unsigned)size;
        for (int i = 0; i < size; ++i) {
            seed = seed * 1103515245u + 12345u;
            values[i] = (int)(seed >> 16) % 50 - 25;
        }
        qsort(values, (size_t)size, sizeof *values, compare_ints);
        printf("%d:", n++);
        for (int i = 0; i < size; ++i)
            printf(" %d", values[i]);
        printf("\n");
    }
    printf("cases: %d\n", n);
    return 0;
}
