#include "kernel/smp/cpus.h"

#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/smp.h"
#include "hal/timer.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/sched/scheduler.h"
#include "kernel/smp/online.h"
#include "kernel/time/clock.h"

namespace kernel::smp {
namespace {

constexpr uint64_t kWaitNs = 2000000000;  // all starts together, generous for emulation
uint32_t firmware_cpus = 1;

// A CPU spinning with interrupts masked never takes the halt IPI: panic
// goes on without it after this long.
constexpr uint64_t kPanicHaltWaitNs = 100000000;

void halt_others_for_panic() {
    (void)interrupt::halt_other_cpus(kPanicHaltWaitNs);
}

}  // namespace

uint32_t start_other_cpus(uint32_t expected_cpus) {
    firmware_cpus = expected_cpus;
    set_stop_other_cpus(halt_others_for_panic);
    uint32_t started = hal::smp::start_secondary_cpus();
    uint64_t start = hal::timer::monotonic_ns();
    while (__atomic_load_n(&online_count, __ATOMIC_ACQUIRE) < started + 1 &&
           hal::timer::monotonic_ns() - start < kWaitNs) {
        hal::spin_pause();
    }
    uint32_t online = online_cpus();
    print("smp: %u of %u CPUs online\n", online, expected_cpus);
    return online;
}

uint32_t expected_cpus() {
    return firmware_cpus;
}

}  // namespace kernel::smp

namespace kernel {

// A secondary CPU joins the scheduler (its boot context becomes its idle
// thread), checks in, and runs whatever the scheduler gives it.
void secondary_main() {
    sched::join_this_cpu();
    uint32_t cpu = hal::current_cpu_index();
    if (cpu < smp::kMaxCpus)
        __atomic_fetch_or(&smp::online_mask, uint64_t{1} << cpu, __ATOMIC_RELEASE);
    __atomic_add_fetch(&smp::online_count, 1, __ATOMIC_RELEASE);
    (void)time::start_tick();
    sched::run_idle();
}

}  // namespace kernel
