// Thousands of threads and dozens of processes created and ended leave the
// free memory exactly as it was: no frame leaks. A warm-up round first
// fills the kernel's object caches, which legitimately keep some pages.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

constexpr int kBatch = 50;

void nothing(void* argument) {
    __atomic_add_fetch(static_cast<uint64_t*>(argument), 1, __ATOMIC_RELAXED);
}

uint64_t churn_threads(int count) {
    static uint64_t ran = 0;
    ran = 0;
    static Thread threads[kBatch];
    for (int done = 0; done < count; done += kBatch) {
        int started = 0;
        for (int index = 0; index < kBatch; ++index)
            if (start_thread(&threads[index], nothing, &ran)) ++started;
        for (int index = 0; index < started; ++index)
            join(&threads[index]);
    }
    return ran;
}

int churn_processes(int count) {
    int exited = 0;
    const char* path = "bin/utest";
    for (int index = 0; index < count; ++index) {
        int64_t pid = raw_syscall(static_cast<uint64_t>(cairn::Syscall::kProcessSpawn),
                                  reinterpret_cast<uint64_t>(path), 9,
                                  reinterpret_cast<uint64_t>("exit"), 4);
        if (!CHECK(pid > 0)) continue;
        int64_t status = raw_syscall(static_cast<uint64_t>(cairn::Syscall::kProcessWait),
                                     static_cast<uint64_t>(pid), cairn::kForever);
        if (CHECK_EQ(status, 7)) ++exited;
    }
    return exited;
}

// Frees happen a little after a join (a dead thread's stack goes back once
// its CPU has switched away): wait until two readings 20 ms apart agree.
uint64_t settled_free_memory() {
    uint64_t free = system_info().free_memory;
    for (int attempt = 0; attempt < 50; ++attempt) {
        sleep_ns(20'000'000);
        uint64_t again = system_info().free_memory;
        if (again == free) break;
        free = again;
    }
    return free;
}

}  // namespace

void run_stress() {
    constexpr int kThreads = 3000;
    constexpr int kProcesses = 40;
    churn_threads(500);
    churn_processes(5);
    uint64_t before = settled_free_memory();
    uint64_t threads_before = system_info().thread_count;
    CHECK_EQ(churn_threads(kThreads), static_cast<uint64_t>(kThreads));
    CHECK_EQ(churn_processes(kProcesses), kProcesses);
    uint64_t after = settled_free_memory();
    CHECK_EQ(after, before);
    CHECK_EQ(system_info().thread_count, threads_before);
    printf("stress: %d threads and %d processes created and ended; free memory %llu KiB "
           "before, %llu KiB after\n",
           kThreads, kProcesses, static_cast<unsigned long long>(before / 1024),
           static_cast<unsigned long long>(after / 1024));
}

}  // namespace utest
