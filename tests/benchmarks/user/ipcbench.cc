// ipcbench: IPC costs measured from user space. Booted as init
// (`init=ipcbench`) by //tests/benchmarks:ipc_<arch> under QEMU
// `-icount shift=0,sleep=off` with 2 CPUs, where one nanosecond of the
// guest clock is one guest instruction: every figure is guest instructions
// per operation (with 2 CPUs: instructions of both CPUs while it ran,
// including the loop, ~5 instructions). The fast-path round trips are also
// given net of the measuring code ("..., net"), as sel4bench reports
// seL4's: the client's and the server's loops run once more with nops in
// place of the two system calls (cairn::arch::nop_syscall6), and that cost
// is subtracted.
//
//   null syscall                      reference: user -> kernel -> user
//   send -> receive, other AS         one-way: ipc_send to a server in
//                                     ipc_receive, per message
//   call/reply 64 B, other AS         ipc_call + the server's reply_recv,
//                                     full 64-byte messages: the fast path
//                                     (both Messages in the threads' IPC
//                                     buffers, cairn::ipc_buffer())
//   call/reply 64 B, copied           the same with the client's Message on
//                                     its stack: checked user copies
//   call/reply 0 B, other AS          the same with empty messages
//   call/reply 64 B, same AS          server is a thread of this process
//   call/reply slow (lower prio)      server at a lower priority than the
//                                     caller: the fast path must not run
//   call/reply 64 B, cross CPU        server pinned to CPU 1, caller to 0
//   notify -> wake                    two threads ping-pong over two
//                                     notifications; per signal
//   1 MiB out-of-line                 a call carrying a 1 MiB buffer,
//                                     copied into the server's buffer
//   1 MiB zero-copy                   memory_take of 1 MiB written pages,
//                                     moved in a call; the server maps,
//                                     unmaps and deletes it (refilling the
//                                     pages for the next round is not timed)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cairn/message.h"
#include "cairn/sys.h"
#include "cairn/thread.h"

namespace {

using cairn::CapSlot;
using cairn::Message;
using cairn::ObjectType;
using cairn::Result;
using namespace cairn::sys;

constexpr uint64_t kQuit = 0xdead;
constexpr uint64_t kCalls = 20000;
constexpr uint64_t kTransfers = 20;
constexpr uint64_t kMiB = 1024 * 1024;
constexpr uint64_t kNormalPriority = 120;
constexpr uint64_t kLowPriority = 130;

uint64_t now() {
    return clock_monotonic();
}

void pin(uint64_t cpu) {
    (void)thread_set_affinity(0, uint64_t{1} << cpu);
    (void)thread_yield();  // move there now
}

void report(const char* name, uint64_t total, uint64_t operations) {
    printf("ipcbench: %-30s %7llu instructions/op (%llu ops)\n", name,
           static_cast<unsigned long long>(total / operations),
           static_cast<unsigned long long>(operations));
}

void fail(const char* what, Result result) {
    printf("ipcbench: %s: %s; figure invalid\n", what, cairn::status_name(result.status()));
}

CapSlot create(ObjectType type) {
    Result result = cap_create(cairn::kInitQuotaSlot, type);
    if (!result) fail("cap_create", result);
    return result.value();
}

// ---- the two calls of a round trip: for real, or nops (the measuring code)

struct RealCalls {
    static Result call(CapSlot endpoint, Message* message) { return ipc_call(endpoint, message); }
    static Result reply_receive(CapSlot endpoint, Message* message) {
        return ipc_reply_receive(endpoint, message);
    }
};

// The same register setup as RealCalls, with a nop instead of the trap;
// the result is the endpoint slot, which reads as success.
struct NopCalls {
    static Result call(CapSlot endpoint, Message* message) {
        return {cairn::arch::nop_syscall6(static_cast<uint64_t>(cairn::Syscall::kIpcCall), endpoint,
                                          word(message), cairn::kForever, 0, 0, 0)};
    }
    static Result reply_receive(CapSlot endpoint, Message* message) {
        return {cairn::arch::nop_syscall6(static_cast<uint64_t>(cairn::Syscall::kIpcReplyReceive),
                                          endpoint, word(message), cairn::kForever, 0, 0, 0)};
    }
};

// The client's timed loop: `calls` round trips with `length` data bytes.
template <typename Calls>
[[gnu::noinline]] void client_loop(CapSlot endpoint, Message& message, uint32_t length,
                                   uint64_t calls) {
    for (uint64_t i = 0; i < calls; ++i) {
        message.id = 1;
        message.data_length = length;
        (void)Calls::call(endpoint, &message);
    }
}

// The reply_receive server's loop: answers each message with as much as
// was sent (id + 1), until one with id kQuit.
template <typename Calls>
[[gnu::noinline]] void reply_receive_loop(CapSlot endpoint, Message& message) {
    while (message.id != kQuit) {
        uint32_t length = message.data_length;
        message.id += 1;
        message.cap_count = 0;
        message.cap_move = 0;
        message.data_length = length;
        message.buffer = 0;
        message.buffer_length = 0;
        if (!Calls::reply_receive(endpoint, &message)) return;
    }
}

// ---- servers (a child process "server:<kind>:<cpu>:<priority>", or a thread)

enum class ServerKind { kReplyReceive, kReceive, kOutOfLine, kZeroCopy };

void serve(CapSlot endpoint, ServerKind kind) {
    Message& message = *cairn::ipc_buffer();  // the fast path's slot
    message = cairn::make_message();
    void* room = kind == ServerKind::kOutOfLine ? malloc(kMiB) : nullptr;
    if (room != nullptr) cairn::set_buffer(message, room, kMiB);
    if (!ipc_receive(endpoint, &message)) return;
    if (kind == ServerKind::kReplyReceive) return reply_receive_loop<RealCalls>(endpoint, message);
    while (message.id != kQuit) {
        if (kind == ServerKind::kReceive) {
            message = cairn::make_message();
            if (!ipc_receive(endpoint, &message)) return;
            continue;
        }
        if (kind == ServerKind::kZeroCopy && message.cap_count == 1) {
            Result mapping = memory_map(message.caps[0], kMiB, cairn::kMapRead);
            if (mapping) (void)as_unmap(0, mapping.value(), kMiB);
            (void)cap_delete(message.caps[0]);
        }
        uint32_t length = message.data_length;  // answer as much as was sent
        message.id += 1;
        message.cap_count = 0;
        message.cap_move = 0;
        message.data_length = length;
        message.buffer = reinterpret_cast<uintptr_t>(room);
        message.buffer_length = room != nullptr ? kMiB : 0;
        if (room != nullptr) {
            // The reply carries no buffer; the next request may.
            Message reply = message;
            reply.buffer = 0;
            reply.buffer_length = 0;
            if (!ipc_reply(0, reply)) return;
            message = cairn::make_message();
            cairn::set_buffer(message, room, kMiB);
            if (!ipc_receive(endpoint, &message)) return;
            continue;
        }
        if (!ipc_reply_receive(endpoint, &message)) return;  // kZeroCopy
    }
    free(room);
}

int server_main(const char* spec) {
    // spec: "<kind>:<cpu>:<priority>"
    char* end = nullptr;
    auto kind = static_cast<ServerKind>(strtoull(spec, &end, 10));
    uint64_t cpu = strtoull(end + 1, &end, 10);
    uint64_t priority = strtoull(end + 1, &end, 10);
    (void)thread_set_priority(0, priority);
    pin(cpu);
    serve(1, kind);
    return 0;
}

// A server process holding a copy of `endpoint` (slot 1 there).
uint64_t start_server_process(CapSlot endpoint, ServerKind kind, uint64_t cpu, uint64_t priority) {
    static constexpr char kPath[] = "bin/ipcbench";
    char argument[48];
    snprintf(argument, sizeof argument, "server:%d:%llu:%llu", static_cast<int>(kind),
             static_cast<unsigned long long>(cpu), static_cast<unsigned long long>(priority));
    cairn::SpawnArguments spawn{};
    spawn.path = kPath;
    spawn.path_length = sizeof kPath - 1;
    spawn.argument = argument;
    spawn.argument_length = strlen(argument);
    spawn.caps[0] = cap_copy(endpoint).value();
    spawn.cap_count = 1;
    spawn.cap_move = 1;
    spawn.quota = cairn::kInitQuotaSlot;  // or the shell's gift: a quota in slot 1 either way
    Result pid = process_spawn_with_caps(spawn);
    if (!pid) fail("spawn the server", pid);
    return pid.ok() ? pid.value() : 0;
}

bool verbose = false;  // init_arg=verbose: say what runs (finding a hang)

void step(const char* what) {
    if (verbose) printf("ipcbench: step: %s\n", what);
}

void stop_server(CapSlot endpoint, uint64_t pid) {
    step("stopping the server");
    Message quit = cairn::make_message(kQuit);
    Result sent = ipc_send(endpoint, quit, 5'000'000'000ull);
    if (!sent) fail("stop the server", sent);
    if (pid != 0) {
        Result waited = process_wait(pid, 5'000'000'000ull);
        if (!waited) fail("wait for the server", waited);
    }
    step("server stopped");
}

// ---- the measurements ---------------------------------------------------

void null_syscall() {
    constexpr uint64_t kNullCalls = 100000;
    uint64_t start = now();
    for (uint64_t i = 0; i < kNullCalls; ++i)
        (void)call(cairn::Syscall::kNull);
    report("null syscall", now() - start, kNullCalls);
}

// The measuring code's own cost, `total` minus it, and the figure net of
// it: the client's loop and the server's loop once more with nops instead
// of the two calls, on the same Message (the server's id counts up from
// kQuit - kCalls, so its loop ends after kCalls rounds as the real one does
// on kQuit).
void report_net(const char* name, CapSlot endpoint, Message& message, uint32_t length,
                uint64_t total) {
    uint64_t start = now();
    client_loop<NopCalls>(endpoint, message, length, kCalls);
    message.id = kQuit - kCalls;
    message.data_length = length;
    reply_receive_loop<NopCalls>(endpoint, message);
    uint64_t overhead = now() - start;
    char net_name[64];
    snprintf(net_name, sizeof net_name, "%s, net", name);
    report(net_name, overhead < total ? total - overhead : 0, kCalls);
}

// `calls` ipc_call round trips (after a warm-up) with `length` data bytes,
// from the thread's IPC buffer or (`copied`) from a Message on the stack.
bool measure_calls(const char* name, CapSlot endpoint, uint32_t length, bool copied = false) {
    step(name);
    Message on_stack;
    Message& message = copied ? on_stack : *cairn::ipc_buffer();
    message = cairn::make_message(1);
    memset(message.data, 0x5a, sizeof message.data);
    for (int i = 0; i < 200; ++i) {
        message.id = 1;
        message.data_length = length;
        Result result = ipc_call(endpoint, &message, 5'000'000'000ull);
        if (!result) {
            fail(name, result);
            return false;
        }
    }
    uint64_t start = now();
    client_loop<RealCalls>(endpoint, message, length, kCalls);
    uint64_t total = now() - start;
    report(name, total, kCalls);
    if (!copied) report_net(name, endpoint, message, length, total);
    return true;
}

void calls_other_process(const char* name, uint32_t length, uint64_t server_cpu,
                         uint64_t server_priority, bool copied = false) {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    uint64_t pid =
        start_server_process(endpoint, ServerKind::kReplyReceive, server_cpu, server_priority);
    measure_calls(name, endpoint, length, copied);
    stop_server(endpoint, pid);
    (void)cap_delete(endpoint);
}

void calls_same_process() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    cairn::Thread server;
    cairn::ThreadOptions options;
    options.cpu_mask = 1;
    options.priority = kNormalPriority;
    (void)server.start([endpoint] { serve(endpoint, ServerKind::kReplyReceive); }, options);
    measure_calls("call/reply 64 B, same AS", endpoint, 64);
    stop_server(endpoint, 0);
    (void)server.join();
    (void)cap_delete(endpoint);
}

void one_way() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    uint64_t pid = start_server_process(endpoint, ServerKind::kReceive, 0, kNormalPriority);
    Message message = cairn::make_message(1);
    message.data_length = 64;
    for (int i = 0; i < 200; ++i)
        (void)ipc_send(endpoint, message);
    uint64_t start = now();
    for (uint64_t i = 0; i < kCalls; ++i)
        (void)ipc_send(endpoint, message);
    report("send -> receive, other AS", now() - start, kCalls);
    stop_server(endpoint, pid);
    (void)cap_delete(endpoint);
}

void notify_to_wake() {
    CapSlot ping = create(ObjectType::kNotification);
    CapSlot pong = create(ObjectType::kNotification);
    cairn::Thread partner;
    cairn::ThreadOptions options;
    options.cpu_mask = 1;
    options.priority = kNormalPriority;
    constexpr uint64_t kRounds = 10000;
    (void)partner.start(
        [ping, pong] {
            for (uint64_t i = 0; i < kRounds + 100; ++i) {
                (void)ipc_wait_notification(ping);
                (void)ipc_notify(pong, 1);
            }
        },
        options);
    for (int i = 0; i < 100; ++i) {
        (void)ipc_notify(ping, 1);
        (void)ipc_wait_notification(pong);
    }
    uint64_t start = now();
    for (uint64_t i = 0; i < kRounds; ++i) {
        (void)ipc_notify(ping, 1);
        (void)ipc_wait_notification(pong);
    }
    report("notify -> wake", now() - start, 2 * kRounds);  // two signals a round
    (void)partner.join();
    (void)cap_delete(ping);
    (void)cap_delete(pong);
}

void out_of_line() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    uint64_t pid = start_server_process(endpoint, ServerKind::kOutOfLine, 0, kNormalPriority);
    auto* source = static_cast<uint8_t*>(malloc(kMiB));
    memset(source, 0x33, kMiB);
    uint64_t total = 0;
    for (uint64_t i = 0; i < kTransfers + 2; ++i) {
        Message message = cairn::make_message(1);
        cairn::set_buffer(message, source, kMiB);
        uint64_t start = now();
        Result result = ipc_call(endpoint, &message, 5'000'000'000ull);
        if (!result) {
            fail("1 MiB out-of-line", result);
            break;
        }
        if (i >= 2) total += now() - start;  // two warm-up rounds
    }
    report("1 MiB out-of-line", total, kTransfers);
    free(source);
    stop_server(endpoint, pid);
    (void)cap_delete(endpoint);
}

void zero_copy() {
    CapSlot endpoint = create(ObjectType::kEndpoint);
    uint64_t pid = start_server_process(endpoint, ServerKind::kZeroCopy, 0, kNormalPriority);
    constexpr uintptr_t kRegion = 0x4000'0000'0000;
    uint64_t total = 0;
    for (uint64_t i = 0; i < kTransfers + 2; ++i) {
        Result region =
            as_map(0, kRegion, kMiB, cairn::kMapRead | cairn::kMapWrite, cairn::kMapFixed);
        if (!region) {
            fail("1 MiB zero-copy: as_map", region);
            break;
        }
        for (uint64_t offset = 0; offset < kMiB; offset += 4096)
            reinterpret_cast<volatile uint8_t*>(kRegion)[offset] = 1;
        uint64_t start = now();
        Result taken = memory_take(cairn::kInitQuotaSlot, kRegion, kMiB);
        Message message = cairn::make_message(1);
        cairn::attach_cap(message, taken.value(), /*move=*/true);
        Result result = ipc_call(endpoint, &message, 5'000'000'000ull);
        if (!taken || !result) {
            fail("1 MiB zero-copy", taken ? result : taken);
            break;
        }
        if (i >= 2) total += now() - start;
    }
    report("1 MiB zero-copy", total, kTransfers);
    stop_server(endpoint, pid);
    (void)cap_delete(endpoint);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && strncmp(argv[1], "server:", 7) == 0) return server_main(argv[1] + 7);
    verbose = argc > 1 && strcmp(argv[1], "verbose") == 0;
    (void)thread_set_priority(0, kNormalPriority);
    pin(0);
    cairn::SystemInfo system{};
    (void)system_info(&system);
    printf("ipcbench: %llu CPUs; guest instructions per operation under -icount\n",
           static_cast<unsigned long long>(system.cpu_count));
    // init_arg=<letters>: only those benchmarks (a..k in this order), e.g.
    // "d" for the 0-byte calls alone; "verbose" or nothing: all of them.
    const char* only = argc > 1 && !verbose ? argv[1] : "abcdefghijk";
    auto wanted = [only](char letter) { return strchr(only, letter) != nullptr; };
    if (wanted('a')) null_syscall();
    if (wanted('b')) one_way();
    if (wanted('c')) calls_other_process("call/reply 64 B, other AS", 64, 0, kNormalPriority);
    if (wanted('d')) calls_other_process("call/reply 0 B, other AS", 0, 0, kNormalPriority);
    if (wanted('k'))
        calls_other_process("call/reply 64 B, copied", 64, 0, kNormalPriority, /*copied=*/true);
    if (wanted('e')) calls_same_process();
    if (wanted('f')) calls_other_process("call/reply slow (lower prio)", 64, 0, kLowPriority);
    if (wanted('g') && system.cpu_count > 1)
        calls_other_process("call/reply 64 B, cross CPU", 64, 1, kNormalPriority);
    if (wanted('h')) notify_to_wake();
    if (wanted('i')) out_of_line();
    if (wanted('j')) zero_copy();
    printf("ipcbench: done\n");
    return 0;
}
