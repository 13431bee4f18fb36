// The shell as the service manager starts it (images/BUILD SERVICES,
// needs=nameserver): connects to the console service, prints a banner and
// the prompt, runs LineEditor on what is typed and the command table
// (commands.cc) on each line; any other word runs bin/<word>.
#include <stdio.h>
#include <string.h>

#include "cairn/syscalls.h"
#include "services/shell/command_line.h"
#include "services/shell/line_editor.h"
#include "services/shell/program_line.h"
#include "services/shell/shell.h"

namespace {

using namespace cairn;
using shell::CommandTable;
using shell::LineEditor;

shell::Shell the_shell;
CommandTable table(shell::kCommands, shell::kCommandCount);
LineEditor editor("cairn> ", table.names(), table.size());

void run_line(const char* typed) {
    static shell::ProgramLine parsed;  // 0.5 KiB: not on the stack
    shell::classify_line(table, typed, &parsed);
    if (parsed.kind == shell::ProgramLine::Kind::kProgram) {
        the_shell.flush();
        // It reports a failure itself.
        (void)shell::run_program(the_shell, parsed.program, parsed.argument);
        return;
    }
    // A table command, an empty line or a syntax error: the table says so.
    // A command reports its own failure; its status adds nothing to that.
    char command_line[LineEditor::kMaxLine + 1];
    memcpy(command_line, typed, strlen(typed) + 1);
    int status = 0;
    (void)table.execute(command_line, &the_shell, the_shell.out(), &status);
}

}  // namespace

int main() {
    if (!table.valid()) {
        printf("shell: the command table is invalid\n");
        return 1;
    }
    the_shell.set_table(&table);
    Status status = the_shell.connect_console();
    if (status != Status::kOk) {
        printf("shell: no console: %s\n", status_name(status));
        return 1;
    }
    the_shell.out().put(
        "\r\nCairn shell. 'help' lists the commands; other words run bin/<word>.\r\n");
    editor.start(the_shell.out());
    the_shell.flush();
    for (;;) {
        uint8_t bytes[64];
        Result received = the_shell.read(bytes, sizeof(bytes), kForever);
        if (!received) {
            printf("shell: console read failed: %s\n", status_name(received.status()));
            return 1;
        }
        for (size_t i = 0; i < received.value(); ++i) {
            LineEditor::Event event = editor.feed(bytes[i], the_shell.out());
            if (event == LineEditor::Event::kNone) continue;
            if (event == LineEditor::Event::kLine) {
                the_shell.flush();  // the line end before the command's output
                run_line(editor.line());
            }
            // kInterrupt (Ctrl-C; the editor echoed ^C and dropped the
            // line) and kEndOfInput (Ctrl-D): a fresh prompt. The shell
            // does not end: the serial console is all an operator has.
            editor.start(the_shell.out());
        }
        the_shell.flush();
    }
}
