// The per-thread system call rate limit: booted with a low limit
// (syscall_rate= on the kernel command line), a burst of calls is delayed,
// not refused, and the kernel counts the delays.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {

void run_rate_limit() {
    uint64_t rate = system_info().syscall_rate_limit;
    if (!CHECK(rate > 0 && rate <= 100000)) return;
    uint64_t calls = rate * 3;  // three seconds' worth
    uint64_t start = now_ns();
    for (uint64_t call = 0; call < calls; ++call)
        CHECK_EQ(raw_syscall(static_cast<uint64_t>(cairn::Syscall::kNull)), 0);
    uint64_t elapsed = now_ns() - start;
    cairn::ThreadInfo info = thread_info();
    CHECK(info.syscalls_throttled > 0);
    // At most one second's burst may pass undelayed: the rest takes >= 2 s.
    CHECK(elapsed >= 2'000'000'000);
    printf("rate limit: %llu calls at %llu/s took %llu ms, %llu delayed\n",
           static_cast<unsigned long long>(calls), static_cast<unsigned long long>(rate),
           static_cast<unsigned long long>(elapsed / 1000000),
           static_cast<unsigned long long>(info.syscalls_throttled));
}

}  // namespace utest
