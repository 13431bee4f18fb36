// The test programs' system access (support.h) over the runtime
// (user/runtime: cairn/sys.h, cairn/thread.h).
#include "tests/user/support.h"

#include "cairn/sys.h"
#include "cairn/thread.h"

namespace utest {

uint64_t now_ns() {
    return cairn::sys::clock_monotonic();
}

void sleep_ns(uint64_t nanoseconds) {
    (void)cairn::sys::thread_sleep(nanoseconds);
}

void yield() {
    (void)cairn::sys::thread_yield();
}

cairn::ThreadInfo thread_info(uint64_t thread_id) {
    cairn::ThreadInfo info{};
    (void)cairn::sys::thread_info(thread_id, &info);
    return info;
}

cairn::SystemInfo system_info() {
    cairn::SystemInfo info{};
    (void)cairn::sys::system_info(&info);
    return info;
}

int64_t set_priority(uint64_t thread_id, uint64_t priority) {
    return cairn::sys::thread_set_priority(thread_id, priority).raw;
}

int64_t set_affinity(uint64_t thread_id, uint64_t cpu_mask) {
    return cairn::sys::thread_set_affinity(thread_id, cpu_mask).raw;
}

uint64_t current_cpu() {
    return thread_info().last_cpu;
}

namespace {

struct Start {
    void (*function)(void*);
    void* argument;
};

int64_t trampoline(void* argument) {
    auto* start = static_cast<Start*>(argument);
    start->function(start->argument);
    return 0;
}

}  // namespace

bool start_thread(Thread* thread, void (*function)(void*), void* argument, uint64_t priority,
                  uint64_t cpu_mask) {
    auto* runtime_thread = new cairn::Thread;
    // The Start block lives until join(): the thread may start late.
    auto* start = new Start{function, argument};
    cairn::ThreadOptions options;
    options.priority = priority;
    options.cpu_mask = cpu_mask;
    cairn::Result result = runtime_thread->start(trampoline, start, options);
    if (!result) {
        delete start;
        delete runtime_thread;
        return false;
    }
    thread->id = result.value();
    thread->runtime = runtime_thread;
    thread->start = start;
    return true;
}

int64_t join(Thread* thread) {
    auto* runtime_thread = static_cast<cairn::Thread*>(thread->runtime);
    if (runtime_thread == nullptr) return static_cast<int64_t>(cairn::Status::kNotFound);
    int64_t status = runtime_thread->join().raw;
    delete runtime_thread;
    delete static_cast<Start*>(thread->start);
    thread->runtime = nullptr;
    thread->start = nullptr;
    return status;
}

int64_t raw_syscall(uint64_t number, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                    uint64_t a4, uint64_t a5) {
    return cairn::sys::call(static_cast<cairn::Syscall>(number), a0, a1, a2, a3, a4, a5).raw;
}

}  // namespace utest
