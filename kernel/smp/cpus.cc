#include "kernel/smp/cpus.h"

#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/smp.h"
#include "hal/timer.h"
#include "kernel/debug/print.h"

namespace kernel::smp {
namespace {

constexpr uint64_t kWaitNs = 2000000000;  // all starts together, generous for emulation
uint32_t firmware_cpus = 1;

}  // namespace

// Set by secondary_main() on each CPU as it checks in.
uint64_t online_mask = 1;  // bit per CPU index; the boot CPU is 0
uint32_t online_count = 1;

uint32_t start_other_cpus(uint32_t expected_cpus) {
    firmware_cpus = expected_cpus;
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

uint32_t online_cpus() {
    return __atomic_load_n(&online_count, __ATOMIC_ACQUIRE);
}

uint32_t expected_cpus() {
    return firmware_cpus;
}

bool is_online(uint32_t cpu) {
    return cpu < kMaxCpus && (__atomic_load_n(&online_mask, __ATOMIC_ACQUIRE) >> cpu) & 1;
}

}  // namespace kernel::smp

namespace kernel {

// A secondary CPU checks in, turns interrupts on and idles until the
// scheduler (issue 4) gives it work.
void secondary_main() {
    uint32_t cpu = hal::current_cpu_index();
    if (cpu < smp::kMaxCpus)
        __atomic_fetch_or(&smp::online_mask, uint64_t{1} << cpu, __ATOMIC_RELEASE);
    __atomic_add_fetch(&smp::online_count, 1, __ATOMIC_RELEASE);
    hal::irq::enable_interrupts();
    for (;;)
        hal::wait_for_interrupt();
}

}  // namespace kernel
