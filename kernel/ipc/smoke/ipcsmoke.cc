// ipcsmoke: a quick end-to-end check of the kernel's IPC (helper "ipc").
#include <stdio.h>
#include <string.h>

#include "cairn/ipc.h"
#include "cairn/sys.h"
#include "cairn/thread.h"

using namespace cairn;
using namespace cairn::sys;

namespace {

int failures = 0;
#define CHECK(c)                                                    \
    do {                                                            \
        if (!(c)) {                                                 \
            printf("ipcsmoke: FAILED line %d: %s\n", __LINE__, #c); \
            ++failures;                                             \
        }                                                           \
    } while (0)
#define CHECK_STATUS(r, s) CHECK((r).status() == (s))

CapSlot endpoint = 0;
CapSlot notification = 0;

int64_t echo_server(void*) {
    Message m{};
    Result r = ipc_receive(endpoint, &m);
    while (r.ok()) {
        if (m.id == 0xdead) break;
        for (uint32_t i = 0; i < m.data_length; ++i)
            m.data[i] ^= 0xff;
        m.id += 1000;
        m.cap_count = 0;
        m.buffer = 0;
        m.buffer_length = 0;
        r = ipc_reply_receive(endpoint, &m);
    }
    if (m.id == 0xdead) {
        Message ack{};
        ack.id = 0xdead;
        (void)ipc_reply(0, ack);
    }
    return 0;
}

uint64_t rdtsc_like() {
    return clock_monotonic();
}

int run_server_process(CapSlot ep) {
    endpoint = ep;
    return static_cast<int>(echo_server(nullptr));
}

// The benchmark's server: answers every call with the message it got,
// untouched, so that the figures are the kernel's and the syscall stubs'.
int run_bench_server(CapSlot ep) {
    Message m{};
    Result r = ipc_receive(ep, &m);
    while (r.ok() && m.id != 0xdead)
        r = ipc_reply_receive(ep, &m);
    Message ack{};
    ack.id = 0xdead;
    (void)ipc_reply(0, ack);
    return 0;
}

}  // namespace

// `init_arg=bench`: call+reply round trips to a child process, 64 and 0
// bytes, and the null system call for scale. Under -icount shift=0 the
// nanoseconds are guest instructions.
int bench() {
    endpoint = cap_create(kInitQuotaSlot, ObjectType::kEndpoint).value();
    SpawnArguments spawn{};
    spawn.path = "bin/ipcsmoke";
    spawn.path_length = strlen(spawn.path);
    spawn.argument = "benchserver";
    spawn.argument_length = 11;
    spawn.caps[0] = endpoint;
    spawn.cap_count = 1;
    Result child = process_spawn_with_caps(spawn);
    if (!child.ok()) return 1;
    const int rounds = 5000;
    const uint32_t lengths[] = {64, 0, 64};
    for (uint32_t length : lengths) {
        Message c{};
        for (int round = 0; round < 200; ++round) {  // warm up
            c = Message{};
            c.data_length = length;
            (void)ipc_call(endpoint, &c);
        }
        uint64_t start = clock_monotonic();
        for (int round = 0; round < rounds; ++round) {
            c.id = round;
            c.data_length = length;
            c.cap_count = 0;
            c.buffer_length = 0;
            (void)ipc_call(endpoint, &c);
        }
        uint64_t elapsed = clock_monotonic() - start;
        printf("ipcsmoke: bench call+reply %u bytes across address spaces: %llu ns each\n", length,
               static_cast<unsigned long long>(elapsed / rounds));
    }
    uint64_t start = clock_monotonic();
    for (int round = 0; round < rounds; ++round)
        (void)call(Syscall::kNull);
    printf("ipcsmoke: bench null syscall: %llu ns each\n",
           static_cast<unsigned long long>((clock_monotonic() - start) / rounds));
    Message quit{};
    quit.id = 0xdead;
    (void)ipc_call(endpoint, &quit);
    (void)process_wait(child.value());
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 1 && strcmp(argv[1], "server") == 0) return run_server_process(1);
    if (argc > 1 && strcmp(argv[1], "bench") == 0) return bench();
    if (argc > 1 && strcmp(argv[1], "benchserver") == 0) return run_bench_server(1);
    endpoint = cap_create(kInitQuotaSlot, ObjectType::kEndpoint).value();
    notification = cap_create(kInitQuotaSlot, ObjectType::kNotification).value();
    CHECK(endpoint > 0 && notification > 0);

    // Non-blocking and timeouts with nobody on the other side.
    Message m{};
    CHECK_STATUS(ipc_send(endpoint, m, kNoWait), Status::kWouldBlock);
    CHECK_STATUS(ipc_receive(endpoint, &m, kNoWait), Status::kWouldBlock);
    CHECK_STATUS(ipc_receive(endpoint, &m, 1000000), Status::kTimedOut);
    CHECK_STATUS(ipc_reply(0, m), Status::kNotFound);
    CHECK_STATUS(ipc_send(notification, m), Status::kWrongType);
    CHECK_STATUS(ipc_send(999, m), Status::kNoCapability);
    Message bad{};
    bad.data_length = 65;
    CHECK_STATUS(ipc_send(endpoint, bad), Status::kInvalidArgument);

    // Call / reply with a thread of this process.
    {
        Thread server;
        CHECK(server.start(echo_server, nullptr).ok());
        for (int round = 0; round < 100; ++round) {
            Message c{};
            c.id = round;
            c.data_length = 64;
            for (int i = 0; i < 64; ++i)
                c.data[i] = static_cast<uint8_t>(i + round);
            Result r = ipc_call(endpoint, &c);
            CHECK(r.ok());
            if (c.id != static_cast<uint64_t>(round) + 1000)
                printf("ipcsmoke: got id %llu len %u flags %u badge %llu\n",
                       (unsigned long long)c.id, c.data_length, c.flags,
                       (unsigned long long)c.badge);
            CHECK(c.id == static_cast<uint64_t>(round) + 1000);
            CHECK(c.data_length == 64);
            CHECK(c.data[5] == static_cast<uint8_t>(~(5 + round)));
        }
        // Out-of-line: the server's reply_receive gets it (capacity 0 there
        // would refuse: it passes buffer 0 after the first reply).
        Message quit{};
        quit.id = 0xdead;
        CHECK(ipc_call(endpoint, &quit).ok());
        CHECK(quit.id == 0xdead);
        CHECK(server.join().ok());
    }

    // Send / receive with out-of-line bytes and a transferred capability.
    {
        static uint8_t out[100000], in[100000];
        for (size_t i = 0; i < sizeof(out); ++i)
            out[i] = static_cast<uint8_t>(i * 7);
        Thread sender;
        CHECK(sender
                  .start([] {
                      Message s{};
                      s.id = 7;
                      s.buffer = reinterpret_cast<uintptr_t>(out);
                      s.buffer_length = sizeof(out);
                      s.cap_count = 1;
                      s.caps[0] = notification;
                      Result r = ipc_send(endpoint, s);
                      if (!r.ok()) printf("ipcsmoke: send %s\n", status_name(r.status()));
                  })
                  .ok());
        Message r{};
        r.buffer = reinterpret_cast<uintptr_t>(in);
        r.buffer_length = 10;  // too small: both fail
        CHECK_STATUS(ipc_receive(endpoint, &r), Status::kOutOfRange);
        CHECK(sender.join().ok());
        CHECK(sender
                  .start([] {
                      Message s{};
                      s.id = 8;
                      s.buffer = reinterpret_cast<uintptr_t>(out);
                      s.buffer_length = sizeof(out);
                      s.cap_count = 1;
                      s.caps[0] = notification;
                      Result r = ipc_send(endpoint, s);
                      if (!r.ok()) printf("ipcsmoke: send %s\n", status_name(r.status()));
                  })
                  .ok());
        r.buffer_length = sizeof(in);
        CHECK(ipc_receive(endpoint, &r).ok());
        CHECK(r.id == 8 && r.buffer_length == sizeof(out) && memcmp(in, out, sizeof(in)) == 0);
        CHECK(r.cap_count == 1 && r.caps[0] != notification && r.caps[0] != 0);
        CapInfo a{}, b{};
        CHECK(cap_info(r.caps[0], &a).ok() && cap_info(notification, &b).ok());
        CHECK(a.object_id == b.object_id && a.type == ObjectType::kNotification);
        CHECK(sender.join().ok());
    }

    // Notifications: bits, non-blocking, a bound notification ending a receive.
    {
        CHECK_STATUS(ipc_wait_notification(notification, kNoWait), Status::kWouldBlock);
        CHECK(ipc_notify(notification, 5).ok());
        CHECK(ipc_notify(notification, 8).ok());
        CHECK(ipc_wait_notification(notification).value() == 13);
        CHECK_STATUS(ipc_notify(notification, 1ull << 63), Status::kInvalidArgument);
        CHECK(ipc_bind_notification(notification).ok());
        Thread notifier;
        CHECK(notifier
                  .start([] {
                      (void)thread_sleep(2000000);
                      (void)ipc_notify(notification, 0x30);
                  })
                  .ok());
        Message n{};
        CHECK(ipc_receive(endpoint, &n).ok());
        CHECK(n.flags == kMessageFlagNotification && n.badge == 0x30);
        CHECK(notifier.join().ok());
        CHECK(ipc_bind_notification(0).ok());
    }

    // Cancellation: a receiver blocked on an endpoint whose last capability goes.
    {
        CapSlot doomed = cap_create(kInitQuotaSlot, ObjectType::kEndpoint).value();
        static CapSlot doomed_slot;
        doomed_slot = doomed;
        Thread waiter;
        static Result waited{0};
        CHECK(waiter
                  .start([] {
                      Message w{};
                      waited = ipc_receive(doomed_slot, &w);
                  })
                  .ok());
        (void)thread_sleep(2000000);
        CHECK(cap_delete(doomed).ok());
        CHECK(waiter.join().ok());
        CHECK_STATUS(waited, Status::kPeerGone);
    }

    // Saved reply, answered later.
    {
        Thread caller;
        static Result called{0};
        static Message cm{};
        CHECK(caller
                  .start([] {
                      cm.id = 5;
                      called = ipc_call(endpoint, &cm);
                  })
                  .ok());
        Message got{};
        CHECK(ipc_receive(endpoint, &got).ok());
        CHECK(got.flags & kMessageFlagCall);
        Result saved = ipc_save_reply();
        CHECK(saved.ok());
        CHECK_STATUS(ipc_reply(0, got), Status::kNotFound);
        Message answer{};
        answer.id = 77;
        CHECK(ipc_reply(saved.value(), answer).ok());
        CHECK(caller.join().ok());
        CHECK(called.ok() && cm.id == 77);
        CHECK_STATUS(ipc_reply(saved.value(), answer), Status::kNotFound);
        CHECK(cap_delete(saved.value()).ok());
    }

    // A server dying with a call owed: the caller gets kPeerGone.
    {
        Thread caller;
        static Result called{0};
        CHECK(caller
                  .start([] {
                      Message c{};
                      called = ipc_call(endpoint, &c);
                  })
                  .ok());
        Thread server;
        CHECK(server
                  .start([] {
                      Message g{};
                      (void)ipc_receive(endpoint, &g);  // owes a reply, then exits
                  })
                  .ok());
        CHECK(server.join().ok());
        CHECK(caller.join().ok());
        CHECK_STATUS(called, Status::kPeerGone);
    }

    // Across address spaces: a child process serves calls.
    {
        SpawnArguments spawn{};
        spawn.path = "bin/ipcsmoke";
        spawn.path_length = strlen(spawn.path);
        spawn.argument = "server";
        spawn.argument_length = 6;
        spawn.caps[0] = endpoint;
        spawn.cap_count = 1;
        Result child = process_spawn_with_caps(spawn);
        CHECK(child.ok());
        uint64_t start = rdtsc_like();
        const int rounds = 2000;
        for (int round = 0; round < rounds; ++round) {
            Message c{};
            c.id = round;
            c.data_length = 64;
            Result r = ipc_call(endpoint, &c);
            if (!r.ok() || c.id != static_cast<uint64_t>(round) + 1000) {
                CHECK(false);
                break;
            }
        }
        uint64_t elapsed = rdtsc_like() - start;
        printf("ipcsmoke: cross-process call+reply: %llu ns each\n",
               static_cast<unsigned long long>(elapsed / rounds));
        Message quit{};
        quit.id = 0xdead;
        CHECK(ipc_call(endpoint, &quit).ok());
        CHECK(process_wait(child.value()).ok());
    }

    printf(failures == 0 ? "ipcsmoke: ok\n" : "ipcsmoke: %d FAILED\n", failures);
    return failures == 0 ? 0 : 1;
}
