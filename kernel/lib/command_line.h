// The kernel command line: space-separated `key` or `key=value` words, as
// given by the boot loader (multiboot cmdline, device tree /chosen/bootargs).
#pragma once

#include <stddef.h>

namespace os {

class CommandLine {
public:
    explicit CommandLine(const char* text) : text_(text != nullptr ? text : "") {}

    const char* text() const { return text_; }

    // True if `key` appears as a bare word or as `key=...`.
    bool has(const char* key) const;

    // Copies the value of the first `key=value` into `buffer` (NUL-terminated,
    // truncated to capacity) and returns true; false if the key has no value.
    bool value(const char* key, char* buffer, size_t capacity) const;

    // True if `key=value` appears exactly.
    bool equals(const char* key, const char* value) const;

private:
    const char* text_;
};

}  // namespace os
