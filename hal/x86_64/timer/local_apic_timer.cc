#include "hal/x86_64/timer/local_apic_timer.h"

#include "hal/cpu.h"
#include "hal/timer.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/interrupts/local_apic.h"
#include "hal/x86_64/interrupts/vectors.h"
#include "hal/x86_64/timer/pit_calibration.h"
#include "hal/x86_64/timer/rate.h"
#include "kernel/debug/print.h"

namespace hal::x86_64 {
namespace {

constexpr uint64_t kNanosecondsPerSecond = 1000000000;
constexpr uint64_t kMaxTimerCount = 0xffffffff;

struct Clock {
    bool calibrated = false;
    uint64_t tsc_at_start = 0;
    Rate nanoseconds_per_tsc_tick;
    Rate tsc_ticks_per_nanosecond;
    Rate timer_ticks_per_nanosecond;
    uint64_t resolution_ns = 1;
};

Clock clock;

// Per CPU, touched only by that CPU with interrupts masked. The deadline is
// kept in TSC ticks, the clock monotonic_ns() reads: the local APIC timer
// is calibrated separately and may run slightly fast, so an interrupt
// before the deadline re-arms for the rest instead of ticking early.
struct OneShot {
    bool armed = false;
    uint64_t deadline_tsc = 0;
};

OneShot one_shots[kMaxCpus];

OneShot& this_cpu() {
    uint32_t cpu = hal::current_cpu_index();
    return one_shots[cpu < kMaxCpus ? cpu : 0];
}

// Starts the local APIC timer to expire `tsc_ticks` from now (rounded up,
// at least one timer tick; a longer wait than the counter holds expires
// early and is re-armed from the interrupt).
void start_for(uint64_t tsc_ticks) {
    uint64_t nanoseconds = clock.nanoseconds_per_tsc_tick.apply_rounding_up(tsc_ticks);
    uint64_t count = clock.timer_ticks_per_nanosecond.apply_rounding_up(nanoseconds) + 1;
    local_apic::start_timer(static_cast<uint32_t>(count > kMaxTimerCount ? kMaxTimerCount : count));
}

}  // namespace

void handle_local_apic_timer_interrupt() {
    OneShot& one_shot = this_cpu();
    if (!one_shot.armed) return;  // cancelled after it fired
    uint64_t now = read_time_stamp_counter();
    if (now < one_shot.deadline_tsc) {
        start_for(one_shot.deadline_tsc - now);
        return;
    }
    one_shot.armed = false;
    kernel::handle_timer_tick();  // may arm the next one
}

}  // namespace hal::x86_64

namespace hal::timer {

using x86_64::clock;

os::ErrorOr<void> initialize() {
    // controller().initialize() maps and enables the local APIC.
    if (!x86_64::local_apic::initialized()) return os::Error::kUnsupported;
    if (!clock.calibrated) {
        x86_64::local_apic::configure_timer(x86_64::kTimerVector, true);
        auto calibrated = x86_64::calibrate_against_pit();
        if (calibrated.is_error()) return calibrated.error();
        uint64_t tsc_hz = calibrated.value().tsc_hz;
        uint64_t timer_hz = calibrated.value().local_apic_timer_hz;
        clock.nanoseconds_per_tsc_tick = x86_64::Rate(x86_64::kNanosecondsPerSecond, tsc_hz);
        clock.tsc_ticks_per_nanosecond = x86_64::Rate(tsc_hz, x86_64::kNanosecondsPerSecond);
        clock.timer_ticks_per_nanosecond = x86_64::Rate(timer_hz, x86_64::kNanosecondsPerSecond);
        clock.resolution_ns = (x86_64::kNanosecondsPerSecond + tsc_hz - 1) / tsc_hz;
        clock.tsc_at_start = x86_64::read_time_stamp_counter();
        clock.calibrated = true;
        kernel::print("timer: TSC %llu kHz, local APIC timer %llu kHz (measured against the PIT)\n",
                      static_cast<unsigned long long>(tsc_hz / 1000),
                      static_cast<unsigned long long>(timer_hz / 1000));
    }
    x86_64::local_apic::configure_timer(x86_64::kTimerVector, false);
    return {};
}

uint64_t monotonic_ns() {
    return clock.nanoseconds_per_tsc_tick.apply(x86_64::read_time_stamp_counter() -
                                                clock.tsc_at_start);
}

uint64_t resolution_ns() {
    return clock.resolution_ns;
}

void arm_oneshot(uint64_t delay_ns) {
    hal::InterruptState saved = hal::disable_interrupts();
    x86_64::OneShot& one_shot = x86_64::this_cpu();
    uint64_t now = x86_64::read_time_stamp_counter();
    uint64_t ticks = clock.tsc_ticks_per_nanosecond.apply_rounding_up(delay_ns);
    one_shot.deadline_tsc = ticks > ~uint64_t{0} - now ? ~uint64_t{0} : now + ticks;
    one_shot.armed = true;
    x86_64::start_for(ticks);
    hal::restore_interrupts(saved);
}

void cancel() {
    hal::InterruptState saved = hal::disable_interrupts();
    x86_64::this_cpu().armed = false;
    x86_64::local_apic::start_timer(0);
    hal::restore_interrupts(saved);
}

}  // namespace hal::timer
