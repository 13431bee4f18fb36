#include "kernel/time/clock.h"

#include "hal/cpu.h"
#include "hal/timer.h"
#include "kernel/smp/cpus.h"

namespace kernel::time {
namespace {

using smp::kMaxCpus;
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

void arm_next(TickState& state) {
    uint64_t now = hal::timer::monotonic_ns();
    // Late by more than a period (a long interrupts-off stretch): skip the
    // missed ticks instead of firing them back to back.
    if (state.next_deadline_ns + state.period_ns <= now) {
        state.next_deadline_ns = now;
    }
    state.next_deadline_ns += state.period_ns;
    hal::timer::arm_oneshot(state.next_deadline_ns > now ? state.next_deadline_ns - now : 0);
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
    hal::timer::cancel();
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

void handle_timer_tick() {
    time::TickState& state = time::this_cpu();
    if (state.hz == 0) return;  // stopped: a late interrupt from before stop_tick()
    __atomic_add_fetch(&state.ticks, 1, __ATOMIC_RELAXED);
    time::arm_next(state);
}

}  // namespace kernel
