#include "kernel/lib/command_line.h"

namespace os {
namespace {

bool is_separator(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

// Finds the next word at or after `cursor` whose key is `key`; sets *value to
// the text after '=' (or nullptr for a bare word). Returns where the search
// can resume (just past that word), or nullptr if there is no such word.
const char* find_word(const char* cursor, const char* key, const char** value) {
    while (*cursor != '\0') {
        while (is_separator(*cursor))
            ++cursor;
        if (*cursor == '\0')
            break;
        const char* word = cursor;
        const char* k = key;
        while (*k != '\0' && *cursor == *k) {
            ++cursor;
            ++k;
        }
        bool key_matches =
            *k == '\0' && (*cursor == '\0' || is_separator(*cursor) || *cursor == '=');
        cursor = word;
        while (*cursor != '\0' && !is_separator(*cursor))
            ++cursor;
        if (key_matches) {
            const char* after_key = word + (k - key);
            *value = *after_key == '=' ? after_key + 1 : nullptr;
            return cursor;
        }
    }
    return nullptr;
}

// Finds the next `key=value` word at or after `cursor`, skipping bare `key`s.
const char* find_value(const char* cursor, const char* key, const char** value) {
    while ((cursor = find_word(cursor, key, value)) != nullptr) {
        if (*value != nullptr)
            return cursor;
    }
    return nullptr;
}

}  // namespace

bool CommandLine::has(const char* key) const {
    const char* value;
    return find_word(text_, key, &value) != nullptr;
}

bool CommandLine::value(const char* key, char* buffer, size_t capacity) const {
    const char* value;
    if (find_value(text_, key, &value) == nullptr)
        return false;
    size_t length = 0;
    while (value[length] != '\0' && !is_separator(value[length])) {
        if (length + 1 < capacity)
            buffer[length] = value[length];
        ++length;
    }
    if (capacity > 0)
        buffer[length < capacity ? length : capacity - 1] = '\0';
    return true;
}

bool CommandLine::equals(const char* key, const char* expected) const {
    const char* value;
    // Every occurrence counts: "key=value appears" anywhere on the line.
    for (const char* cursor = text_; (cursor = find_value(cursor, key, &value)) != nullptr;) {
        const char* e = expected;
        while (*e != '\0' && *value == *e) {
            ++value;
            ++e;
        }
        if (*e == '\0' && (*value == '\0' || is_separator(*value)))
            return true;
    }
    return false;
}

}  // namespace os
