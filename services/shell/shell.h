// The shell program's state shared by its commands: the console it talks
// through (the console service, console.proto) and the output the pure parts
// collect. Commands get the Shell as their CommandTable context.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"
#include "cairn/status.h"
#include "cairn/sys.h"
#include "services/console/console.ipc.h"
#include "services/shell/command_line.h"
#include "services/shell/output_buffer.h"

namespace cairn::shell {

class Shell {
public:
    // Ctrl-C (ETX): at the prompt it discards the line, while a program
    // runs it ends the program.
    static constexpr uint8_t kInterrupt = 0x03;

    // Looks "console" up, retrying while it is not registered yet (the
    // service manager starts the services together); kNotFound after about
    // kConnectAttempts * kConnectRetryNs.
    static constexpr int kConnectAttempts = 100;
    static constexpr uint64_t kConnectRetryNs = 50'000'000;
    // A console that went away (restarted) is looked up again this often.
    static constexpr int kReconnectAttempts = 20;
    Status connect_console();

    OutputBuffer& out() { return out_; }
    // Sends what out() holds to the console and empties it. A console that
    // went away (restarted) is looked up again (kReconnectAttempts).
    void flush();
    // Up to `capacity` (<= 256) typed bytes: type-ahead kept while a
    // program ran first, else from the console, waiting up to timeout_ns;
    // the count, or kTimedOut, or the failure after the reconnection attempts.
    Result read(uint8_t* bytes, size_t capacity, uint64_t timeout_ns);
    // While a program runs: true if Ctrl-C was typed since the last look
    // (the type-ahead is dropped with it, as a terminal flushes its input
    // on an interrupt); other bytes are kept for the prompt.
    bool interrupt_typed();

    // The service manager's endpoint ("services"), looked up on first use;
    // 0 (and the reason in out()) if it cannot be found.
    CapSlot service_manager();
    // Forgets the service manager's endpoint (it went away: look it up anew).
    void drop_service_manager();

    void set_table(const CommandTable* table) { table_ = table; }
    const CommandTable* table() const { return table_; }

private:
    Status send(const char* bytes, size_t length);
    Result read_console(uint8_t* bytes, size_t capacity, uint64_t timeout_ns);
    template <typename Call>
    Status with_console(Call call);

    ::console::ConsoleClient console_{0};
    CapSlot console_slot_ = 0;
    CapSlot services_slot_ = 0;
    const CommandTable* table_ = nullptr;
    OutputBuffer out_;
    // Bytes typed while a program ran: typeahead_[typeahead_start_,
    // typeahead_length_), handed to read() before the console's; what does
    // not fit is dropped.
    uint8_t typeahead_[256] = {};
    size_t typeahead_start_ = 0;
    size_t typeahead_length_ = 0;
};

// The shell's own commands (commands.cc) ...
extern const Command kCommands[];
extern const size_t kCommandCount;
// ... and what any other word does (program_line.h): runs bin/<program>
// with `argument` (commands_programs.cc). Returns the program's exit
// status (non-zero ones are shown), or 1 with the reason shown;
// "<program>: command not found" if there is no such program.
int run_program(Shell& shell, const char* program, const char* argument);

// The command implementations, by file.
int run_help(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_ps(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_mem(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_uptime(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_sleep(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_services(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_kill(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_restart(void* shell, size_t argc, char** argv, OutputBuffer& out);
int run_ipcbench(void* shell, size_t argc, char** argv, OutputBuffer& out);

}  // namespace cairn::shell
