// Self-tests of interrupts and the clock on the real controller and timer
// (`test=irq`): inter-processor interrupts to this CPU, the tick, the
// monotonic clock, and the controller's refusal of lines it lacks.
#include "kernel/selftest/selftest.h"
#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/timer.h"
#include "kernel/interrupt/dispatch.h"
#include "kernel/time/clock.h"

namespace kernel::time {
namespace {

constexpr uint64_t kMillisecond = 1000000;

// Waits with interrupts enabled until `done()` or `timeout_ns` passed.
template <typename Condition>
bool wait_until(Condition done, uint64_t timeout_ns) {
    uint64_t start = now_ns();
    while (!done()) {
        if (now_ns() - start > timeout_ns) return false;
        hal::spin_pause();
    }
    return true;
}

KERNEL_TEST(irq, controller_refuses_lines_it_lacks) {
    hal::irq::InterruptController& controller = hal::irq::controller();
    CHECK(controller.name()[0] != '\0');
    CHECK(controller.line_count() > 0);
    CHECK(controller.enable(controller.line_count()).error() == os::Error::kInvalidArgument);
    CHECK(controller.enable(0xffffffffu).error() == os::Error::kInvalidArgument);
    CHECK(hal::irq::send_ipi(0xffffu).error() == os::Error::kInvalidArgument);
}

KERNEL_TEST(irq, ipi_to_this_cpu) {
    uint64_t before = interrupt::ipi_count();
    REQUIRE(!hal::irq::send_ipi(hal::current_cpu_index()).is_error());
    CHECK(wait_until([&] { return interrupt::ipi_count() > before; }, 2000 * kMillisecond));
    CHECK_EQ(interrupt::ipi_count(), before + 1);
}

KERNEL_TEST(irq, monotonic_clock_never_goes_back) {
    CHECK(hal::timer::resolution_ns() >= 1);
    CHECK(hal::timer::resolution_ns() <= 1000);
    uint64_t previous = now_ns();
    bool monotonic = true;
    for (int i = 0; i < 10000; ++i) {
        uint64_t now = now_ns();
        monotonic = monotonic && now >= previous;
        previous = now;
    }
    CHECK(monotonic);
    // It moves: 10 ms of spinning is at least a few resolution steps.
    uint64_t start = now_ns();
    CHECK(wait_until([&] { return now_ns() - start >= 10 * kMillisecond; }, 5000 * kMillisecond));
}

// A 100 Hz tick: 20 ticks take at least 19 periods (ticks are never early;
// under emulation they may be late, so there is no upper bound), and a
// stopped tick stays stopped.
KERNEL_TEST(irq, periodic_tick) {
    REQUIRE(!start_tick(100).is_error());
    uint64_t start = now_ns();
    CHECK(wait_until([] { return ticks() >= 20; }, 10000 * kMillisecond));
    uint64_t elapsed = now_ns() - start;
    CHECK(elapsed >= 19 * 10 * kMillisecond);
    stop_tick();
    uint64_t stopped_at = ticks();
    uint64_t pause_start = now_ns();
    wait_until([&] { return now_ns() - pause_start >= 50 * kMillisecond; }, 1000 * kMillisecond);
    CHECK_EQ(ticks(), stopped_at);
    CHECK(start_tick(0).error() == os::Error::kInvalidArgument);
}

}  // namespace
}  // namespace kernel::time
