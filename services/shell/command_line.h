// The shell's command table and argument splitter, pure code (host-tested).
//
// split_arguments: a line -> words, in place, the way sh does it for the
// cases a shell on a serial console needs: blanks (space, tab) separate
// words; '...' is literal; "..." keeps blanks and takes \" and \\ as
// escapes (a backslash before anything else stays); outside quotes a
// backslash makes the next character literal; quoted and unquoted parts
// next to each other form one word (a"b c"d is `ab cd`); "" is an empty word.
#pragma once

#include <stddef.h>

#include "services/shell/output_buffer.h"

namespace cairn::shell {

enum class SplitError {
    kNone,
    kUnterminatedQuote,  // a ' or " without its closing partner
    kDanglingEscape,     // a backslash at the very end
    kTooManyWords,       // more words than `capacity`
};

struct SplitResult {
    size_t count;  // words stored (0 on error)
    SplitError error;
};

// Rewrites `line` in place (words are NUL-terminated pieces of it; the
// result is never longer than the input) and points words[0..count) at them.
SplitResult split_arguments(char* line, char** words, size_t capacity);
const char* split_error_message(SplitError error);

struct Command {
    const char* name;     // one word: letters, digits, '_' and '-'
    const char* summary;  // one line for `help`
    // argv[0] is the command's name. The result is the command's status
    // (0: success), which the shell shows when it is not 0.
    int (*run)(void* context, size_t argc, char** argv, OutputBuffer& out);
};

class CommandTable {
public:
    static constexpr size_t kMaxCommands = 32;
    static constexpr size_t kMaxWords = 16;

    // `commands` must outlive the table. valid() tells whether the table
    // is usable: at most kMaxCommands, names well formed and distinct.
    CommandTable(const Command* commands, size_t count);
    bool valid() const { return valid_; }

    const Command* find(const char* name) const;
    size_t size() const { return count_; }
    const Command& operator[](size_t i) const { return commands_[i]; }
    // The names, in table order (for LineEditor's Tab completion).
    const char* const* names() const { return names_; }

    enum class Outcome {
        kEmpty,        // nothing but blanks: nothing ran
        kSyntaxError,  // the message is in `out`
        kUnknown,      // no such command; "<name>: command not found" is in `out`
        kRan,          // *status holds the command's result
    };
    // Splits `line` (in place), finds its command and runs it.
    Outcome execute(char* line, void* context, OutputBuffer& out, int* status) const;

    // `help`: one line per command, names aligned ("  name   summary\r\n").
    void describe(OutputBuffer& out) const;

private:
    const Command* commands_;
    size_t count_;
    const char* names_[kMaxCommands] = {};
    bool valid_ = true;
};

// `echo`: the arguments separated by single blanks, then a line break.
// Every command table can list it ({"echo", ..., run_echo}).
int run_echo(void* context, size_t argc, char** argv, OutputBuffer& out);

}  // namespace cairn::shell
