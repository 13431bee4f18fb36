// ipcbuffer: the per-thread IPC buffer (thread_set_ipc_buffer, abi/cairn/ipc.h)
// booted as init (`init=ipcbuffer`): registration errors, the fast path
// through the buffers of two processes, and what the kernel promises when
// the registered page is unmapped or handed away with memory_take (it keeps
// using the frame it pinned and never writes the page that replaced it, nor
// the copy memory_take made). Spawns itself as bin/ipcbuffer "server" for
// the cross-process part.
#include <stdio.h>
#include <string.h>

#include "cairn/message.h"
#include "cairn/sys.h"
#include "cairn/thread.h"
#include "tests/user/check.h"

namespace {

using cairn::CapSlot;
using cairn::Message;
using cairn::Result;
using cairn::Status;
using namespace cairn::sys;

constexpr uint64_t kPage = cairn::kIpcBufferSize;
constexpr uint64_t kQuit = 0xdead;
constexpr uint64_t kTimeout = 5'000'000'000ull;

int64_t status_of(Result result) {
    return static_cast<int64_t>(result.status());
}

// The server's answer: id + 1 and every data byte inverted, same length.
void answer(Message& message) {
    message.id += 1;
    for (uint32_t i = 0; i < message.data_length; ++i)
        message.data[i] ^= 0xff;
    message.cap_count = 0;
    message.buffer = 0;
    message.buffer_length = 0;
}

// Serves `endpoint` from this thread's IPC buffer until kQuit.
void serve(CapSlot endpoint) {
    Message& message = *cairn::ipc_buffer();
    message = cairn::make_message();
    if (!ipc_receive(endpoint, &message)) return;
    while (message.id != kQuit) {
        answer(message);
        if (!ipc_reply_receive(endpoint, &message)) return;
    }
}

// One call from `message` with `length` bytes of `seed` + i; true if the
// answer is exactly what serve() makes of it.
bool call_checked(CapSlot endpoint, Message* message, uint32_t length, uint8_t seed) {
    *message = cairn::make_message(100 + seed);
    for (uint32_t i = 0; i < length; ++i)
        message->data[i] = static_cast<uint8_t>(seed + i);
    message->data_length = length;
    if (!CHECK_EQ(status_of(ipc_call(endpoint, message, kTimeout)), 0)) return false;
    bool good = message->id == 101u + seed && message->data_length == length;
    for (uint32_t i = 0; i < length; ++i)
        good = good && message->data[i] == static_cast<uint8_t>(~(seed + i));
    return CHECK(good);
}

uintptr_t map_page(uint64_t permissions) {
    Result mapped = as_map(0, 0, kPage, permissions);
    CHECK(mapped.ok());
    return mapped.ok() ? mapped.value() : 0;
}

void registration_errors() {
    uintptr_t own = reinterpret_cast<uintptr_t>(cairn::ipc_buffer());
    CHECK(own % kPage == 0);  // the runtime registered a real page
    CHECK_EQ(status_of(thread_set_ipc_buffer(own + 16)), Status::kInvalidArgument);
    uintptr_t read_only = map_page(cairn::kMapRead);
    CHECK_EQ(status_of(thread_set_ipc_buffer(read_only)), Status::kBadAddress);
    CHECK_EQ(status_of(thread_set_ipc_buffer(0x7000'0000'0000)), Status::kBadAddress);  // unmapped
    CHECK_EQ(status_of(thread_set_ipc_buffer(0xffff'8000'0000'0000)), Status::kBadAddress);
    CHECK_EQ(status_of(thread_set_ipc_buffer(0)), 0);
    CHECK_EQ(status_of(thread_set_ipc_buffer(own)), 0);
    (void)as_unmap(0, read_only, kPage);
}

// Calls to a server process, both sides in their buffers, then with the
// caller's Message on the stack (the copying path) against the same server.
int cross_process(CapSlot endpoint) {
    cairn::SpawnArguments spawn{};
    static constexpr char kPath[] = "bin/ipcbuffer";
    static constexpr char kArgument[] = "server";
    spawn.path = kPath;
    spawn.path_length = sizeof kPath - 1;
    spawn.argument = kArgument;
    spawn.argument_length = sizeof kArgument - 1;
    spawn.caps[0] = cap_copy(endpoint).value();
    spawn.cap_count = 1;
    spawn.cap_move = 1;
    spawn.quota = cairn::kInitQuotaSlot;
    Result pid = process_spawn_with_caps(spawn);
    if (!CHECK(pid.ok())) return 0;
    int calls = 0;
    const uint32_t lengths[] = {64, 0, 13, 64, 1};
    for (uint32_t length : lengths)
        calls += call_checked(endpoint, cairn::ipc_buffer(), length, static_cast<uint8_t>(calls));
    Message on_stack;
    for (uint32_t length : lengths)
        calls += call_checked(endpoint, &on_stack, length, static_cast<uint8_t>(calls));
    for (int i = 0; i < 200; ++i)
        calls += call_checked(endpoint, cairn::ipc_buffer(), 64, static_cast<uint8_t>(i));
    Message quit = cairn::make_message(kQuit);
    CHECK_EQ(status_of(ipc_send(endpoint, quit, kTimeout)), 0);
    CHECK_EQ(status_of(process_wait(pid.value(), 20 * 1'000'000'000ull)), 0);
    return calls;
}

// A page registered, then unmapped: calls still work (the kernel uses the
// frame it pinned) and a page mapped there later is never written by the
// kernel. Registering again makes the new page the buffer.
bool unmapped_buffer(CapSlot endpoint) {
    uintptr_t page = map_page(cairn::kMapRead | cairn::kMapWrite);
    auto* message = reinterpret_cast<Message*>(page);
    CHECK_EQ(status_of(thread_set_ipc_buffer(page)), 0);
    bool good = call_checked(endpoint, message, 64, 7);
    message->id = 5;  // what the pinned frame says now (and sends next)
    message->data_length = 8;
    CHECK_EQ(status_of(as_unmap(0, page, kPage)), 0);
    // No mapping at `page` now; the kernel still reaches its frame.
    CHECK_EQ(status_of(ipc_call(endpoint, reinterpret_cast<Message*>(page), kTimeout)), 0);
    Result again = as_map(0, page, kPage, cairn::kMapRead | cairn::kMapWrite, cairn::kMapFixed);
    good = CHECK(again.ok()) && good;
    memset(message, 0x77, sizeof(Message));
    CHECK_EQ(status_of(ipc_call(endpoint, message, kTimeout)), 0);
    // The reply (id 6) went to the pinned frame, not to the new page.
    uint8_t expected[sizeof(Message)];
    memset(expected, 0x77, sizeof expected);
    good = CHECK(memcmp(message, expected, sizeof(Message)) == 0) && good;
    // Registered again: the new page is the buffer.
    CHECK_EQ(status_of(thread_set_ipc_buffer(page)), 0);
    good = call_checked(endpoint, message, 64, 9) && good;
    CHECK_EQ(status_of(thread_set_ipc_buffer(reinterpret_cast<uintptr_t>(cairn::ipc_buffer()))), 0);
    (void)as_unmap(0, page, kPage);
    return good;
}

// memory_take of the registered page: the new memory object gets a copy,
// so later calls through the buffer never show in the object.
bool taken_buffer(CapSlot endpoint) {
    uintptr_t page = map_page(cairn::kMapRead | cairn::kMapWrite);
    auto* message = reinterpret_cast<Message*>(page);
    CHECK_EQ(status_of(thread_set_ipc_buffer(page)), 0);
    bool good = call_checked(endpoint, message, 64, 3);  // reply: id 104
    Result taken = memory_take(cairn::kInitQuotaSlot, page, kPage);
    if (!CHECK(taken.ok())) return false;
    Result mapped = memory_map(taken.value(), kPage, cairn::kMapRead);
    if (!CHECK(mapped.ok())) return false;
    auto* object_view = reinterpret_cast<const Message*>(mapped.value());
    good = CHECK_EQ(object_view->id, 104) && good;
    // Through the pinned frame (the page is gone from this space): the
    // reply lands there, not in the object.
    CHECK_EQ(status_of(ipc_call(endpoint, message, kTimeout)), 0);
    good = CHECK_EQ(object_view->id, 104) && good;
    CHECK_EQ(status_of(thread_set_ipc_buffer(reinterpret_cast<uintptr_t>(cairn::ipc_buffer()))), 0);
    (void)as_unmap(0, mapped.value(), kPage);
    (void)cap_delete(taken.value());
    return good;
}

// Every thread has its own page.
bool per_thread_buffers() {
    uintptr_t main_buffer = reinterpret_cast<uintptr_t>(cairn::ipc_buffer());
    uintptr_t other = 0;
    cairn::Thread thread;
    (void)thread.start([&other] { other = reinterpret_cast<uintptr_t>(cairn::ipc_buffer()); });
    (void)thread.join();
    return CHECK(other != 0 && other % kPage == 0 && other != main_buffer);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && strcmp(argv[1], "server") == 0) {
        serve(1);
        return 0;
    }
    registration_errors();
    bool threads = per_thread_buffers();
    Result endpoint = cap_create(cairn::kInitQuotaSlot, cairn::ObjectType::kEndpoint);
    if (!CHECK(endpoint.ok())) return 1;
    int calls = cross_process(endpoint.value());
    // A server thread in this process (its own buffer) for the rest.
    cairn::Thread server;
    CapSlot slot = endpoint.value();
    (void)server.start([slot] { serve(slot); });
    bool unmapped = unmapped_buffer(slot);
    bool taken = taken_buffer(slot);
    Message quit = cairn::make_message(kQuit);
    CHECK_EQ(status_of(ipc_send(slot, quit, kTimeout)), 0);
    (void)server.join();
    printf(
        "ipcbuffer: %d checked calls to another process; per-thread pages %s; unmapped "
        "buffer %s; taken buffer %s\n",
        calls, threads ? "ok" : "BAD", unmapped ? "ok" : "BAD", taken ? "ok" : "BAD");
    printf("ipcbuffer: %s (%d failed checks)\n", utest::failures == 0 ? "passed" : "FAILED",
           utest::failures);
    return utest::failures == 0 ? 0 : 1;
}
