#include "services/shell/command_line.h"

// Clang builtins, not <string.h>: this code also builds where no C library
// headers are on the include path (they lower to the C library's functions).

namespace cairn::shell {

namespace {

bool is_blank(char character) {
    return character == ' ' || character == '\t';
}

bool is_name_character(char character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           (character >= '0' && character <= '9') || character == '_' || character == '-';
}

}  // namespace

SplitResult split_arguments(char* line, char** words, size_t capacity) {
    // Invariant: write <= read, so the words never overtake the text still
    // to be read.
    char* read = line;
    char* write = line;
    size_t count = 0;
    for (;;) {
        while (is_blank(*read))
            ++read;
        if (*read == '\0') return {count, SplitError::kNone};
        if (count == capacity) return {0, SplitError::kTooManyWords};
        words[count++] = write;
        while (*read != '\0' && !is_blank(*read)) {
            char character = *read++;
            if (character == '\'') {
                while (*read != '\'') {
                    if (*read == '\0') return {0, SplitError::kUnterminatedQuote};
                    *write++ = *read++;
                }
                ++read;
            } else if (character == '"') {
                while (*read != '"') {
                    if (*read == '\0') return {0, SplitError::kUnterminatedQuote};
                    if (*read == '\\' && (read[1] == '"' || read[1] == '\\')) ++read;
                    *write++ = *read++;
                }
                ++read;
            } else if (character == '\\') {
                if (*read == '\0') return {0, SplitError::kDanglingEscape};
                *write++ = *read++;
            } else {
                *write++ = character;
            }
        }
        // `read` is at a blank or the end; the terminator fits at `write`.
        bool at_end = *read == '\0';
        *write++ = '\0';
        if (at_end) return {count, SplitError::kNone};
        ++read;
    }
}

const char* split_error_message(SplitError error) {
    switch (error) {
        case SplitError::kNone:
            return "no error";
        case SplitError::kUnterminatedQuote:
            return "unterminated quote";
        case SplitError::kDanglingEscape:
            return "backslash at the end of the line";
        case SplitError::kTooManyWords:
            return "too many arguments";
    }
    return "unknown error";
}

CommandTable::CommandTable(const Command* commands, size_t count)
    : commands_(commands), count_(count) {
    if (count > kMaxCommands) {
        valid_ = false;
        count_ = 0;
        return;
    }
    for (size_t i = 0; i < count; ++i) {
        const char* name = commands[i].name;
        names_[i] = name;
        if (name == nullptr || name[0] == '\0' || commands[i].run == nullptr) {
            valid_ = false;
            continue;
        }
        for (const char* c = name; *c != '\0'; ++c) {
            if (!is_name_character(*c)) valid_ = false;
        }
        for (size_t j = 0; j < i; ++j) {
            if (names_[j] != nullptr && __builtin_strcmp(names_[j], name) == 0) valid_ = false;
        }
    }
}

const Command* CommandTable::find(const char* name) const {
    for (size_t i = 0; i < count_; ++i) {
        if (__builtin_strcmp(commands_[i].name, name) == 0) return &commands_[i];
    }
    return nullptr;
}

CommandTable::Outcome CommandTable::execute(char* line, void* context, OutputBuffer& out,
                                            int* status) const {
    char* words[kMaxWords];
    SplitResult split = split_arguments(line, words, kMaxWords);
    if (split.error != SplitError::kNone) {
        out.put("shell: ");
        out.put(split_error_message(split.error));
        out.put("\r\n");
        return Outcome::kSyntaxError;
    }
    if (split.count == 0) return Outcome::kEmpty;
    const Command* command = valid_ ? find(words[0]) : nullptr;
    if (command == nullptr) {
        out.put(words[0]);
        out.put(": command not found\r\n");
        return Outcome::kUnknown;
    }
    int result = command->run(context, split.count, words, out);
    if (status != nullptr) *status = result;
    return Outcome::kRan;
}

void CommandTable::describe(OutputBuffer& out) const {
    size_t width = 0;
    for (size_t i = 0; i < count_; ++i) {
        size_t length = __builtin_strlen(commands_[i].name);
        if (length > width) width = length;
    }
    for (size_t i = 0; i < count_; ++i) {
        out.put("  ");
        out.put(commands_[i].name);
        for (size_t pad = __builtin_strlen(commands_[i].name); pad < width + 3; ++pad)
            out.put(' ');
        out.put(commands_[i].summary != nullptr ? commands_[i].summary : "");
        out.put("\r\n");
    }
}

int run_echo(void*, size_t argc, char** argv, OutputBuffer& out) {
    for (size_t i = 1; i < argc; ++i) {
        if (i > 1) out.put(' ');
        out.put(argv[i]);
    }
    out.put("\r\n");
    return 0;
}

}  // namespace cairn::shell
