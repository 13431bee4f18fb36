// Running programs from bin/: any word that is not a command, and ipcbench.
// A program gets the same start slots as a service (services/runtime/
// service.h): 1 a quota of its own, split from the shell's, 2 a copy of the
// shell's name-server capability (lookups). The shell waits for it; Ctrl-C
// ends it. Its printf goes to the kernel's console, the same serial port.
#include <string.h>

#include "cairn/sys.h"
#include "cairn/syscalls.h"
#include "services/runtime/service.h"
#include "services/shell/format.h"
#include "services/shell/shell.h"

namespace cairn::shell {

namespace {

// A program's quota: the program itself (its process, main thread, program
// pages, and the page tables, stack and heap pages it touches: about 150 KiB
// for a small one), its kernel objects (a few endpoints, threads at 18 KiB
// each) and the memory it allocates. ipcbench moves 1 MiB memory objects
// (memory_take charges the quota) and makes its servers' objects; it gets
// what the shell can spare if that is less (its zero-copy figure then
// fails with kQuotaExceeded, the others run).
constexpr uint64_t kProgramQuota = 1024 * 1024;
constexpr uint64_t kIpcbenchQuota = 4 * 1024 * 1024;
// How often the shell looks for Ctrl-C while a program runs.
constexpr uint64_t kPollNs = 100'000'000;
// The status a program ended by Ctrl-C gets (128 + SIGINT, as sh reports it).
constexpr int64_t kInterruptedStatus = 130;

// What the shell keeps for itself when it splits its quota: its own
// objects (reconnections, the service manager's endpoint) come from it.
constexpr uint64_t kShellReserve = 64 * 1024;

// The bytes the shell can give a program beyond kShellReserve (page multiples), or 0.
uint64_t spare_quota() {
    CapInfo info{};
    if (!sys::cap_info(service::kQuotaSlot, &info) || info.size <= kShellReserve) return 0;
    return (info.size - kShellReserve) & ~uint64_t{4095};
}

void put_status_line(OutputBuffer& out, const char* program, const char* what, Status status) {
    out.put(program);
    out.put(what);
    out.put(status_name(status));
    out.put("\r\n");
}

// Waits for process `pid`; its exit status (Ctrl-C: killed, kInterruptedStatus).
int64_t wait_for(Shell& shell, uint64_t pid) {
    for (;;) {
        Result waited = sys::process_wait(pid, kPollNs);
        // Negative exit statuses come back like failures; kTimedOut is the
        // only one that means "still running" (a program exiting with -11
        // is shown as having timed out: rare enough to accept).
        if (waited.status() != Status::kTimedOut) return waited.raw;
        if (!shell.interrupt_typed()) continue;
        Result process =
            sys::cap_obtain(ObjectType::kProcess, pid, kAllRights, service::kQuotaSlot);
        if (process) {
            (void)sys::process_kill(process.value(), kInterruptedStatus);
            (void)sys::cap_delete(process.value());
        }
        shell.out().put("^C\r\n");
        shell.flush();
    }
}

// Starts bin/<program> with `argument` and the start slots, waits for it
// and reports a failure or a non-zero status; returns the status.
int run(Shell& shell, const char* program, const char* argument, uint64_t quota_bytes) {
    OutputBuffer& out = shell.out();
    char path[64] = "bin/";
    if (strlen(program) + 4 >= sizeof(path)) {
        out.put(program);
        out.put(": command not found\r\n");
        return 1;
    }
    strcat(path, program);
    Result quota = sys::cap_create(service::kQuotaSlot, ObjectType::kQuota, quota_bytes);
    if (!quota && quota.status() == Status::kQuotaExceeded) {
        // Less than wanted is left (the service manager gives the shell a
        // fixed quota): the program gets what the shell can spare.
        uint64_t spare = spare_quota();
        if (spare != 0) {
            out.put(program);
            out.put(": only ");
            out.put_number(spare / 1024);
            out.put(" KiB of quota to give it\r\n");
            shell.flush();
            quota = sys::cap_create(service::kQuotaSlot, ObjectType::kQuota, spare);
        }
    }
    if (!quota) {
        put_status_line(out, program, ": no quota for it: ", quota.status());
        return 1;
    }
    const CapSlot caps[] = {static_cast<CapSlot>(quota.value()), service::kNameServerSlot};
    // The quota moves (it is the program's alone, and pays for the program
    // itself); the name server is copied.
    Result pid = sys::spawn_with_caps(path, argument, caps, 2, 1, caps[0]);
    if (!pid) {
        (void)sys::cap_delete(quota.value());  // still ours if the spawn failed
        if (pid.status() == Status::kNotFound) {
            out.put(program);
            out.put(": command not found\r\n");
        } else {
            put_status_line(out, program, ": cannot start: ", pid.status());
        }
        return 1;
    }
    int64_t status = wait_for(shell, pid.value());
    if (status != 0) {
        out.put(program);
        out.put(": exited with status ");
        put_signed(out, status);
        out.put("\r\n");
    }
    return static_cast<int>(status);
}

}  // namespace

int run_program(Shell& shell, const char* program, const char* argument) {
    return run(shell, program, argument, kProgramQuota);
}

int run_ipcbench(void* context, size_t, char**, OutputBuffer&) {
    Shell& shell = *static_cast<Shell*>(context);
    shell.out().put("ipcbench: a few seconds; its figures are nanoseconds here (no -icount)\r\n");
    shell.flush();
    // Its default argument: every benchmark. run() reports a failure.
    (void)run(shell, "ipcbench", "", kIpcbenchQuota);
    return 0;
}

}  // namespace cairn::shell
