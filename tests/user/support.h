// What the user-mode test programs need from the system, in one place: thin
// wrappers over the runtime's system calls and threads (user/runtime).
#pragma once

#include <stdint.h>

#include "cairn/status.h"
#include "cairn/syscalls.h"

namespace utest {

uint64_t now_ns();
void sleep_ns(uint64_t nanoseconds);
void yield();
cairn::ThreadInfo thread_info(uint64_t thread_id = 0);
cairn::SystemInfo system_info();
int64_t set_priority(uint64_t thread_id, uint64_t priority);
int64_t set_affinity(uint64_t thread_id, uint64_t cpu_mask);
// The CPU the caller runs on now (as the kernel last saw it).
uint64_t current_cpu();

// A user thread running function(argument); joined (and its stack freed)
// by join().
struct Thread {
    uint64_t id = 0;
    void* runtime = nullptr;  // the runtime's cairn::Thread
    void* start = nullptr;    // what it runs
};
// priority: 0..139 or cairn::kInheritPriority; cpu_mask 0: any CPU.
bool start_thread(Thread* thread, void (*function)(void*), void* argument,
                  uint64_t priority = cairn::kInheritPriority, uint64_t cpu_mask = 0);
// The thread's exit status (cairn::kThreadKilledStatus if a fault ended it).
int64_t join(Thread* thread);

// A raw system call, for the bad-argument tests.
int64_t raw_syscall(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0,
                    uint64_t a3 = 0, uint64_t a4 = 0, uint64_t a5 = 0);

}  // namespace utest
