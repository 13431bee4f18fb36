// Self-tests of CPU bring-up (`test=smp`): every CPU firmware lists checks
// in with its own index and takes an inter-processor interrupt.
#include "kernel/selftest/selftest.h"
#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/timer.h"
#include "kernel/debug/panic.h"
#include "kernel/interrupt/dispatch.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/smp/cpus.h"

namespace kernel::smp {
namespace {

KERNEL_TEST(smp, every_listed_cpu_is_online) {
    CHECK_EQ(online_cpus(), expected_cpus());
    CHECK_EQ(hal::current_cpu_index(), 0u);  // the boot CPU runs the tests
    for (uint32_t cpu = 0; cpu < expected_cpus(); ++cpu)
        CHECK(is_online(cpu));
    CHECK(!is_online(expected_cpus()));
}

KERNEL_TEST(smp, every_cpu_takes_an_ipi) {
    for (uint32_t cpu = 1; cpu < kMaxCpus; ++cpu) {
        if (!is_online(cpu)) continue;  // a CPU that did not start leaves a hole
        uint64_t before = interrupt::ipi_count_of(cpu);
        if (!CHECK(!hal::irq::send_ipi(cpu).is_error())) continue;
        uint64_t start = hal::timer::monotonic_ns();
        while (interrupt::ipi_count_of(cpu) == before &&
               hal::timer::monotonic_ns() - start < 2000000000) {
            hal::spin_pause();
        }
        CHECK_EQ(interrupt::ipi_count_of(cpu), before + 1);
    }
}

void panic_here(void*) {
    panic("raised on CPU %u", hal::current_cpu_index());
}

// Ends in a panic (tests/kernel checks the message): CPU 1 panics while CPU
// 0 waits for it with interrupts masked, so CPU 0 takes the halt request in
// its wait loop, and CPU 1 prints and powers off.
KERNEL_TEST(smp_fatal_panic_on_cpu1, panic_raised_on_cpu1) {
    REQUIRE(is_online(1));
    (void)interrupt::call_on_cpu(1, panic_here, nullptr);
    CHECK(false);  // never gets here
}

}  // namespace
}  // namespace kernel::smp
