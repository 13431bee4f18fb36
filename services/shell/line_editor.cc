#include "services/shell/line_editor.h"

// Clang builtins, not <string.h>: this code also builds where no C library
// headers are on the include path (they lower to the C library's functions).

namespace cairn::shell {

namespace {

constexpr uint8_t kCtrlA = 0x01, kCtrlC = 0x03, kCtrlD = 0x04, kCtrlE = 0x05;
constexpr uint8_t kBackspace = 0x08, kTab = 0x09, kLineFeed = 0x0a, kReturn = 0x0d;
constexpr uint8_t kCtrlU = 0x15, kEscape = 0x1b, kDelete = 0x7f;

void cursor_left(size_t count, OutputBuffer& out) {
    if (count == 0) return;
    out.put("\x1b[");
    out.put_number(count);
    out.put('D');
}

void cursor_right(size_t count, OutputBuffer& out) {
    if (count == 0) return;
    out.put("\x1b[");
    out.put_number(count);
    out.put('C');
}

}  // namespace

LineEditor::LineEditor(const char* prompt, const char* const* completions, size_t completion_count)
    : prompt_(prompt), completions_(completions), completion_count_(completion_count) {}

void LineEditor::start(OutputBuffer& out) {
    length_ = cursor_ = 0;
    line_[0] = '\0';
    browsing_ = 0;
    state_ = State::kNormal;
    out.put(prompt_);
}

const char* LineEditor::history_entry(size_t i) const {
    if (i >= history_count_) return nullptr;
    return history_[(history_next_ + kHistory - 1 - i) % kHistory];
}

LineEditor::Event LineEditor::feed(uint8_t byte, OutputBuffer& out) {
    bool after_return = last_was_carriage_return_;
    last_was_carriage_return_ = false;
    switch (state_) {
        case State::kNormal:
            if (byte == kLineFeed && after_return) return Event::kNone;  // CR LF is one Enter
            return feed_normal(byte, out);
        case State::kEscape:
            // ESC [ (CSI) and ESC O (SS3, keypad application mode) both lead to
            // a final byte; anything else ends the sequence unrecognised.
            if (byte == '[' || byte == 'O') {
                state_ = State::kControlSequence;
                sequence_parameter_ = 0;
            } else {
                state_ = State::kNormal;
            }
            return Event::kNone;
        case State::kControlSequence:
            if (byte >= '0' && byte <= '9') {
                unsigned value = sequence_parameter_ * 10u + (byte - '0');
                sequence_parameter_ = static_cast<uint8_t>(value > 255 ? 255 : value);
                return Event::kNone;
            }
            if (byte >= 0x20 && byte <= 0x3f) return Event::kNone;  // ';' and other parameters
            state_ = State::kNormal;
            if (byte >= 0x40 && byte <= 0x7e) feed_sequence_end(byte, out);
            return Event::kNone;
    }
    return Event::kNone;
}

LineEditor::Event LineEditor::feed_normal(uint8_t byte, OutputBuffer& out) {
    if (byte >= 0x20 && byte < 0x7f) {
        insert(static_cast<char>(byte), out);
        return Event::kNone;
    }
    switch (byte) {
        case kReturn:
        case kLineFeed:
            last_was_carriage_return_ = byte == kReturn;
            out.put("\r\n");
            remember_line();
            browsing_ = 0;
            return Event::kLine;
        case kBackspace:
        case kDelete:
            erase_before_cursor(out);
            return Event::kNone;
        case kCtrlA:
            move_to(0, out);
            return Event::kNone;
        case kCtrlE:
            move_to(length_, out);
            return Event::kNone;
        case kCtrlU:
            // Like readline: the text before the cursor goes, the rest stays.
            __builtin_memmove(line_, line_ + cursor_, length_ - cursor_ + 1);
            length_ -= cursor_;
            cursor_ = 0;
            redraw(out);
            return Event::kNone;
        case kCtrlC:
            out.put("^C\r\n");
            length_ = cursor_ = 0;
            line_[0] = '\0';
            browsing_ = 0;
            return Event::kInterrupt;
        case kCtrlD:
            if (length_ != 0) return Event::kNone;
            out.put("\r\n");
            return Event::kEndOfInput;
        case kTab:
            complete(out);
            return Event::kNone;
        case kEscape:
            state_ = State::kEscape;
            return Event::kNone;
        default:
            return Event::kNone;  // other control bytes and non-ASCII: ignored
    }
}

void LineEditor::feed_sequence_end(uint8_t final_byte, OutputBuffer& out) {
    switch (final_byte) {
        case 'A':
            history_step(+1, out);
            break;
        case 'B':
            history_step(-1, out);
            break;
        case 'C':
            if (cursor_ < length_) move_to(cursor_ + 1, out);
            break;
        case 'D':
            if (cursor_ > 0) move_to(cursor_ - 1, out);
            break;
        case 'H':
            move_to(0, out);
            break;
        case 'F':
            move_to(length_, out);
            break;
        case '~':  // ESC [ n ~: 1 or 7 Home, 4 or 8 End, 3 Delete
            if (sequence_parameter_ == 1 || sequence_parameter_ == 7) move_to(0, out);
            if (sequence_parameter_ == 4 || sequence_parameter_ == 8) move_to(length_, out);
            if (sequence_parameter_ == 3 && cursor_ < length_) {
                move_to(cursor_ + 1, out);
                erase_before_cursor(out);
            }
            break;
        default:
            break;
    }
}

void LineEditor::insert(char character, OutputBuffer& out) {
    if (length_ == kMaxLine) {
        out.put('\a');
        return;
    }
    __builtin_memmove(line_ + cursor_ + 1, line_ + cursor_, length_ - cursor_ + 1);
    line_[cursor_] = character;
    ++length_;
    ++cursor_;
    // The new character and everything after it, then back to the cursor.
    out.put(line_ + cursor_ - 1, length_ - cursor_ + 1);
    cursor_left(length_ - cursor_, out);
}

void LineEditor::erase_before_cursor(OutputBuffer& out) {
    if (cursor_ == 0) {
        out.put('\a');
        return;
    }
    __builtin_memmove(line_ + cursor_ - 1, line_ + cursor_, length_ - cursor_ + 1);
    --cursor_;
    --length_;
    // Back one, the rest of the line over it, a blank over the old last
    // character, back to the cursor.
    out.put('\b');
    out.put(line_ + cursor_, length_ - cursor_);
    out.put(' ');
    cursor_left(length_ - cursor_ + 1, out);
}

void LineEditor::move_to(size_t position, OutputBuffer& out) {
    if (position < cursor_) cursor_left(cursor_ - position, out);
    if (position > cursor_) cursor_right(position - cursor_, out);
    cursor_ = position;
}

void LineEditor::history_step(int direction, OutputBuffer& out) {
    if (direction > 0) {
        if (browsing_ == history_count_) {
            out.put('\a');
            return;
        }
        if (browsing_ == 0) {
            __builtin_memcpy(draft_, line_, length_ + 1);
            draft_length_ = length_;
        }
        ++browsing_;
    } else {
        if (browsing_ == 0) {
            out.put('\a');
            return;
        }
        --browsing_;
    }
    if (browsing_ == 0) {
        replace_line(draft_, draft_length_, out);
    } else {
        const char* entry = history_entry(browsing_ - 1);
        replace_line(entry, __builtin_strlen(entry), out);
    }
}

void LineEditor::complete(OutputBuffer& out) {
    // Only the command name: the cursor at the end of a first word.
    if (cursor_ != length_ || __builtin_memchr(line_, ' ', length_) != nullptr) {
        out.put('\a');
        return;
    }
    const char* first = nullptr;
    size_t matches = 0;
    size_t common = 0;  // the longest common prefix of the matches
    for (size_t i = 0; i < completion_count_; ++i) {
        const char* name = completions_[i];
        if (__builtin_strncmp(name, line_, length_) != 0) continue;
        if (matches++ == 0) {
            first = name;
            common = __builtin_strlen(name);
            continue;
        }
        size_t same = 0;
        while (same < common && first[same] == name[same])
            ++same;
        common = same;
    }
    if (matches == 0) {
        out.put('\a');
        return;
    }
    if (common > length_) {
        for (size_t i = length_; i < common; ++i)
            insert(first[i], out);
        if (matches == 1) insert(' ', out);
        return;
    }
    if (matches == 1) {  // already complete: just the separating space
        insert(' ', out);
        return;
    }
    // Nothing to add: show the candidates, then the line again.
    out.put("\r\n");
    const char* separator = "";
    for (size_t i = 0; i < completion_count_; ++i) {
        if (__builtin_strncmp(completions_[i], line_, length_) != 0) continue;
        out.put(separator);
        out.put(completions_[i]);
        separator = "  ";
    }
    out.put("\r\n");
    out.put(prompt_);
    out.put(line_, length_);
}

void LineEditor::replace_line(const char* text, size_t length, OutputBuffer& out) {
    __builtin_memcpy(line_, text, length);
    line_[length] = '\0';
    length_ = cursor_ = length;
    redraw(out);
}

void LineEditor::redraw(OutputBuffer& out) {
    out.put('\r');
    out.put(prompt_);
    out.put(line_, length_);
    out.put("\x1b[K");  // erase what the old line left to the right
    cursor_left(length_ - cursor_, out);
}

void LineEditor::remember_line() {
    if (length_ == 0) return;
    const char* newest = history_entry(0);
    if (newest != nullptr && __builtin_strcmp(newest, line_) == 0) return;
    __builtin_memcpy(history_[history_next_], line_, length_ + 1);
    history_next_ = (history_next_ + 1) % kHistory;
    if (history_count_ < kHistory) ++history_count_;
}

}  // namespace cairn::shell
