// The shell's command table, and help (echo is command_line.h's).
#include "services/shell/shell.h"

namespace cairn::shell {

const Command kCommands[] = {
    {"echo", "print the arguments", run_echo},
    {"help", "list the commands", run_help},
    {"ipcbench", "run the IPC benchmark (bin/ipcbench)", run_ipcbench},
    {"kill", "kill <service|pid>: end a service's process", run_kill},
    {"mem", "free and total memory per node", run_mem},
    {"ps", "the threads: id, process, priority, state, cpu time, name", run_ps},
    {"restart", "restart <service>: start a stopped or failed service", run_restart},
    {"services", "the services, their state, process and restarts", run_services},
    {"sleep", "sleep <seconds>: wait (e.g. 0.5)", run_sleep},
    {"uptime", "time since boot", run_uptime},
};
const size_t kCommandCount = sizeof(kCommands) / sizeof(kCommands[0]);

int run_help(void* context, size_t, char**, OutputBuffer& out) {
    static_cast<Shell*>(context)->table()->describe(out);
    out.put("  <program> [arguments]   run bin/<program>; Ctrl-C ends it\r\n");
    return 0;
}

}  // namespace cairn::shell
