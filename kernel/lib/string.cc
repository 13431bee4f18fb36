#include "kernel/lib/string.h"

namespace os {

size_t string_length(const char* text) {
    size_t length = 0;
    while (text[length] != '\0') ++length;
    return length;
}

size_t string_length_bounded(const char* text, size_t max_length) {
    size_t length = 0;
    while (length < max_length && text[length] != '\0') ++length;
    return length;
}

int string_compare(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

bool string_equal(const char* a, const char* b) { return string_compare(a, b) == 0; }

bool starts_with(const char* text, const char* prefix) {
    while (*prefix != '\0') {
        if (*text++ != *prefix++) return false;
    }
    return true;
}

}  // namespace os
