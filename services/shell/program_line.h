// Which way the shell runs a typed line (pure; host-tested): a command of
// its table, or bin/<first word> with the other words joined into the
// program's one argument string. The line is split on a copy, because
// CommandTable::execute splits the original itself.
#pragma once

#include <stddef.h>

#include "services/shell/command_line.h"

namespace cairn::shell {

struct ProgramLine {
    enum class Kind {
        kTable,    // empty, a syntax error or a table command: CommandTable::execute
        kProgram,  // run bin/<program> with `argument`
    };
    Kind kind = Kind::kTable;
    char words_storage[256] = {};  // the split copy `program` points into
    const char* program = nullptr;
    char argument[256] = {};
};

// Fills `result` for `line` (NUL-terminated; only its first 255
// characters, LineEditor::kMaxLine, count). The argument is never longer
// than the line, so it always fits process_spawn's 255 bytes.
void classify_line(const CommandTable& table, const char* line, ProgramLine* result);

}  // namespace cairn::shell
