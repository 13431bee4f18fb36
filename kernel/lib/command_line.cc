#include "kernel/lib/command_line.h"

namespace os {
namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Finds the word whose key is `key`; sets *value to the text after '=' (or
// nullptr for a bare word). Returns false if no such word exists.
bool find_word(const char* text, const char* key, const char** value) {
    const char* cursor = text;
    while (*cursor != '\0') {
        while (is_separator(*cursor)) ++cursor;
        if (*cursor == '\0') break;
        const char* word = cursor;
        const char* k = key;
        while (*k != '\0' && *cursor == *k) {
            ++cursor;
            ++k;
        }
        if (*k == '\0' && (*cursor == '\0' || is_separator(*cursor) || *cursor == '=')) {
            *value = *cursor == '=' ? cursor + 1 : nullptr;
            return true;
        }
        cursor = word;
        while (*cursor != '\0' && !is_separator(*cursor)) ++cursor;
    }
    return false;
}

}  // namespace

bool CommandLine::has(const char* key) const {
    const char* value;
    return find_word(text_, key, &value);
}

bool CommandLine::value(const char* key, char* buffer, size_t capacity) const {
    const char* value;
    if (!find_word(text_, key, &value) || value == nullptr) return false;
    size_t length = 0;
    while (value[length] != '\0' && !is_separator(value[length])) {
        if (length + 1 < capacity) buffer[length] = value[length];
        ++length;
    }
    if (capacity > 0) buffer[length < capacity ? length : capacity - 1] = '\0';
    return true;
}

bool CommandLine::equals(const char* key, const char* expected) const {
    const char* value;
    if (!find_word(text_, key, &value) || value == nullptr) return false;
    while (*expected != '\0' && *value == *expected) {
        ++value;
        ++expected;
    }
    return *expected == '\0' && (*value == '\0' || is_separator(*value));
}

}  // namespace os
