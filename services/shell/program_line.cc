#include "services/shell/program_line.h"

#include "services/shell/format.h"

namespace cairn::shell {

void classify_line(const CommandTable& table, const char* line, ProgramLine* result) {
    *result = ProgramLine{};
    size_t length = 0;
    while (line[length] != '\0' && length + 1 < sizeof(result->words_storage)) {
        result->words_storage[length] = line[length];
        ++length;
    }
    result->words_storage[length] = '\0';
    char* words[CommandTable::kMaxWords];
    SplitResult split = split_arguments(result->words_storage, words, CommandTable::kMaxWords);
    // Errors and empty lines are the table's to report, and so are its commands.
    if (split.error != SplitError::kNone || split.count == 0 || table.find(words[0]) != nullptr) {
        return;
    }
    result->program = words[0];
    // Fits: the words are pieces of the line, and joined they take at most
    // the blanks that separated them.
    (void)join_words(words + 1, split.count - 1, result->argument, sizeof(result->argument));
    result->kind = ProgramLine::Kind::kProgram;
}

}  // namespace cairn::shell
