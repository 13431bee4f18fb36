// The shell's output formats, pure code (host-tested): aligned tables,
// durations, MiB, signed numbers, state names, and the argument string a
// program gets from the words after its name.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "services/shell/output_buffer.h"

namespace cairn::shell {

// Room for format_duration's and format_mib's text, with its NUL.
inline constexpr size_t kFormatCapacity = 32;

// "h:mm:ss.mmm" (hours not bounded): 3723004000000 ns -> "1:02:03.004".
// Stores the text in `buffer` (kFormatCapacity bytes); returns its length.
size_t format_duration(char* buffer, uint64_t nanoseconds);
void put_duration(OutputBuffer& out, uint64_t nanoseconds);
// Bytes as MiB with one decimal, truncated: 1572864 -> "1.5".
size_t format_mib(char* buffer, uint64_t bytes);
void put_mib(OutputBuffer& out, uint64_t bytes);
// "<seconds>[.<fraction>]" ("2", "0.25", up to a day and millisecond
// precision; digits beyond the third decimal are ignored) as nanoseconds.
// False for anything else ("", "1.", "-1", "1s", "86401").
bool parse_seconds(const char* text, uint64_t* nanoseconds);
// A signed decimal number ("-3").
void put_signed(OutputBuffer& out, int64_t value);

// ThreadInfo::state (kThreadRunnable...) and service_manager::ServiceState
// as words; "?" for values this shell does not know.
const char* thread_state_name(uint64_t state);
const char* service_state_name(uint64_t state);

// Words joined by single spaces into `buffer` (NUL-terminated), for a
// program's one argument string. False if they do not fit (buffer unchanged
// beyond its first byte, which is NUL).
bool join_words(char* const* words, size_t count, char* buffer, size_t capacity);

// A table written row by row: cells in column order, each padded to its
// column's width (right-aligned numbers, left-aligned text), two spaces
// between columns, nothing after the last cell (no trailing blanks). A
// cell wider than its column pushes the rest of the row to the right.
struct Column {
    const char* title;
    size_t width;
    bool right_aligned;
};

class TableWriter {
public:
    TableWriter(const Column* columns, size_t count, OutputBuffer& out)
        : columns_(columns), count_(count), out_(out) {}

    void header();
    void text(const char* cell);
    void number(uint64_t cell);
    void signed_number(int64_t cell);
    // Ends the row ("\r\n"); cells not given stay empty.
    void end_row();

private:
    void cell(const char* text, size_t length);

    const Column* columns_;
    size_t count_;
    OutputBuffer& out_;
    size_t column_ = 0;           // the next cell's column
    size_t pending_padding_ = 0;  // blanks owed after the previous (left-aligned) cell
};

}  // namespace cairn::shell
