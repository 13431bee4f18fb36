// Bytes the shell's pure parts produce for the terminal, collected in a
// fixed buffer (no heap): the caller sends them to the console after each
// step. What does not fit is dropped and remembered in overflowed().
#pragma once

#include <stddef.h>

namespace cairn::shell {

class OutputBuffer {
public:
    static constexpr size_t kCapacity = 2048;

    void put(char character) {
        if (length_ < kCapacity) {
            data_[length_++] = character;
        } else {
            overflowed_ = true;
        }
    }
    void put(const char* text) {
        while (*text != '\0')
            put(*text++);
    }
    void put(const char* text, size_t length) {
        for (size_t i = 0; i < length; ++i)
            put(text[i]);
    }
    // A decimal number (cursor movements, counts).
    void put_number(size_t value);

    const char* data() const { return data_; }
    size_t length() const { return length_; }
    bool overflowed() const { return overflowed_; }
    void clear() {
        length_ = 0;
        overflowed_ = false;
    }

private:
    char data_[kCapacity];
    size_t length_ = 0;
    bool overflowed_ = false;
};

}  // namespace cairn::shell
