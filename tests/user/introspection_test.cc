// The read-only views of the system: boot_file_read (files of the boot
// archive), thread_list (every live thread, paged by id) and memory_nodes
// (per-node physical memory), with their bad arguments.
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"
#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

using cairn::Status;
namespace sys = cairn::sys;

constexpr int64_t status(Status value) {
    return static_cast<int64_t>(value);
}

constexpr uint64_t kKernelAddress = 0xffffffff80000000ull;  // kernel half on all three
constexpr uint64_t kUnmapped = 0x1000;                      // page 1: never mapped

int64_t read_file(const char* path, uint64_t offset, void* buffer, uint64_t length) {
    return sys::boot_file_read(path, offset, buffer, length).raw;
}

int64_t read_raw(uint64_t path, uint64_t path_length, uint64_t buffer, uint64_t length) {
    return raw_syscall(static_cast<uint64_t>(cairn::Syscall::kBootFileRead), path, path_length, 0,
                       buffer, length);
}

// The size of a boot file, found by reading it through in chunks (the call
// has no size query: a short count marks the end). 0 on an error.
uint64_t file_size(const char* path) {
    static char chunk[4096];
    uint64_t size = 0;
    for (;;) {
        int64_t count = read_file(path, size, chunk, sizeof(chunk));
        if (!CHECK(count >= 0)) return 0;
        size += static_cast<uint64_t>(count);
        if (count < static_cast<int64_t>(sizeof(chunk))) return size;
    }
}

void check_boot_file_read() {
    char header[64] = {};
    CHECK_EQ(read_file("bin/utest", 0, header, sizeof(header)), sizeof(header));
    CHECK(memcmp(header,
                 "\x7f"
                 "ELF",
                 4) == 0);
    uint64_t size = file_size("bin/utest");
    CHECK(size > sizeof(header));
    // A read across the end stops there; at or past the end reads nothing.
    char tail[100] = {};
    CHECK_EQ(read_file("bin/utest", size - 10, tail, sizeof(tail)), 10);
    CHECK_EQ(read_file("bin/utest", size, tail, sizeof(tail)), 0);
    CHECK_EQ(read_file("bin/utest", ~uint64_t{0}, tail, sizeof(tail)), 0);
    // The same bytes whichever way the reads are cut.
    char again[16] = {};
    CHECK_EQ(read_file("bin/utest", 1, again, sizeof(again)), sizeof(again));
    CHECK(memcmp(again, header + 1, sizeof(again)) == 0);
    CHECK_EQ(read_file("bin/utest", 0, header, 0), 0);

    CHECK_EQ(read_file("bin/no-such-file", 0, header, sizeof(header)), status(Status::kNotFound));
    CHECK_EQ(read_file("bin", 0, header, sizeof(header)), status(Status::kNotFound));
    // Path lengths: 1..127, no NUL inside.
    static char long_path[200];
    memset(long_path, 'a', sizeof(long_path));
    const uint64_t buffer = reinterpret_cast<uint64_t>(header);
    const uint64_t path = reinterpret_cast<uint64_t>(long_path);
    CHECK_EQ(read_raw(path, 200, buffer, 8), status(Status::kInvalidArgument));
    CHECK_EQ(read_raw(path, 128, buffer, 8), status(Status::kInvalidArgument));
    CHECK_EQ(read_raw(path, 127, buffer, 8), status(Status::kNotFound));
    CHECK_EQ(read_raw(path, 0, buffer, 8), status(Status::kInvalidArgument));
    CHECK_EQ(read_raw(reinterpret_cast<uint64_t>("bin/utest\0x"), 11, buffer, 8),
             status(Status::kInvalidArgument));
    CHECK_EQ(read_raw(kUnmapped, 9, buffer, 8), status(Status::kBadAddress));
    // Bad buffers, also where nothing would be copied.
    CHECK_EQ(read_file("bin/utest", 0, nullptr, 8), status(Status::kBadAddress));
    CHECK_EQ(read_file("bin/utest", 0, reinterpret_cast<void*>(kKernelAddress), 8),
             status(Status::kBadAddress));
    CHECK_EQ(read_file("bin/utest", 0, reinterpret_cast<void*>(kUnmapped), 8),
             status(Status::kBadAddress));
    CHECK_EQ(read_file("bin/utest", size, reinterpret_cast<void*>(kKernelAddress), 8),
             status(Status::kBadAddress));
}

// Threads that sleep in short naps until told to stop: blocked nearly all
// the time.
bool sleepers_done = false;
int sleepers_started = 0;

void sleeper(void*) {
    __atomic_add_fetch(&sleepers_started, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&sleepers_done, __ATOMIC_ACQUIRE))
        sleep_ns(100'000'000);
}

constexpr int kSleepers = 3;
constexpr size_t kListCapacity = 300;  // more than the kernel's 256 per call
cairn::ThreadInfo listed[kListCapacity];

const cairn::ThreadInfo* find(const cairn::ThreadInfo* infos, int64_t count, uint64_t id) {
    for (int64_t i = 0; i < count; ++i) {
        if (infos[i].thread_id == id) return &infos[i];
    }
    return nullptr;
}

// Whether every sleeper is listed as blocked in its process (retried: a
// sleeper may be between two naps).
bool sleepers_listed_blocked(const Thread* threads, uint64_t process_id) {
    for (int attempt = 0; attempt < 50; ++attempt) {
        int64_t count = sys::thread_list(listed, kListCapacity).raw;
        if (!CHECK(count > kSleepers)) return false;
        bool all = true;
        for (int i = 0; i < kSleepers; ++i) {
            const cairn::ThreadInfo* info = find(listed, count, threads[i].id);
            if (!CHECK(info != nullptr)) return false;
            CHECK_EQ(info->process_id, process_id);
            all = all && info->state == cairn::kThreadBlocked;
        }
        if (all) return true;
        sleep_ns(10'000'000);
    }
    return false;
}

// Pages through the list two at a time: strictly increasing ids, so every
// thread comes once; returns how many pages held `wanted` ids.
int count_paged(const uint64_t* wanted, int wanted_count) {
    cairn::ThreadInfo page[2];
    uint64_t after = 0;
    int found = 0;
    for (int pages = 0; pages < 1000; ++pages) {
        int64_t count = sys::thread_list(page, 2, after).raw;
        if (!CHECK(count >= 0 && count <= 2)) return found;
        if (count == 0) return found;
        for (int64_t i = 0; i < count; ++i) {
            CHECK(page[i].thread_id > after);
            after = page[i].thread_id;
            for (int w = 0; w < wanted_count; ++w)
                found += page[i].thread_id == wanted[w];
        }
    }
    CHECK(false);  // never ended
    return found;
}

void check_thread_list() {
    cairn::ThreadInfo self = thread_info();
    CHECK_EQ(self.state, cairn::kThreadRunnable);
    static Thread threads[kSleepers];
    sleepers_done = false;
    for (auto& thread : threads)
        CHECK(start_thread(&thread, sleeper, nullptr));
    while (__atomic_load_n(&sleepers_started, __ATOMIC_ACQUIRE) < kSleepers)
        sleep_ns(1'000'000);

    CHECK(sleepers_listed_blocked(threads, self.process_id));
    // thread_info agrees on a sleeper's state (it naps 100 ms at a time).
    bool blocked = false;
    for (int attempt = 0; attempt < 50 && !blocked; ++attempt) {
        blocked = thread_info(threads[0].id).state == cairn::kThreadBlocked;
        if (!blocked) sleep_ns(10'000'000);
    }
    CHECK(blocked);
    // The whole list: in id order, at most 256, the caller running.
    int64_t count = sys::thread_list(listed, kListCapacity).raw;
    CHECK(count > kSleepers && count <= 256);
    for (int64_t i = 1; i < count; ++i)
        CHECK(listed[i].thread_id > listed[i - 1].thread_id);
    const cairn::ThreadInfo* me = count > 0 ? find(listed, count, self.thread_id) : nullptr;
    if (CHECK(me != nullptr)) {
        CHECK_EQ(me->state, cairn::kThreadRunnable);
        CHECK_EQ(me->process_id, self.process_id);
        CHECK(strcmp(me->name, self.name) == 0);
    }
    // after_thread_id: only higher ids.
    if (count > 1) {
        uint64_t first = listed[0].thread_id;
        uint64_t second = listed[1].thread_id;
        int64_t rest = sys::thread_list(listed, kListCapacity, first).raw;
        CHECK(rest >= 1 && rest <= count);
        CHECK_EQ(listed[0].thread_id, second);
    }
    uint64_t wanted[kSleepers + 1] = {self.thread_id, threads[0].id, threads[1].id, threads[2].id};
    CHECK_EQ(count_paged(wanted, kSleepers + 1), kSleepers + 1);

    CHECK_EQ(sys::thread_list(nullptr, 0).raw, 0);
    CHECK_EQ(sys::thread_list(listed, 0).raw, 0);
    CHECK_EQ(sys::thread_list(listed, 5, ~uint64_t{0}).raw, 0);
    CHECK_EQ(sys::thread_list(nullptr, 4).raw, status(Status::kBadAddress));
    CHECK_EQ(sys::thread_list(reinterpret_cast<cairn::ThreadInfo*>(kKernelAddress), 4).raw,
             status(Status::kBadAddress));
    CHECK_EQ(sys::thread_list(reinterpret_cast<cairn::ThreadInfo*>(kUnmapped), 4).raw,
             status(Status::kBadAddress));
    auto* misaligned = reinterpret_cast<cairn::ThreadInfo*>(reinterpret_cast<char*>(listed) + 1);
    CHECK_EQ(sys::thread_list(misaligned, 4).raw, status(Status::kBadAddress));

    __atomic_store_n(&sleepers_done, true, __ATOMIC_RELEASE);
    for (auto& thread : threads)
        CHECK_EQ(join(&thread), 0);
    // Joined threads are gone from the list, or on their way out (the
    // scheduler switches away from them a moment after the join returns).
    count = sys::thread_list(listed, kListCapacity).raw;
    for (auto& thread : threads) {
        const cairn::ThreadInfo* info = find(listed, count, thread.id);
        if (info != nullptr) CHECK_EQ(info->state, cairn::kThreadExiting);
    }
}

// Threads and processes that come and go while other threads page through
// the list: every page stays in id order and the kernel copes with threads
// (and processes) ending between being picked and being described.
bool churn_done = false;

void short_lived(void*) {}

void churn(void*) {
    static Thread threads[8];
    int rounds = 0;
    while (!__atomic_load_n(&churn_done, __ATOMIC_ACQUIRE) || rounds < 5) {
        for (auto& thread : threads)
            CHECK(start_thread(&thread, short_lived, nullptr));
        for (auto& thread : threads)
            CHECK_EQ(join(&thread), 0);
        auto child = sys::process_spawn("bin/utest", "exit", cairn::kInitQuotaSlot);
        if (CHECK(child.ok())) CHECK_EQ(sys::process_wait(child.value()).raw, 7);
        ++rounds;
    }
}

void list_repeatedly(void* argument) {
    static cairn::ThreadInfo page[3];
    auto* pages = static_cast<int*>(argument);
    for (int pass = 0; pass < 40; ++pass) {
        uint64_t after = 0;
        for (;;) {
            int64_t count = sys::thread_list(page, 3, after).raw;
            if (!CHECK(count >= 0 && count <= 3) || count == 0) break;
            for (int64_t i = 0; i < count; ++i) {
                CHECK(page[i].thread_id > after);
                CHECK(page[i].state <= cairn::kThreadExiting);
                after = page[i].thread_id;
            }
            ++*pages;
        }
    }
}

int check_list_under_churn() {
    __atomic_store_n(&churn_done, false, __ATOMIC_RELEASE);
    Thread churner;
    Thread lister;
    int pages = 0;
    CHECK(start_thread(&churner, churn, nullptr));
    CHECK(start_thread(&lister, list_repeatedly, &pages));
    CHECK_EQ(join(&lister), 0);
    __atomic_store_n(&churn_done, true, __ATOMIC_RELEASE);
    CHECK_EQ(join(&churner), 0);
    CHECK(pages >= 40);
    return pages;
}

void check_memory_nodes(int64_t* node_count) {
    constexpr int kCapacity = 16;
    cairn::MemoryNodeInfo nodes[kCapacity] = {};
    int64_t count = sys::memory_nodes(nodes, kCapacity).raw;
    cairn::SystemInfo system = system_info();
    *node_count = count;
    CHECK(count >= 1 && count <= kCapacity);
    uint64_t free = 0;
    uint64_t total = 0;
    for (int64_t i = 0; i < count && i < kCapacity; ++i) {
        CHECK(nodes[i].total_bytes > nodes[i].free_bytes);
        if (i > 0) CHECK(nodes[i].node > nodes[i - 1].node);
        free += nodes[i].free_bytes;
        total += nodes[i].total_bytes;
    }
    CHECK_EQ(total, system.total_memory);
    // Other CPUs allocate and free meanwhile (page tables, kernel stacks).
    constexpr uint64_t kTolerance = 8ull << 20;
    uint64_t difference =
        free > system.free_memory ? free - system.free_memory : system.free_memory - free;
    CHECK(difference <= kTolerance);
    // A short buffer still learns the count; a bad one is refused.
    CHECK_EQ(sys::memory_nodes(nullptr, 0).raw, count);
    cairn::MemoryNodeInfo first{};
    CHECK_EQ(sys::memory_nodes(&first, 1).raw, count);
    CHECK_EQ(first.node, nodes[0].node);
    CHECK_EQ(first.total_bytes, nodes[0].total_bytes);
    CHECK_EQ(sys::memory_nodes(nullptr, 1).raw, status(Status::kBadAddress));
    CHECK_EQ(sys::memory_nodes(reinterpret_cast<cairn::MemoryNodeInfo*>(kKernelAddress), 1).raw,
             status(Status::kBadAddress));
    auto* misaligned = reinterpret_cast<cairn::MemoryNodeInfo*>(reinterpret_cast<char*>(nodes) + 4);
    CHECK_EQ(sys::memory_nodes(misaligned, 1).raw, status(Status::kBadAddress));
}

}  // namespace

void run_introspection() {
    check_boot_file_read();
    check_thread_list();
    int pages = check_list_under_churn();
    int64_t nodes = 0;
    check_memory_nodes(&nodes);
    printf(
        "introspection: boot files read, %d sleeping threads listed blocked, %d pages listed "
        "under churn, %lld memory node(s)\n",
        kSleepers, pages, static_cast<long long>(nodes));
}

}  // namespace utest
