// String and memory helpers for freestanding code.
#pragma once

#include <stddef.h>

namespace os {

size_t string_length(const char* text);
size_t string_length_bounded(const char* text, size_t max_length);
int string_compare(const char* a, const char* b);
bool string_equal(const char* a, const char* b);
bool starts_with(const char* text, const char* prefix);

}  // namespace os
