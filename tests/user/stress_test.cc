// Thousands of threads and dozens of processes created and ended leave
// nothing behind: the kernel objects in use return exactly to where they
// were (no object leaks), and so does the free memory plus what the kernel
// heap holds (no frame leaks; the heap's caches may keep pages, which is
// why free memory alone is not the measure). A warm-up round first.
#include <stdio.h>

#include "cairn/capability.h"

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
                                  reinterpret_cast<uint64_t>("exit"), 4, cairn::kInitQuotaSlot);
        if (!CHECK(pid > 0)) continue;
        int64_t status = raw_syscall(static_cast<uint64_t>(cairn::Syscall::kProcessWait),
                                     static_cast<uint64_t>(pid), cairn::kForever);
        if (CHECK_EQ(status, 7)) ++exited;
    }
    return exited;
}

struct Usage {
    uint64_t objects = 0;      // bytes of kernel objects in use
    uint64_t unaccounted = 0;  // free memory + kernel heap pages
    bool operator==(const Usage&) const = default;
};

Usage usage() {
    cairn::SystemInfo info = system_info();
    return {info.kernel_objects_bytes, info.free_memory + info.kernel_heap_bytes};
}

// Frees happen a little after a join (a dead thread's stack goes back once
// its CPU has switched away and the reaper ran): wait until two readings
// 20 ms apart agree.
Usage settled_usage() {
    Usage last = usage();
    for (int attempt = 0; attempt < 50; ++attempt) {
        sleep_ns(20'000'000);
        Usage again = usage();
        if (again == last) break;
        last = again;
    }
    return last;
}

}  // namespace

void run_stress() {
    constexpr int kThreads = 2000;
    constexpr int kProcesses = 30;
    churn_threads(500);
    churn_processes(5);
    Usage before = settled_usage();
    uint64_t threads_before = system_info().thread_count;
    CHECK_EQ(churn_threads(kThreads), static_cast<uint64_t>(kThreads));
    CHECK_EQ(churn_processes(kProcesses), kProcesses);
    Usage after = settled_usage();
    CHECK_EQ(after.objects, before.objects);
    CHECK_EQ(after.unaccounted, before.unaccounted);
    CHECK_EQ(system_info().thread_count, threads_before);
    printf(
        "stress: %d threads and %d processes created and ended; kernel objects %llu bytes "
        "before, %llu after; free + heap %llu KiB before, %llu KiB after\n",
        kThreads, kProcesses, static_cast<unsigned long long>(before.objects),
        static_cast<unsigned long long>(after.objects),
        static_cast<unsigned long long>(before.unaccounted / 1024),
        static_cast<unsigned long long>(after.unaccounted / 1024));
}

}  // namespace utest
