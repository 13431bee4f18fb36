// hal/timer.h for aarch64: the ARM generic timer. The clock is the virtual
// counter CNTVCT_EL0 (equal to the physical one: CNTVOFF_EL2 is 0 when we
// enter at EL2, and any hypervisor keeps it steady); the per-CPU one-shot
// is the EL1 virtual timer (CNTV_*), which needs no EL2 permission and which
// QEMU and KVM both give to a guest. Its interrupt is the PPI the device
// tree names (INTID 27 on every known board).
#include "hal/timer.h"

#include "hal/aarch64/counter_conversion.h"
#include "hal/aarch64/interrupts/gic.h"
#include "hal/cpu.h"

namespace hal::aarch64 {
namespace {

// CNTV_CTL_EL0: ENABLE, IMASK (the interrupt is masked while set).
constexpr uint64_t kTimerEnable = 1;
constexpr uint64_t kTimerMasked = 2;

constinit uint64_t frequency = 0;    // CNTFRQ_EL0, ticks per second
constinit uint64_t start_count = 0;  // the counter at initialize()

uint64_t read_counter() {
    uint64_t count;
    // isb: the read happens here, not speculatively earlier, so two reads in
    // program order never see the counter go back.
    asm volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(count) : : "memory");
    return count;
}

void write_control(uint64_t value) {
    asm volatile("msr cntv_ctl_el0, %0\n\tisb" : : "r"(value) : "memory");
}

}  // namespace

void handle_timer_interrupt() {
    // The timer interrupt is level-triggered and stays asserted until the
    // compare value moves: mask it first, so that a handler that does not
    // re-arm (a stopped tick) does not get it again at once.
    write_control(kTimerMasked);
    kernel::handle_timer_tick();
}

}  // namespace hal::aarch64

namespace hal::timer {

using namespace hal::aarch64;

os::ErrorOr<void> initialize() {
    // The clock is global: the first call (the boot CPU) sets it up, later
    // ones (other CPUs) only prepare their own timer, so it never restarts.
    if (frequency == 0) {
        uint64_t hz;
        asm volatile("mrs %0, cntfrq_el0" : "=r"(hz));
        // Firmware sets CNTFRQ_EL0; 0 (never set) or beyond what the
        // conversions handle leaves no usable clock.
        if (hz == 0 || hz >= kMaxCounterFrequency) return os::Error::kUnsupported;
        start_count = read_counter();
        frequency = hz;
    }
    write_control(kTimerMasked);
    Gic& gic = active_gic();
    if (gic.line_count() == 0) return os::Error::kNotFound;  // the GIC is not up
    gic.enable_reserved(interrupt_platform().timer_intid);
    return {};
}

uint64_t monotonic_ns() {
    if (frequency == 0) return 0;  // before initialize()
    return ticks_to_ns(read_counter() - start_count, frequency);
}

uint64_t resolution_ns() {
    return frequency == 0 ? 1 : tick_resolution_ns(frequency);
}

void arm_oneshot(uint64_t delay_ns) {
    if (frequency == 0) return;
    uint64_t ticks = ns_to_ticks(delay_ns, frequency);
    uint64_t now = read_counter();
    uint64_t deadline = ticks > ~uint64_t{0} - now ? ~uint64_t{0} : now + ticks;
    asm volatile("msr cntv_cval_el0, %0" : : "r"(deadline) : "memory");
    write_control(kTimerEnable);
}

void cancel() {
    write_control(kTimerMasked);
}

}  // namespace hal::timer
