#include "kernel/lib/format.h"

#include <stdint.h>

#include "kernel/lib/string.h"

namespace os {
namespace {

struct Spec {
    bool left_align = false;
    bool zero_pad = false;
    int width = 0;
    int precision = -1;
    int length = 0;  // count of 'l' (z and t count as 2), negative for 'h'
};

class Writer {
public:
    Writer(FormatSink sink, void* context) : sink_(sink), context_(context) {}

    void text(const char* text, size_t length) {
        if (length > 0) sink_(context_, text, length);
    }
    void repeat(char c, int count) {
        char chunk[16];
        for (auto& slot : chunk) slot = c;
        while (count > 0) {
            int now = count < 16 ? count : 16;
            text(chunk, now);
            count -= now;
        }
    }
    // Writes `body` padded to the spec's width; `prefix` ("-", "0x") goes
    // before zero padding but after space padding.
    void padded(const Spec& spec, const char* prefix, const char* body, size_t body_length) {
        size_t prefix_length = string_length(prefix);
        int padding = spec.width - static_cast<int>(prefix_length + body_length);
        if (padding < 0) padding = 0;
        if (!spec.left_align && !spec.zero_pad) repeat(' ', padding);
        text(prefix, prefix_length);
        if (!spec.left_align && spec.zero_pad) repeat('0', padding);
        text(body, body_length);
        if (spec.left_align) repeat(' ', padding);
    }

private:
    FormatSink sink_;
    void* context_;
};

// Renders `value` in `base` right-aligned into `buffer`, returns its start.
char* render_unsigned(uint64_t value, unsigned base, bool upper, char* buffer_end) {
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char* cursor = buffer_end;
    do {
        *--cursor = digits[value % base];
        value /= base;
    } while (value != 0);
    return cursor;
}

uint64_t take_unsigned(const Spec& spec, va_list& arguments) {
    if (spec.length >= 2) return va_arg(arguments, unsigned long long);
    if (spec.length == 1) return va_arg(arguments, unsigned long);
    unsigned value = va_arg(arguments, unsigned);
    if (spec.length == -1) return static_cast<unsigned short>(value);
    if (spec.length == -2) return static_cast<unsigned char>(value);
    return value;
}

int64_t take_signed(const Spec& spec, va_list& arguments) {
    if (spec.length >= 2) return va_arg(arguments, long long);
    if (spec.length == 1) return va_arg(arguments, long);
    int value = va_arg(arguments, int);
    if (spec.length == -1) return static_cast<short>(value);
    if (spec.length == -2) return static_cast<signed char>(value);
    return value;
}

const char* parse_spec(const char* cursor, Spec& spec, va_list& arguments) {
    for (;; ++cursor) {
        if (*cursor == '-') {
            spec.left_align = true;
        } else if (*cursor == '0') {
            spec.zero_pad = true;
        } else {
            break;
        }
    }
    if (*cursor == '*') {
        spec.width = va_arg(arguments, int);
        if (spec.width < 0) {
            spec.left_align = true;
            spec.width = -spec.width;
        }
        ++cursor;
    }
    while (*cursor >= '0' && *cursor <= '9') spec.width = spec.width * 10 + (*cursor++ - '0');
    if (*cursor == '.') {
        ++cursor;
        spec.precision = 0;
        if (*cursor == '*') {
            spec.precision = va_arg(arguments, int);
            ++cursor;
        }
        while (*cursor >= '0' && *cursor <= '9') {
            spec.precision = spec.precision * 10 + (*cursor++ - '0');
        }
    }
    for (;; ++cursor) {
        if (*cursor == 'l') {
            spec.length = spec.length < 0 ? 1 : spec.length + 1;
        } else if (*cursor == 'h') {
            spec.length = spec.length > 0 ? -1 : spec.length - 1;
        } else if (*cursor == 'z' || *cursor == 't') {
            spec.length = 2;
        } else {
            break;
        }
    }
    if (spec.left_align) spec.zero_pad = false;
    return cursor;
}

}  // namespace

void vformat_to(FormatSink sink, void* context, const char* format, va_list arguments) {
    Writer out(sink, context);
    va_list args;
    va_copy(args, arguments);
    const char* cursor = format;
    while (*cursor != '\0') {
        const char* literal = cursor;
        while (*cursor != '\0' && *cursor != '%') ++cursor;
        out.text(literal, cursor - literal);
        if (*cursor == '\0') break;

        const char* conversion_start = cursor++;
        Spec spec;
        cursor = parse_spec(cursor, spec, args);
        char digits[24];
        char* digits_end = digits + sizeof(digits);
        switch (*cursor) {
            case 'd':
            case 'i': {
                int64_t value = take_signed(spec, args);
                uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
                char* start = render_unsigned(magnitude, 10, false, digits_end);
                out.padded(spec, value < 0 ? "-" : "", start, digits_end - start);
                break;
            }
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                unsigned base = *cursor == 'u' ? 10 : (*cursor == 'o' ? 8 : 16);
                char* start = render_unsigned(take_unsigned(spec, args), base, *cursor == 'X',
                                              digits_end);
                out.padded(spec, "", start, digits_end - start);
                break;
            }
            case 'p': {
                auto value = reinterpret_cast<uintptr_t>(va_arg(args, void*));
                char* start = render_unsigned(value, 16, false, digits_end);
                out.padded(spec, "0x", start, digits_end - start);
                break;
            }
            case 'c': {
                char c = static_cast<char>(va_arg(args, int));
                spec.zero_pad = false;
                out.padded(spec, "", &c, 1);
                break;
            }
            case 's': {
                const char* text = va_arg(args, const char*);
                if (text == nullptr) text = "(null)";
                size_t length = spec.precision >= 0
                                    ? string_length_bounded(text, static_cast<size_t>(spec.precision))
                                    : string_length(text);
                spec.zero_pad = false;
                out.padded(spec, "", text, length);
                break;
            }
            case '%':
                out.text("%", 1);
                break;
            case '\0':
                out.text(conversion_start, cursor - conversion_start);
                va_end(args);
                return;
            default:
                // Unknown conversion: show it as written instead of consuming an argument.
                out.text(conversion_start, cursor + 1 - conversion_start);
                break;
        }
        ++cursor;
    }
    va_end(args);
}

namespace {

struct BufferSink {
    char* buffer;
    size_t capacity;
    size_t length;
};

void append_to_buffer(void* context, const char* text, size_t length) {
    auto* sink = static_cast<BufferSink*>(context);
    for (size_t i = 0; i < length; ++i, ++sink->length) {
        if (sink->length + 1 < sink->capacity) sink->buffer[sink->length] = text[i];
    }
}

}  // namespace

size_t vformat(char* buffer, size_t capacity, const char* format, va_list arguments) {
    BufferSink sink{buffer, capacity, 0};
    vformat_to(append_to_buffer, &sink, format, arguments);
    if (capacity > 0) buffer[sink.length < capacity ? sink.length : capacity - 1] = '\0';
    return sink.length;
}

size_t format(char* buffer, size_t capacity, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    size_t length = vformat(buffer, capacity, format, arguments);
    va_end(arguments);
    return length;
}

}  // namespace os
