// Self-tests of the HAL's thread switch (`test=context`), before and below
// the scheduler: two kernel contexts hand the CPU back and forth with
// hal::context::switch_to and check that locals (callee-saved registers and
// stack) survive every switch.
#include "hal/cpu.h"
#include "hal/thread_context.h"
#include "kernel/selftest/selftest.h"

namespace kernel::arch_selftest {
namespace {

constexpr uint32_t kRounds = 1000;
constexpr size_t kStackSize = 16384;

struct PingPong {
    hal::context::ThreadContext main_context{};
    hal::context::ThreadContext worker_context{};
    uint32_t worker_rounds = 0;
    bool worker_saw_wrong_value = false;
};

PingPong* ping_pong;
alignas(16) unsigned char worker_stack[kStackSize];

void worker(void* argument) {
    auto* state = static_cast<PingPong*>(argument);
    // Values kept live across every switch: the compiler keeps some of them
    // in callee-saved registers.
    uint64_t a = 0x1111, b = 0x2222, c = 0x3333, d = 0x4444, e = 0x5555, f = 0x6666;
    for (;;) {
        ++state->worker_rounds;
        a += 1, b += 2, c += 3, d += 4, e += 5, f += 6;
        uint32_t n = state->worker_rounds;
        hal::context::switch_to(state->worker_context, state->main_context);
        if (a != 0x1111 + n || b != 0x2222 + 2 * n || c != 0x3333 + 3 * n || d != 0x4444 + 4 * n ||
            e != 0x5555 + 5 * n || f != 0x6666 + 6 * n) {
            state->worker_saw_wrong_value = true;
        }
    }
}

KERNEL_TEST(context, switch_back_and_forth_keeps_registers) {
    PingPong state;
    ping_pong = &state;
    hal::context::initialize(state.worker_context,
                             reinterpret_cast<uintptr_t>(worker_stack + kStackSize), worker,
                             &state);
    hal::InterruptState interrupts = hal::disable_interrupts();
    uint64_t x = 7, y = 11, z = 13, w = 17, v = 19, u = 23;
    for (uint32_t round = 1; round <= kRounds; ++round) {
        hal::context::switch_to(state.main_context, state.worker_context);
        x = x * 3 + round, y ^= round, z += x, w -= y, v = v * 5 + z, u += w;
        if (state.worker_rounds != round) break;
    }
    hal::restore_interrupts(interrupts);
    CHECK_EQ(state.worker_rounds, kRounds);
    CHECK(!state.worker_saw_wrong_value);
    // The same arithmetic without switches must give the same values.
    uint64_t ex = 7, ey = 11, ez = 13, ew = 17, ev = 19, eu = 23;
    for (uint32_t round = 1; round <= kRounds; ++round)
        ex = ex * 3 + round, ey ^= round, ez += ex, ew -= ey, ev = ev * 5 + ez, eu += ew;
    CHECK_EQ(x, ex);
    CHECK_EQ(y, ey);
    CHECK_EQ(z, ez);
    CHECK_EQ(w, ew);
    CHECK_EQ(v, ev);
    CHECK_EQ(u, eu);
}

KERNEL_TEST(context, new_thread_starts_with_interrupts_masked_on_its_stack) {
    struct Probe {
        hal::context::ThreadContext main_context{};
        hal::context::ThreadContext probe_context{};
        uintptr_t stack_address = 0;
        bool interrupts_were_enabled = true;
    };
    static Probe probe;
    probe = Probe{};
    hal::context::initialize(
        probe.probe_context, reinterpret_cast<uintptr_t>(worker_stack + kStackSize),
        [](void* argument) {
            auto* p = static_cast<Probe*>(argument);
            volatile int local = 0;
            p->stack_address = reinterpret_cast<uintptr_t>(&local);
            p->interrupts_were_enabled = hal::interrupts_enabled();
            for (;;)
                hal::context::switch_to(p->probe_context, p->main_context);
        },
        &probe);
    hal::InterruptState interrupts = hal::disable_interrupts();
    hal::context::switch_to(probe.main_context, probe.probe_context);
    hal::restore_interrupts(interrupts);
    CHECK(!probe.interrupts_were_enabled);
    uintptr_t top = reinterpret_cast<uintptr_t>(worker_stack + kStackSize);
    CHECK(probe.stack_address < top && probe.stack_address >= top - kStackSize);
}

}  // namespace
}  // namespace kernel::arch_selftest
