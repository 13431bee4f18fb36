// String and memory helpers for freestanding code.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace os {

size_t string_length(const char* text);
size_t string_length_bounded(const char* text, size_t max_length);
int string_compare(const char* a, const char* b);
bool string_equal(const char* a, const char* b);
bool starts_with(const char* text, const char* prefix);
// `text` as a decimal number: digits only, 1 to 19 of them (so no overflow);
// false for anything else (empty, a sign, spaces, more digits).
bool parse_decimal(const char* text, uint64_t* value);

}  // namespace os
