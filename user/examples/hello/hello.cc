// hello: exercises the runtime end to end and says what it saw.
//   hello from user space
//   hello: constructor ran, argv[0] = bin/init
//   ...
//   hello: all checks passed
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "cairn/thread.h"

namespace {

int g_failures = 0;

void check(bool condition, const char* what) {
    if (!condition) {
        printf("hello: FAILED: %s\n", what);
        ++g_failures;
    }
}

// A static constructor: runs before main through .init_array.
struct Greeter {
    Greeter() : value(42) {}
    int value;
};
Greeter g_greeter;

// Each thread sees its own copy, initialized from the TLS image.
thread_local int t_counter = 7;
thread_local char t_zeroed[64];

struct Shape {
    virtual ~Shape() = default;
    virtual int sides() const = 0;
};
struct Square final : Shape {
    int sides() const override { return 4; }
};

struct alignas(64) Aligned {
    char bytes[64];
};

void say_goodbye() {
    printf("hello: atexit handler ran\n");
}

// A function-local static: initialized once, under __cxa_guard_acquire.
int& lazily_initialized() {
    static int value = g_greeter.value + 1;
    return value;
}

int64_t worker(void* argument) {
    auto* shared = static_cast<int*>(argument);
    check(t_counter == 7, "a new thread's TLS starts from the image");
    t_counter = 100;
    *shared = 1234;
    printf("hello from a thread\n");
    return 5;
}

}  // namespace

int main(int argc, char** argv) {
    printf("hello from user space\n");
    printf("hello: constructor %s, argc = %d, argv[0] = %s\n",
           g_greeter.value == 42 ? "ran" : "did NOT run", argc, argv[0]);
    check(g_greeter.value == 42, "static constructor");
    check(argv[argc] == nullptr, "argv ends with a null pointer");
    check(lazily_initialized() == 43, "function-local static");
    check(atexit(say_goodbye) == 0, "atexit");

    // TLS of the main thread.
    check(t_counter == 7, "main thread TLS initialized");
    bool zero = true;
    for (char c : t_zeroed) zero = zero && c == 0;
    check(zero, "TLS .tbss zeroed");
    t_counter = 8;

    // The heap: malloc, new, delete, aligned new, a big block.
    Shape* shape = new Square;
    check(shape->sides() == 4, "virtual call through new");
    delete shape;
    auto* aligned = new Aligned;
    check(reinterpret_cast<uintptr_t>(aligned) % 64 == 0, "aligned new");
    delete aligned;
    char* big = static_cast<char*>(malloc(8 << 20));
    check(big != nullptr, "8 MiB malloc");
    if (big != nullptr) {
        memset(big, 0x5a, 8 << 20);
        check(big[(8 << 20) - 1] == 0x5a, "heap memory is writable");
        free(big);
    }

    // A thread.
    int shared = 0;
    cairn::Thread thread;
    const cairn::Result started = thread.start(worker, &shared);
    check(started.ok(), "thread_create");
    if (started) {
        const cairn::Result status = thread.join();
        check(status.ok() && status.value() == 5, "join returns the exit status");
        check(shared == 1234, "the thread ran");
        check(t_counter == 8, "the thread's TLS is its own");
    }

    // A lambda on a thread, joined by the Thread's destructor.
    int from_lambda = 0;
    {
        cairn::Thread lambda_thread;
        check(lambda_thread.start([&from_lambda] { from_lambda = 99; }).ok(), "lambda thread");
    }
    check(from_lambda == 99, "the lambda ran before the destructor's join returned");

    printf("hello: %d %s, uptime %llu ms\n", g_failures, g_failures == 1 ? "failure" : "failures",
           static_cast<unsigned long long>(cairn::sys::clock_monotonic() / 1000000));
    if (g_failures == 0) printf("hello: all checks passed\n");
    return g_failures == 0 ? 0 : 1;
}
