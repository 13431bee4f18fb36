// The shell's line editor: a pure state machine fed the bytes a terminal
// sends, producing the bytes to echo back (ANSI/VT100 sequences) and, on
// Enter, a completed line. No I/O of its own, so the host tests drive it
// byte by byte and check the screen output exactly.
//
// Keys: printable ASCII inserts at the cursor; Backspace (0x08) and DEL
// (0x7f) delete before it; Ctrl-A / Home and Ctrl-E / End jump; Left and
// Right move (ESC [ D, ESC [ C, also ESC O x); Up and Down walk the history
// (the line being typed is kept and comes back below the newest entry);
// Ctrl-U clears the line; Ctrl-C abandons it; Ctrl-D on an empty line ends
// input; Tab completes the first word from the command names given (one
// match: the whole name and a space; several: their longest common prefix,
// or, if that adds nothing, the list of candidates). Enter is CR, LF or
// CR LF (the LF after a CR is ignored). Other control bytes and unknown
// escape sequences are ignored; a byte that would overflow the line rings
// the bell.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "services/shell/output_buffer.h"

namespace cairn::shell {

class LineEditor {
public:
    static constexpr size_t kMaxLine = 255;  // characters, without the NUL
    static constexpr size_t kHistory = 16;   // lines kept, the oldest goes first

    enum class Event {
        kNone,        // keep feeding
        kLine,        // Enter: line() holds the completed line
        kInterrupt,   // Ctrl-C: the line was abandoned
        kEndOfInput,  // Ctrl-D on an empty line
    };

    // `prompt` must outlive the editor. `completions`: the names Tab
    // completes (may be null with count 0).
    explicit LineEditor(const char* prompt, const char* const* completions = nullptr,
                        size_t completion_count = 0);

    // Prints the prompt and starts an empty line (call again after each
    // event other than kNone).
    void start(OutputBuffer& out);
    Event feed(uint8_t byte, OutputBuffer& out);

    // The line being edited, or the completed one after kLine (NUL-terminated).
    const char* line() const { return line_; }
    size_t length() const { return length_; }
    size_t cursor() const { return cursor_; }
    size_t history_size() const { return history_count_; }
    // The i-th most recent history entry (0: the newest).
    const char* history_entry(size_t i) const;

private:
    enum class State { kNormal, kEscape, kControlSequence };

    Event feed_normal(uint8_t byte, OutputBuffer& out);
    void feed_sequence_end(uint8_t final_byte, OutputBuffer& out);
    void insert(char character, OutputBuffer& out);
    void erase_before_cursor(OutputBuffer& out);
    void move_to(size_t position, OutputBuffer& out);
    void history_step(int direction, OutputBuffer& out);
    void complete(OutputBuffer& out);
    void replace_line(const char* text, size_t length, OutputBuffer& out);
    void redraw(OutputBuffer& out);
    void remember_line();

    const char* prompt_;
    const char* const* completions_;
    size_t completion_count_;

    char line_[kMaxLine + 1] = {};
    size_t length_ = 0;
    size_t cursor_ = 0;  // invariant: cursor_ <= length_ <= kMaxLine, line_[length_] == 0

    State state_ = State::kNormal;
    uint8_t sequence_parameter_ = 0;  // the first number of ESC [ n ~ (Home/End/Delete)
    bool last_was_carriage_return_ = false;

    // History: a ring of the last kHistory lines; history_next_ is where the
    // next line goes. browsing_ is how far back Up went (0: not browsing, the
    // draft is being edited); the draft is saved when browsing starts.
    char history_[kHistory][kMaxLine + 1] = {};
    size_t history_next_ = 0;
    size_t history_count_ = 0;
    size_t browsing_ = 0;
    char draft_[kMaxLine + 1] = {};
    size_t draft_length_ = 0;
};

}  // namespace cairn::shell
