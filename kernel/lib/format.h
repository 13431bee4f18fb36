// printf-style formatting into a caller-provided buffer, for code that has no
// C library. Supported conversions: %d %i %u %x %X %o %c %s %p %% with the
// flags '-', '0', width, precision for %s, and the length modifiers hh h l ll
// z t. Unknown conversions are copied through verbatim rather than guessed.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace os {

// Writes at most `capacity` bytes including the terminating NUL (when
// capacity > 0) and returns the length the full output would have had, like
// vsnprintf, so truncation is detectable by `result >= capacity`.
size_t vformat(char* buffer, size_t capacity, const char* format, va_list arguments);

__attribute__((format(printf, 3, 4))) size_t format(char* buffer, size_t capacity,
                                                    const char* format, ...);

// Streams formatted output to a sink one chunk at a time, so that output of any
// length needs no buffer of that length.
using FormatSink = void (*)(void* context, const char* text, size_t length);
void vformat_to(FormatSink sink, void* context, const char* format, va_list arguments);

}  // namespace os
