#include "kernel/lib/string.h"

namespace os {

size_t string_length(const char* text) {
    size_t length = 0;
    while (text[length] != '\0')
        ++length;
    return length;
}

size_t string_length_bounded(const char* text, size_t max_length) {
    size_t length = 0;
    while (length < max_length && text[length] != '\0')
        ++length;
    return length;
}

int string_compare(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

bool string_equal(const char* a, const char* b) {
    return string_compare(a, b) == 0;
}

bool starts_with(const char* text, const char* prefix) {
    while (*prefix != '\0') {
        if (*text++ != *prefix++) return false;
    }
    return true;
}

bool parse_decimal(const char* text, uint64_t* value) {
    uint64_t result = 0;
    size_t digits = 0;
    for (; text[digits] != '\0'; ++digits) {
        char c = text[digits];
        if (c < '0' || c > '9' || digits == 19) return false;
        result = result * 10 + static_cast<uint64_t>(c - '0');
    }
    if (digits == 0) return false;
    *value = result;
    return true;
}

}  // namespace os
