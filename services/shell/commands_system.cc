// The commands that read the kernel's view of the system: ps (thread_list),
// mem (memory_nodes, system_info), uptime (system_info), sleep.
#include "cairn/sys.h"
#include "cairn/syscalls.h"
#include "services/shell/format.h"
#include "services/shell/shell.h"

namespace cairn::shell {

namespace {

// Threads asked for per thread_list call; also the rows sent per flush, so
// that a long list never overflows the shell's 2 KiB output buffer.
constexpr uint64_t kThreadPage = 16;

constexpr Column kThreadColumns[] = {
    {"TID", 5, true},    {"PID", 5, true},       {"PRIO", 4, true},
    {"STATE", 5, false}, {"CPU TIME", 12, true}, {"NAME", 0, false},
};

constexpr Column kNodeColumns[] = {
    {"NODE", 4, true},
    {"FREE MiB", 10, true},
    {"TOTAL MiB", 10, true},
};

bool system_info(SystemInfo* info, OutputBuffer& out) {
    Result result = sys::system_info(info);
    if (result) return true;
    out.put("system_info: ");
    out.put(status_name(result.status()));
    out.put("\r\n");
    return false;
}

}  // namespace

int run_ps(void* context, size_t, char**, OutputBuffer& out) {
    Shell& shell = *static_cast<Shell*>(context);
    TableWriter table(kThreadColumns, sizeof(kThreadColumns) / sizeof(kThreadColumns[0]), out);
    table.header();
    ThreadInfo threads[kThreadPage];
    uint64_t after = 0;
    size_t total = 0;
    for (;;) {
        Result listed = sys::thread_list(threads, kThreadPage, after);
        if (!listed) {
            out.put("thread_list: ");
            out.put(status_name(listed.status()));
            out.put("\r\n");
            return 1;
        }
        for (uint64_t i = 0; i < listed.value() && i < kThreadPage; ++i) {
            const ThreadInfo& thread = threads[i];
            char cpu_time[kFormatCapacity];
            format_duration(cpu_time, thread.cpu_time_ns);
            char name[sizeof(thread.name) + 1] = {};
            __builtin_memcpy(name, thread.name, sizeof(thread.name));
            table.number(thread.thread_id);
            table.number(thread.process_id);
            table.number(thread.priority);
            table.text(thread_state_name(thread.state));
            table.text(cpu_time);
            table.text(name);
            table.end_row();
            after = thread.thread_id;
            ++total;
        }
        shell.flush();
        if (listed.value() < kThreadPage) break;
    }
    out.put_number(total);
    out.put(" threads\r\n");
    return 0;
}

int run_mem(void*, size_t, char**, OutputBuffer& out) {
    constexpr uint64_t kMaxNodes = 16;
    MemoryNodeInfo nodes[kMaxNodes];
    Result count = sys::memory_nodes(nodes, kMaxNodes);
    if (!count) {
        out.put("memory_nodes: ");
        out.put(status_name(count.status()));
        out.put("\r\n");
        return 1;
    }
    TableWriter table(kNodeColumns, sizeof(kNodeColumns) / sizeof(kNodeColumns[0]), out);
    table.header();
    for (uint64_t i = 0; i < count.value() && i < kMaxNodes; ++i) {
        char free_mib[kFormatCapacity], total_mib[kFormatCapacity];
        format_mib(free_mib, nodes[i].free_bytes);
        format_mib(total_mib, nodes[i].total_bytes);
        table.number(nodes[i].node);
        table.text(free_mib);
        table.text(total_mib);
        table.end_row();
    }
    SystemInfo info{};
    if (!system_info(&info, out)) return 1;
    out.put("all nodes: ");
    put_mib(out, info.free_memory);
    out.put(" MiB free of ");
    put_mib(out, info.total_memory);
    out.put(" MiB; kernel heap ");
    put_mib(out, info.kernel_heap_bytes);
    out.put(" MiB (objects ");
    put_mib(out, info.kernel_objects_bytes);
    out.put(" MiB)\r\n");
    return 0;
}

int run_uptime(void*, size_t, char**, OutputBuffer& out) {
    SystemInfo info{};
    if (!system_info(&info, out)) return 1;
    out.put("up ");
    put_duration(out, info.uptime_ns);
    out.put(", ");
    out.put_number(info.cpu_count);
    out.put(" CPUs, ");
    out.put_number(info.process_count);
    out.put(" processes, ");
    out.put_number(info.thread_count);
    out.put(" threads\r\n");
    return 0;
}

int run_sleep(void*, size_t argc, char** argv, OutputBuffer& out) {
    uint64_t nanoseconds = 0;
    if (argc != 2 || !parse_seconds(argv[1], &nanoseconds)) {
        out.put("usage: sleep <seconds> (e.g. 2 or 0.5, at most 86400)\r\n");
        return 2;
    }
    (void)sys::thread_sleep(nanoseconds);
    return 0;
}

}  // namespace cairn::shell
