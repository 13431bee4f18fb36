// Threads of a user program: each gets its own stack and static TLS block in
// one anonymous mapping, freed when the thread is joined.
//
//   cairn::Thread worker;
//   worker.start([&] { ... });          // or start(function, argument)
//   int64_t status = worker.join().raw;
//
// A Thread that was started and not joined is joined by its destructor.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/sys.h"

namespace cairn {

struct ThreadOptions {
    static constexpr size_t kDefaultStackSize = 256 * 1024;

    size_t stack_size = kDefaultStackSize;  // rounded up to pages
    uint64_t priority = kInheritPriority;   // 0..139
    uint64_t cpu_mask = 0;                  // 0: any CPU
};

class Thread {
public:
    // The thread's function; its result becomes the exit status (>= 0).
    using Function = int64_t (*)(void* argument);

    using Options = ThreadOptions;

    Thread() = default;
    ~Thread();
    Thread(const Thread&) = delete;
    Thread& operator=(const Thread&) = delete;
    Thread(Thread&& other);
    Thread& operator=(Thread&& other);

    // Starts `function(argument)` on a new thread of this process; returns
    // its thread id. kInvalidArgument if this Thread already runs one.
    Result start(Function function, void* argument, const Options& options = {});

    // Starts a copy of `callable` (returning void or an integer status).
    template <typename Callable>
    Result start(Callable callable, const Options& options = {}) {
        auto* boxed = new Callable(static_cast<Callable&&>(callable));
        Result result = start(&call_boxed<Callable>, boxed, options);
        if (!result) delete boxed;
        return result;
    }

    // Waits for the thread to end and returns its exit status; frees its
    // stack and TLS. kTimedOut leaves it running (and joinable).
    Result join(uint64_t timeout_ns = kForever);

    bool joinable() const { return id_ != 0; }
    uint64_t id() const { return id_; }

    static void yield() { (void)sys::thread_yield(); }
    static void sleep(uint64_t nanoseconds) { (void)sys::thread_sleep(nanoseconds); }

private:
    template <typename Callable>
    static int64_t call_boxed(void* argument) {
        auto* callable = static_cast<Callable*>(argument);
        int64_t status = 0;
        if constexpr (__is_void(decltype((*callable)()))) {
            (*callable)();
        } else {
            status = static_cast<int64_t>((*callable)());
        }
        delete callable;
        return status;
    }

    void release_memory();

    uint64_t id_ = 0;
    uintptr_t mapping_ = 0;  // stack + TLS + start record
    size_t mapping_length_ = 0;
};

}  // namespace cairn
