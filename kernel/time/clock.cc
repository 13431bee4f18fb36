#include "kernel/time/clock.h"

#include "hal/cpu.h"
#include "hal/timer.h"
#include "kernel/sched/scheduler.h"

namespace kernel::time {
namespace {

using hal::kMaxCpus;  // not kernel/smp, which depends on this library
inline constexpr uint64_t kNanosecondsPerSecond = 1000000000;

// Per CPU; touched only by its own CPU, with interrupts masked.
struct TickState {
    uint32_t hz = 0;
    uint64_t period_ns = 0;
    uint64_t next_deadline_ns = 0;
    uint64_t ticks = 0;
};

TickState tick_states[kMaxCpus];

TickState& this_cpu() {
    uint32_t cpu = hal::current_cpu_index();
    return tick_states[cpu < kMaxCpus ? cpu : 0];
}

// Moves the tick's deadline past `now` and hands it to the scheduler, which
// owns the one-shot timer: it arms it for the earlier of the tick and its
// sleepers' deadlines.
void arm_next(TickState& state) {
    uint64_t now = hal::timer::monotonic_ns();
    // Late by more than a period (a long interrupts-off stretch): skip the
    // missed ticks instead of firing them back to back.
    if (state.next_deadline_ns + state.period_ns <= now) {
        state.next_deadline_ns = now;
    }
    state.next_deadline_ns += state.period_ns;
    sched::set_tick_deadline(state.next_deadline_ns);
}

}  // namespace

os::ErrorOr<void> start_tick(uint32_t hz) {
    if (hz == 0 || hz > 10000) return os::Error::kInvalidArgument;
    hal::InterruptState saved = hal::disable_interrupts();
    TickState& state = this_cpu();
    state.hz = hz;
    state.period_ns = kNanosecondsPerSecond / hz;
    state.ticks = 0;
    state.next_deadline_ns = hal::timer::monotonic_ns();
    arm_next(state);
    hal::restore_interrupts(saved);
    return {};
}

void stop_tick() {
    hal::InterruptState saved = hal::disable_interrupts();
    this_cpu().hz = 0;
    sched::set_tick_deadline(sched::kNoDeadline);  // sleepers keep their deadlines
    hal::restore_interrupts(saved);
}

uint64_t ticks() {
    return __atomic_load_n(&this_cpu().ticks, __ATOMIC_RELAXED);
}

uint32_t tick_hz() {
    return this_cpu().hz;
}

uint64_t now_ns() {
    return hal::timer::monotonic_ns();
}

}  // namespace kernel::time

namespace kernel {

// The one-shot fires for the tick or for a sleeper's deadline (see
// arm_next); only the former counts as a tick.
void handle_timer_tick() {
    time::TickState& state = time::this_cpu();
    uint64_t now = hal::timer::monotonic_ns();
    bool tick = state.hz != 0 && now >= state.next_deadline_ns;
    if (tick) __atomic_add_fetch(&state.ticks, 1, __ATOMIC_RELAXED);
    sched::handle_timer_interrupt(now, tick);
    if (tick) {
        time::arm_next(state);
    } else {
        sched::set_tick_deadline(state.hz != 0 ? state.next_deadline_ns : sched::kNoDeadline);
    }
}

}  // namespace kernel
