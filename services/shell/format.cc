#include "services/shell/format.h"

namespace cairn::shell {

namespace {

constexpr uint64_t kMillisecond = 1'000'000;
constexpr uint64_t kMiB = 1024 * 1024;

// The decimal digits of `value` at the end of `buffer` (21 bytes: 20 digits
// and a sign); returns where they start.
char* decimal(uint64_t value, char* end) {
    char* start = end;
    do {
        *--start = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    return start;
}

// The same for a signed value, with a '-' in front of a negative one.
char* signed_decimal(int64_t value, char* end) {
    // The magnitude in unsigned arithmetic: -INT64_MIN does not fit an int64.
    uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
    char* start = decimal(magnitude, end);
    if (value < 0) *--start = '-';
    return start;
}

// Moves text built backwards from `end` to the front of `buffer` and
// terminates it; returns its length.
size_t move_to_front(char* buffer, const char* start, const char* end) {
    size_t length = static_cast<size_t>(end - start);
    for (size_t i = 0; i < length; ++i)
        buffer[i] = start[i];
    buffer[length] = '\0';
    return length;
}

size_t length_of(const char* text) {
    size_t length = 0;
    while (text[length] != '\0')
        ++length;
    return length;
}

}  // namespace

size_t format_duration(char* buffer, uint64_t nanoseconds) {
    uint64_t milliseconds = nanoseconds / kMillisecond;
    uint64_t seconds = milliseconds / 1000;
    // Built from the end: milliseconds, seconds, minutes, then the hours.
    char* end = buffer + kFormatCapacity - 1;
    char* start = end;
    for (uint64_t i = 0, value = milliseconds % 1000; i < 3; ++i, value /= 10)
        *--start = static_cast<char>('0' + value % 10);
    *--start = '.';
    const uint64_t fields[] = {seconds % 60, seconds / 60 % 60};
    for (uint64_t field : fields) {
        *--start = static_cast<char>('0' + field % 10);
        *--start = static_cast<char>('0' + field / 10);
        *--start = ':';
    }
    start = decimal(seconds / 3600, start);
    return move_to_front(buffer, start, end);
}

bool parse_seconds(const char* text, uint64_t* nanoseconds) {
    constexpr uint64_t kMaxSeconds = 86400;
    uint64_t seconds = 0, milliseconds = 0;
    const char* p = text;
    if (*p < '0' || *p > '9') return false;
    for (; *p >= '0' && *p <= '9'; ++p) {
        seconds = seconds * 10 + static_cast<uint64_t>(*p - '0');
        if (seconds > kMaxSeconds) return false;
    }
    if (*p == '.') {
        ++p;
        if (*p < '0' || *p > '9') return false;
        for (uint64_t scale = 100; *p >= '0' && *p <= '9'; ++p, scale /= 10)
            milliseconds += static_cast<uint64_t>(*p - '0') * scale;
    }
    if (*p != 0) return false;
    *nanoseconds = (seconds * 1000 + milliseconds) * kMillisecond;
    return true;
}

void put_duration(OutputBuffer& out, uint64_t nanoseconds) {
    char text[kFormatCapacity];
    out.put(text, format_duration(text, nanoseconds));
}

size_t format_mib(char* buffer, uint64_t bytes) {
    char* end = buffer + kFormatCapacity - 1;
    char* start = end;
    *--start = static_cast<char>('0' + bytes % kMiB * 10 / kMiB);
    *--start = '.';
    start = decimal(bytes / kMiB, start);
    return move_to_front(buffer, start, end);
}

void put_mib(OutputBuffer& out, uint64_t bytes) {
    char text[kFormatCapacity];
    out.put(text, format_mib(text, bytes));
}

void put_signed(OutputBuffer& out, int64_t value) {
    char digits[21];
    char* end = digits + sizeof(digits);
    char* start = signed_decimal(value, end);
    out.put(start, static_cast<size_t>(end - start));
}

const char* thread_state_name(uint64_t state) {
    switch (state) {
        case 0:
            return "run";  // kThreadRunnable: running or ready
        case 1:
            return "wait";
        case 2:
            return "exit";
        default:
            return "?";
    }
}

const char* service_state_name(uint64_t state) {
    switch (state) {
        case 0:
            return "pending";
        case 1:
            return "running";
        case 2:
            return "down";
        case 3:
            return "failed";
        default:
            return "?";
    }
}

bool join_words(char* const* words, size_t count, char* buffer, size_t capacity) {
    if (capacity == 0) return false;
    size_t length = 0;
    for (size_t i = 0; i < count; ++i) {
        size_t word = length_of(words[i]);
        size_t separator = i == 0 ? 0 : 1;
        if (length + separator + word + 1 > capacity) {
            buffer[0] = '\0';
            return false;
        }
        if (separator != 0) buffer[length++] = ' ';
        for (size_t j = 0; j < word; ++j)
            buffer[length++] = words[i][j];
    }
    buffer[length] = '\0';
    return true;
}

void TableWriter::header() {
    for (size_t i = 0; i < count_; ++i)
        text(columns_[i].title);
    end_row();
}

void TableWriter::text(const char* cell_text) {
    cell(cell_text, length_of(cell_text));
}

void TableWriter::number(uint64_t value) {
    char digits[21];
    char* end = digits + sizeof(digits);
    char* start = decimal(value, end);
    cell(start, static_cast<size_t>(end - start));
}

void TableWriter::signed_number(int64_t value) {
    char digits[21];
    char* end = digits + sizeof(digits);
    char* start = signed_decimal(value, end);
    cell(start, static_cast<size_t>(end - start));
}

void TableWriter::cell(const char* cell_text, size_t length) {
    if (column_ >= count_) return;  // more cells than columns: dropped
    const Column& column = columns_[column_];
    size_t padding = length < column.width ? column.width - length : 0;
    // The previous cell's padding goes out only now that a cell follows it:
    // no blanks at the end of a row.
    if (column_ != 0) out_.put("  ");
    for (size_t i = 0; i < pending_padding_; ++i)
        out_.put(' ');
    pending_padding_ = 0;
    if (column.right_aligned) {
        for (size_t i = 0; i < padding; ++i)
            out_.put(' ');
    } else {
        pending_padding_ = padding;
    }
    out_.put(cell_text, length);
    ++column_;
}

void TableWriter::end_row() {
    out_.put("\r\n");
    column_ = 0;
    pending_padding_ = 0;
}

}  // namespace cairn::shell
