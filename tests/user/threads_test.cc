// Many threads at mixed priorities (normal and real time) all run to the
// end, each sees its own stack and thread-local storage, and join returns
// each one's exit status.
#include <stdio.h>

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

constexpr int kThreads = 48;
constexpr int kRounds = 200;

thread_local uint64_t tls_counter = 0;

struct Worker {
    int index = 0;
    uint64_t sum = 0;
    bool tls_private = true;
};

void work(void* argument) {
    auto* worker = static_cast<Worker*>(argument);
    for (int round = 0; round < kRounds; ++round) {
        tls_counter += static_cast<uint64_t>(worker->index);
        worker->sum += static_cast<uint64_t>(worker->index);
        if (round % 16 == 0) yield();
    }
    worker->tls_private = tls_counter == worker->sum;
}

}  // namespace

void run_threads() {
    static Worker workers[kThreads];
    static Thread threads[kThreads];
    int started = 0;
    for (int index = 0; index < kThreads; ++index) {
        workers[index] = Worker{index + 1, 0, true};
        // Priorities spread over both classes: real time 10..90 and normal
        // 100..139.
        uint64_t priority = index % 4 == 0 ? 10 + static_cast<uint64_t>(index) % 80
                                           : 100 + static_cast<uint64_t>(index) % 40;
        if (CHECK(start_thread(&threads[index], work, &workers[index], priority))) ++started;
    }
    CHECK_EQ(started, kThreads);
    for (int index = 0; index < started; ++index) {
        CHECK_EQ(join(&threads[index]), 0);
        CHECK_EQ(workers[index].sum, static_cast<uint64_t>(kRounds) * (index + 1));
        CHECK(workers[index].tls_private);
    }
    CHECK_EQ(tls_counter, 0u);  // the main thread's copy was never touched
    printf("threads: %d threads at mixed priorities ran to the end\n", started);
}

}  // namespace utest
