// hal/timer.h on riscv64: the time CSR counts at the device tree's
// timebase-frequency (10 MHz on QEMU virt); the one-shot compare is the
// stimecmp CSR where the hart has Sstc and the firmware lets S-mode use it
// (menvcfg.STCE), else the SBI set_timer call.
#include "hal/timer.h"

#include "hal/cpu.h"
#include "hal/riscv64/harts.h"
#include "hal/riscv64/interrupts/interrupt_trap.h"
#include "hal/riscv64/sbi.h"
#include "hal/riscv64/smp/hart_setup.h"
#include "kernel/debug/print.h"

extern "C" uint64_t riscv64_probe_stimecmp();  // probes.S

namespace hal::riscv64 {
namespace {

constexpr uint64_t kNanosecondsPerSecond = 1000000000;
// monotonic_ns() multiplies a remainder below the frequency by 10^9: that
// must fit in 64 bits.
constexpr uint64_t kMaxFrequency = UINT64_MAX / kNanosecondsPerSecond;
constexpr uint64_t kNever = UINT64_MAX;

// Set once by initialize() on the boot hart, read-only afterwards.
constinit uint64_t frequency = 0;  // of the time CSR, in Hz; 0 until initialize()
constinit uint64_t start_time = 0;
constinit bool use_sstc = false;

// The compare each hart last set through the SBI (which cannot read it back),
// for riscv64_yield_to_other_harts(); written only by that hart.
struct alignas(64) SbiCompare {
    uint64_t value = kNever;
};
constinit SbiCompare sbi_compare_of[kMaxCpus];

uint64_t read_time() {
    uint64_t value;
    asm volatile("rdtime %0" : "=r"(value));
    return value;
}

// The time CSR value at which this hart's timer interrupt becomes pending
// (until the compare moves past the time again).
void set_compare(uint64_t time_value) {
    if (use_sstc) {
        asm volatile("csrw 0x14d, %0" ::"r"(time_value) : "memory");  // stimecmp
    } else {
        // Noted before the call: a riscv64_yield_to_other_harts() from an
        // interrupt between the two restores this value, which the call sets.
        uint32_t cpu = hal::current_cpu_index();
        if (cpu < kMaxCpus) sbi_compare_of[cpu].value = time_value;
        sbi::set_timer(time_value);
    }
}

uint64_t read_compare() {
    if (!use_sstc) {
        uint32_t cpu = hal::current_cpu_index();
        return cpu < kMaxCpus ? sbi_compare_of[cpu].value : kNever;
    }
    uint64_t value;
    asm volatile("csrr %0, 0x14d" : "=r"(value));  // stimecmp
    return value;
}

// ticks * 10^9 / frequency without overflow: whole seconds and the rest.
uint64_t ticks_to_ns(uint64_t ticks) {
    return ticks / frequency * kNanosecondsPerSecond +
           ticks % frequency * kNanosecondsPerSecond / frequency;
}

// The ticks that take at least `ns` (rounded up: a timer is never early).
uint64_t ns_to_ticks(uint64_t ns) {
    uint64_t whole_seconds = ns / kNanosecondsPerSecond;
    uint64_t rest = ns % kNanosecondsPerSecond;
    if (whole_seconds > UINT64_MAX / frequency) return kNever;
    return whole_seconds * frequency +
           (rest * frequency + kNanosecondsPerSecond - 1) / kNanosecondsPerSecond;
}

}  // namespace

void handle_timer_interrupt() {
    // The interrupt stays pending while the compare lies in the past: disarm
    // first, so a kernel that does not re-arm is not interrupted again.
    hal::timer::cancel();
    kernel::handle_timer_tick();
}

os::ErrorOr<void> start_timer_on_this_hart() {
    if (frequency == 0) return os::Error::kUnsupported;
    // menvcfg.STCE is per hart: the firmware may have set it on the boot
    // hart only (it does so for harts whose ISA has Sstc).
    if (use_sstc && riscv64_probe_stimecmp() == 0) return os::Error::kUnsupported;
    // The compare's reset value is unspecified: "never" before STIE.
    set_compare(kNever);
    enable_interrupt_source(kSupervisorTimerInterrupt);
    return {};
}

}  // namespace hal::riscv64

namespace hal::timer {

using namespace riscv64;

os::ErrorOr<void> initialize() {
    uint64_t hz = TRY(timebase_frequency());
    if (hz > kMaxFrequency) return os::Error::kUnsupported;
    frequency = hz;
    // The device tree says whether the hart has Sstc; the probe, whether the
    // firmware enabled stimecmp for S-mode (menvcfg.STCE), without which
    // touching it is an illegal instruction.
    bool listed = boot_hart_has_extension("sstc");
    use_sstc = listed && riscv64_probe_stimecmp() != 0;
    set_compare(kNever);
    start_time = read_time();
    enable_interrupt_source(kSupervisorTimerInterrupt);
    kernel::print(
        "riscv64: timer %llu Hz, one-shot through %s\n", static_cast<unsigned long long>(hz),
        use_sstc ? "stimecmp (Sstc)"
                 : (listed ? "SBI set_timer (Sstc not enabled by the firmware)" : "SBI set_timer"));
    return {};
}

uint64_t monotonic_ns() {
    if (frequency == 0) return 0;
    return ticks_to_ns(read_time() - start_time);
}

uint64_t resolution_ns() {
    if (frequency == 0) return 1;
    uint64_t ns = (kNanosecondsPerSecond + frequency - 1) / frequency;
    return ns == 0 ? 1 : ns;
}

void arm_oneshot(uint64_t delay_ns) {
    if (frequency == 0) return;
    uint64_t now = read_time();
    uint64_t ticks = ns_to_ticks(delay_ns);
    set_compare(ticks > kNever - 1 - now ? kNever - 1 : now + ticks);
}

void cancel() {
    set_compare(kNever);
}

}  // namespace hal::timer

// Lets an emulator that runs every hart on one thread switch to another hart
// (why: hal/riscv64/include/hal/arch/cpu_inline.h, spin_pause), by a wfi that
// returns at once. Called by riscv64_spin_yield (cpu.cc).
extern "C" void riscv64_yield_to_other_harts() {
    using namespace hal::riscv64;
    // wfi returns only once an interrupt enabled in sie is pending (sstatus.SIE
    // does not matter). A compare in the past makes the timer's pending, so
    // the wfi cannot sleep; without the timer started on this hart (sie.STIE
    // clear) nothing guarantees a wake-up, so do not wait at all.
    uint64_t enabled;
    asm volatile("csrr %0, sie" : "=r"(enabled));
    if (frequency == 0 || (enabled & (uint64_t{1} << kSupervisorTimerInterrupt)) == 0) return;
    // Masked: the timer interrupt must not be taken (and the compare moved by
    // its handler) while the compare is borrowed.
    hal::InterruptState state = hal::disable_interrupts();
    const uint64_t compare = read_compare();
    set_compare(0);
    asm volatile("wfi" ::: "memory");
    // Pending again only if the real deadline passed meanwhile, as without the
    // yield.
    set_compare(compare);
    hal::restore_interrupts(state);
}
